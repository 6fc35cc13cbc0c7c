// The frame of every summit screen: header, role-aware navigation, live status, and the screen.
import { useMemo } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { useSummit } from '../api/hooks/summit';
import { useMe } from '../api/session';
import { standingAt } from '../lib/roles';
import { sameOffset, viewerZone, zoneAbbrev, zoneCity } from '../lib/time';
import { ErrorState, Loading } from '../ui/states';
import { AppHeader } from './AppHeader';
import { useLiveUpdates } from './live';
import { SummitContext, type SummitScope } from './summit-context';

interface NavItem {
  to: string;
  label: string;
}

/** The screens a standing leads to, in the order they matter to it. */
function navFor(scope: SummitScope): NavItem[] {
  const { standing } = scope;
  const items: NavItem[] = [];
  if (standing.delegation) items.push({ to: 'today', label: 'Today' });
  items.push({ to: 'requests', label: 'Requests' });
  items.push({ to: 'schedule', label: 'Schedule' });
  items.push({ to: 'encounters', label: 'Encounters' });
  if (standing.host) {
    items.push({ to: 'host', label: 'Venues & rooms' });
    items.push({ to: 'host/files', label: 'Import & export' });
  }
  items.push({ to: 'exports', label: 'Calendars & print' });
  return items;
}

/** Layout for /s/:summit/*. */
export function SummitLayout() {
  const { summit: summitId = '' } = useParams();
  const me = useMe();
  const summit = useSummit(summitId);
  const live = useLiveUpdates(summitId, summit.isSuccess);
  const scope = useMemo<SummitScope | null>(
    () =>
      summit.data
        ? { summit: summit.data, standing: standingAt(me.grants, summitId), viewerZone: viewerZone() }
        : null,
    [summit.data, me.grants, summitId],
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader summitId={summitId} summitName={summit.data?.name} live={live} />
      {scope && (
        <nav className="summit-nav" aria-label="Summit">
          <ul>
            {navFor(scope).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => (isActive ? 'active' : undefined)} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <p className="zone-note">
            Times in {zoneCity(scope.summit.timezone)} time ({zoneAbbrev(scope.summit.timezone)})
            {!sameOffset(scope.viewerZone, scope.summit.timezone) &&
              ` · yours: ${zoneCity(scope.viewerZone)} (${zoneAbbrev(scope.viewerZone)})`}
          </p>
        </nav>
      )}
      <main id="main" className="page" tabIndex={-1}>
        {summit.isPending ? (
          <Loading what="Loading the summit" />
        ) : summit.error || !scope ? (
          <ErrorState error={summit.error} onRetry={() => void summit.refetch()} />
        ) : (
          <SummitContext.Provider value={scope}>
            <Outlet />
          </SummitContext.Provider>
        )}
      </main>
    </>
  );
}
