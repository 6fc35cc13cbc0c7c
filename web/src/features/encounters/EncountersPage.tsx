// Encounters: where two delegations' principals will both be at an event where leaders mingle — the
// informal alternative to a meeting.
import { useState } from 'react';
import { useEncounters } from '../../api/hooks/encounters';
import { byId, useDelegations, useVenues } from '../../api/hooks/summit';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { SelectField } from '../../ui/fields';
import { Empty, Loading, QueryState } from '../../ui/states';

/** The encounters screen. */
export default function EncountersPage() {
  const { summit, standing } = useSummitScope();
  const delegations = useDelegations(summit.id);
  const venues = useVenues(summit.id);
  const [a, setA] = useState(standing.delegation ?? '');
  const [b, setB] = useState('');
  const encounters = useEncounters(summit.id, a, b);
  const places = byId(venues.data);
  const names = byId(delegations.data);

  if (delegations.isPending) return <Loading what="Loading delegations" />;
  const choices = (delegations.data ?? []).map((d) => ({ id: d.id, label: d.name }));
  return (
    <>
      <h1>Encounters</h1>
      <p className="muted">
        Programme events where leaders mingle (family photo, gala dinner) and both principals are present:
        where they will bump into each other if no meeting is held.
      </p>
      <div className="filters">
        <SelectField label="Delegation" value={a} onChange={setA} choices={choices} />
        <SelectField
          label="And"
          value={b}
          onChange={setB}
          choices={choices.filter((c) => c.id !== a)}
          placeholder="Choose a delegation"
        />
      </div>
      {!a || !b ? (
        <Empty title="Choose two delegations">Their principals' shared encounter windows appear here.</Empty>
      ) : (
        <QueryState query={encounters} what="Finding encounters">
          {(list) =>
            list.length === 0 ? (
              <Empty title="No encounter">
                {names.get(a)?.name} and {names.get(b)?.name} are never both at an encounter event.
              </Empty>
            ) : (
              <ul className="card-list">
                {list.map((e) => (
                  <li key={`${e.event}-${e.from}`} className="card">
                    <h2>{e.title}</h2>
                    <p>
                      <When from={e.from} to={e.to} />
                      {e.venue && ` · ${places.get(e.venue)?.name ?? e.venue}`}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
    </>
  );
}
