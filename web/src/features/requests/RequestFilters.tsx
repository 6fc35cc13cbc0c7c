// The board's filters, kept in the address so a filtered board can be shared and reloaded.
import { useSearchParams } from 'react-router';
import type { RequestFilters as Filters } from '../../api/hooks/requests';
import { FORMATS, LEVELS, type Delegation } from '../../api/models';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/fields';
import { words } from './labels';

const KEYS = ['party', 'topic', 'level', 'priority', 'format'] as const;

/** The filters in the address bar. */
export function useFilters(): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const set = (next: Filters) => {
    const p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]);
    setParams(p, { replace: true });
  };
  return [filters, set];
}

/** The filter bar. */
export function RequestFilterBar(props: {
  filters: Filters;
  onChange(next: Filters): void;
  delegations: readonly Delegation[];
  ownDelegation: string | null;
}) {
  const { filters, onChange } = props;
  const set = (k: keyof Filters) => (v: string) => onChange({ ...filters, [k]: v || undefined });
  const any = KEYS.some((k) => filters[k]);
  return (
    <div role="search" className="filters" aria-label="Filter requests">
      <SelectField
        label="Counterpart"
        value={filters.party ?? ''}
        onChange={set('party')}
        anyLabel="Any delegation"
        choices={props.delegations
          .filter((d) => d.id !== props.ownDelegation)
          .map((d) => ({ id: d.id, label: d.name }))}
      />
      <TextField label="Topic" value={filters.topic ?? ''} onChange={set('topic')} placeholder="e.g. syria" />
      <SelectField
        label="Level"
        value={filters.level ?? ''}
        onChange={set('level')}
        anyLabel="Any level"
        choices={LEVELS.map((l) => ({ id: l, label: words(l) }))}
      />
      <SelectField
        label="Priority"
        value={filters.priority ?? ''}
        onChange={set('priority')}
        anyLabel="Any priority"
        choices={[5, 4, 3, 2, 1].map((p) => ({
          id: String(p),
          label: `P${p}${p === 5 ? ' (highest)' : ''}`,
        }))}
      />
      <SelectField
        label="Format"
        value={filters.format ?? ''}
        onChange={set('format')}
        anyLabel="Any format"
        choices={FORMATS.map((f) => ({ id: f, label: words(f) }))}
      />
      {any && (
        <Button tone="quiet" onPress={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
