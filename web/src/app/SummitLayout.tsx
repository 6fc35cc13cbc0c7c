// The frame of every summit screen: header (with search), role-aware navigation, live status, and
// the screen. On a phone the header is one line and the navigation one scrolling strip.
import { useMemo } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { useDelegations, useSummit } from '../api/hooks/summit';
import { useMe } from '../api/session';
import { standingAt, standingLabel } from '../lib/roles';
import { sameOffset, viewerZone, zoneAbbrev, zoneCity } from '../lib/time';
import { ScrollCue } from '../ui/ScrollCue';
import { ErrorState, Loading } from '../ui/states';
import { AppHeader } from './AppHeader';
import { useLiveUpdates } from './live';
import { NotificationCentre } from './NotificationCentre';
import { SearchBox } from './SearchBox';
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
  const standing = useMemo(() => standingAt(me.grants, summitId), [me.grants, summitId]);
  // the delegation's name for the header (the list is shared with every screen's names)
  const delegations = useDelegations(summitId);
  const live = useLiveUpdates(summitId, summit.isSuccess);
  const scope = useMemo<SummitScope | null>(
    () => (summit.data ? { summit: summit.data, standing, viewerZone: viewerZone() } : null),
    [summit.data, standing],
  );
  const delegationName = (id: string) => delegations.data?.find((d) => d.id === id)?.name ?? '';
  const standingText =
    standing.delegation && !delegations.data ? undefined : standingLabel(standing, delegationName);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {scope ? (
        <SummitContext.Provider value={scope}>
          <AppHeader
            summitId={summitId}
            summitName={summit.data?.name}
            standing={standingText}
            live={live}
            notices={<NotificationCentre summit={summitId} zone={scope.summit.timezone} />}
          >
            <SearchBox />
          </AppHeader>
        </SummitContext.Provider>
      ) : (
        <AppHeader summitId={summitId} summitName={summit.data?.name} live={live} />
      )}
      {scope && (
        <nav className="summit-nav" aria-label="Summit">
          <ScrollCue label="Summit menu" className="nav-strip">
            <ul>
              {navFor(scope).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={({ isActive }) => (isActive ? 'active' : undefined)} end>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </ScrollCue>
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
