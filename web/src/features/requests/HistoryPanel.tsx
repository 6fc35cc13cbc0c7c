// The request's history, as far as the viewer may read it: each event in words and summit time,
// newest first, the latest few at once and the rest a click away.
import { useState } from 'react';
import { useHistory } from '../../api/hooks/requests';
import { When } from '../../app/When';
import { describeEvent } from '../../../../src/domain/words/event-words.js';
import type { SummitNames } from '../../lib/names';
import { Button } from '../../ui/Button';
import { QueryState } from '../../ui/states';

/** How many events show before "Show all". */
const FIRST = 6;

/** The history card. */
export function HistoryPanel(props: { summit: string; request: string; names: SummitNames }) {
  const history = useHistory(props.summit, props.request);
  const [all, setAll] = useState(false);
  return (
    <section className="card" aria-labelledby="history-title" id="history">
      <h2 id="history-title">History</h2>
      <QueryState query={history} what="Loading the history">
        {(events) => {
          if (events.length === 0) return <p className="muted">No events yet.</p>;
          const newest = [...events].reverse();
          const shown = all ? newest : newest.slice(0, FIRST);
          return (
            <>
              <ol className="history" data-testid="history">
                {shown.map((e) => {
                  const words = describeEvent(e, props.names);
                  return (
                    <li key={e.seq}>
                      <span className="history-when">
                        <When from={e.at} />
                      </span>{' '}
                      {words.text} <span className="muted">— {words.by}</span>
                    </li>
                  );
                })}
              </ol>
              {newest.length > FIRST && (
                <Button tone="quiet" className="btn-small" onPress={() => setAll(!all)}>
                  {all ? 'Show the latest only' : `Show all ${newest.length} events`}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
