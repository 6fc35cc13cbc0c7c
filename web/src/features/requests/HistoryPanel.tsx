// The request's event history, as far as the viewer may read it.
import { useHistory } from '../../api/hooks/requests';
import type { LogEvent } from '../../api/models';
import { When } from '../../app/When';
import { QueryState } from '../../ui/states';

/** A one-line description of an event: its type and the payload's telling fields. */
export function describeEvent(e: LogEvent): string {
  const p = e.payload;
  const bits: string[] = [];
  for (const key of [
    'status',
    'to',
    'from',
    'transition',
    'name',
    'condition',
    'outcome',
    'claim',
    'start',
    'room',
  ]) {
    const v = p[key];
    if (typeof v === 'string' || typeof v === 'number') bits.push(`${key} ${v}`);
  }
  return bits.length ? `${e.type} (${bits.join(', ')})` : e.type;
}

/** The history card. */
export function HistoryPanel(props: { summit: string; request: string }) {
  const history = useHistory(props.summit, props.request);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <QueryState query={history} what="Loading the history">
        {(events) =>
          events.length === 0 ? (
            <p className="muted">No events.</p>
          ) : (
            <ol className="history">
              {[...events].reverse().map((e) => (
                <li key={e.seq}>
                  <When from={e.at} /> — {describeEvent(e)} <span className="muted">by {e.actor}</span>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
