// Shows a refused stale write: what the user tried, who changed the record meanwhile and how.
import type { LogEvent } from '../../api/models';
import { Button } from '../../ui/Button';
import type { StaleWrite } from './useAction';

/** One field that differs between the record the user saw and the record now. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields that changed between two versions of a record (the version itself left out). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  fields.delete('version');
  const out: FieldChange[] = [];
  for (const field of fields) {
    const a = show(before[field]);
    const b = show(after[field]);
    if (a !== b) out.push({ field, before: a, after: b });
  }
  return out;
}

/** The conflict panel: nothing was overwritten; here is the other change; act again on the new version. */
export function StaleNotice(props: {
  stale: StaleWrite;
  lastEvent: LogEvent | undefined;
  onDismiss(): void;
}) {
  const { stale } = props;
  const changes = stale.before && stale.after ? changedFields(stale.before, stale.after) : [];
  return (
    <div className="conflict" role="alert" aria-labelledby="stale-title">
      <h2 id="stale-title">Someone else changed this first</h2>
      <p>
        Your action “{stale.action}” was not applied, so nothing of theirs was overwritten.{' '}
        {stale.error.message}
      </p>
      {props.lastEvent && (
        <p>
          Latest change: <strong>{props.lastEvent.type}</strong> by <strong>{props.lastEvent.actor}</strong>.
        </p>
      )}
      {changes.length > 0 ? (
        <table className="table">
          <caption>What changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">You saw</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>The page now shows the latest version.</p>
      )}
      <p>Review the latest version below, then act again if it still makes sense.</p>
      <Button onPress={props.onDismiss}>Dismiss</Button>
    </div>
  );
}
