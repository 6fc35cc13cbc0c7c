// The first screen after sign-in: the summits the user works at, with their role at each.
import { useQueries } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { readAll } from '../../api/lists';
import { useSummits } from '../../api/hooks/summit';
import { useMe } from '../../api/session';
import { AppHeader } from '../../app/AppHeader';
import { homeOf, standingAt, standingLabel } from '../../lib/roles';
import { zoneAbbrev } from '../../lib/time';
import { Empty, QueryState } from '../../ui/states';

/** The app's root: a user of one summit lands in it; others get the list. */
export function SummitPickerPage() {
  const me = useMe();
  const home = homeOf(me.grants);
  if (home !== '/') return <Navigate to={home} replace />;
  return <SummitList />;
}

/** Lists the summits, for everyone (`/summits`): the list stays reachable for users of one summit. */
export function SummitList() {
  const me = useMe();
  const summits = useSummits();
  // the delegation each grant is for, by name
  const delegations = useQueries({
    queries: (summits.data ?? []).map((s) => ({
      queryKey: ['summit', s.id, 'delegations'],
      queryFn: () => readAll('/api/summits/{summit}/delegations', { path: { summit: s.id } }),
      staleTime: 60_000,
    })),
  });
  const nameIn = (n: number) => (id: string) =>
    delegations[n]?.data?.find((d) => d.id === id)?.name ?? 'your delegation';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="page narrow" tabIndex={-1}>
        <h1>Your summits</h1>
        <QueryState query={summits} what="Loading your summits">
          {(list) =>
            list.length === 0 ? (
              <Empty title="No summits yet">
                <p>You hold no role at any summit. Ask the host or your delegation lead for access.</p>
              </Empty>
            ) : (
              <ul className="card-list">
                {list.map((s, n) => (
                  <li key={s.id} className="card summit-card">
                    <h2>
                      <Link to={`/s/${s.id}`}>{s.name}</Link>
                    </h2>
                    <p className="muted">
                      {s.days.from} to {s.days.to} · {s.timezone} ({zoneAbbrev(s.timezone)})
                    </p>
                    <p>{standingLabel(standingAt(me.grants, s.id), nameIn(n))}</p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </main>
    </>
  );
}
