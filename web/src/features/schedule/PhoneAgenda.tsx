// The schedule on a phone: the day's engagements as a list by time, each with where it is and who
// of the delegation goes, in place of a grid too wide to read at 390 px.
import { Link } from 'react-router';
import { clockSpan } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { Empty } from '../../ui/states';
import type { DayAxis } from './grid-model';
import { NO_ROOM } from './rows';
import type { GridBlock, GridRow } from './TimeGrid';

/** One line of the agenda: a block, with the rows it is on (one meeting, several persons). */
interface Item {
  block: GridBlock;
  rows: string[];
}

const KIND_LABEL: Readonly<Record<GridBlock['kind'], string>> = {
  meeting: 'Meeting',
  proposed: 'Proposed',
  programme: 'Programme',
  private: 'Private',
  busy: 'Busy',
};

/** Merges the same meeting on several rows into one line, in time order. */
export function agendaItems(blocks: readonly GridBlock[], rows: readonly GridRow[], axis: DayAxis): Item[] {
  const rowName = new Map(rows.map((r) => [r.id, r.label]));
  const byKey = new Map<string, Item>();
  for (const b of blocks) {
    if (b.to <= axis.start - 6 * 3_600_000 || b.from >= axis.end + 6 * 3_600_000) continue;
    const key = b.request ? `${b.kind}:${b.request}` : `${b.kind}:${b.label}:${b.from}:${b.to}`;
    const where = b.row === NO_ROOM ? 'No room (standing)' : (rowName.get(b.row) ?? '');
    const found = byKey.get(key);
    if (found) {
      if (where && !found.rows.includes(where)) found.rows.push(where);
    } else byKey.set(key, { block: b, rows: where ? [where] : [] });
  }
  return [...byKey.values()].sort((a, b) => a.block.from - b.block.from || a.block.to - b.block.to);
}

/** The agenda. */
export function PhoneAgenda(props: {
  summit: string;
  axis: DayAxis;
  zone: string;
  rows: GridRow[];
  blocks: GridBlock[];
  /** "Room" or "With", for the line that says where or who. */
  rowNoun: 'Room' | 'Person';
}) {
  const items = agendaItems(props.blocks, props.rows, props.axis);
  if (items.length === 0) return <Empty title="Nothing on this day" />;
  return (
    <ol className="phone-agenda" aria-label="The day by time" data-testid="phone-agenda">
      {items.map(({ block: b, rows }) => (
        <li
          key={`${b.key}`}
          className={`agenda-item ${b.kind}${b.proposal ? ` proposal-${b.proposal}` : ''}`}
        >
          <span className="agenda-time">{clockSpan(b.from, b.to, props.zone)}</span>
          <span className="agenda-what">
            <Badge
              kind={
                b.kind === 'meeting'
                  ? b.confirmed
                    ? 'confirmed'
                    : 'scheduled'
                  : b.kind === 'proposed'
                    ? 'agreed'
                    : 'private'
              }
            >
              {KIND_LABEL[b.kind]}
            </Badge>{' '}
            {b.request && b.kind !== 'busy' ? (
              <Link to={`/s/${props.summit}/requests/${b.request}`}>{b.title ?? b.label}</Link>
            ) : (
              <strong>{b.title ?? b.label}</strong>
            )}
            {b.proposal === 'moving' && <span className="small"> · the proposal moves it</span>}
            {b.proposal === 'removing' && <span className="small"> · the proposal takes it off</span>}
            {b.late && <span className="small late-note"> · late: {b.late}</span>}
            {rows.length > 0 && (
              <span className="agenda-where small">
                {props.rowNoun === 'Room' ? rows.join(', ') : `With ${rows.join(', ')}`}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
