// Today, for my principal: their engagements in order with the travel between venues, and the
// decisions waiting on my delegation.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAgenda, useCalendar } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons, useRooms, useVenues } from '../../api/hooks/summit';
import { useTravel } from '../../api/hooks/travel';
import type { CalendarMeeting, Engagement, MeetingRequest } from '../../api/models';
import { DayPicker, defaultDay } from '../../app/DayPicker';
import { useSummitScope } from '../../app/summit-context';
import { clockWithZone, durationLabel, viewerClock } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { Empty, ErrorState, Loading, QueryState } from '../../ui/states';
import { useSummitNames, type SummitNames } from '../../lib/names';
import { whenLabel } from '../requests/RequestCard';
import { dayOf } from './agenda-day';

const NEGOTIATING = new Set(['requested', 'under-consideration', 'conditions-pending']);

function describe(e: Engagement, names: SummitNames) {
  switch (e.kind) {
    case 'programme':
      return { title: e.title, kind: 'Programme' };
    case 'meeting': {
      return {
        title: names.knowsRequest(e.request) ? names.meeting(e.request) : 'Meeting',
        kind: 'Meeting',
        link: e.request,
      };
    }
    case 'private':
      return { title: e.label ?? 'Private commitment', kind: 'Private' };
    case 'busy':
      return { title: 'Busy', kind: 'Busy' };
  }
}

/** The Today screen. */
export default function TodayPage() {
  const { summit, standing, viewerZone } = useSummitScope();
  const own = standing.delegation;
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const rooms = useRooms(summit.id);
  const venues = useVenues(summit.id);
  const travel = useTravel(summit.id);
  const delegationById = useMemo(() => byId(delegations.data), [delegations.data]);
  const principalId = own ? (delegationById.get(own)?.principal ?? null) : null;
  const agenda = useAgenda(summit.id, principalId);
  const requests = useRequests(summit.id, own ? { party: own } : {});
  // the slots waiting for our confirmation: our meetings on the calendar, read once
  const calendar = useCalendar(summit.id);
  const meetings = useMemo(
    () => (calendar.data ?? []).filter((e): e is CalendarMeeting => e.kind === 'meeting'),
    [calendar.data],
  );
  const { names, ready } = useSummitNames({ requests: requests.data });
  const [chosen, setDate] = useState<string | null>(null);
  const date =
    chosen ??
    defaultDay(
      summit,
      (agenda.data ?? []).map((e) => e.from),
    );

  const principal = principalId ? byId(persons.data).get(principalId) : undefined;
  const roomById = useMemo(() => byId(rooms.data), [rooms.data]);
  const venueById = useMemo(() => byId(venues.data), [venues.data]);

  if (!own) return <Empty title="Today is for delegations">The host's view starts at the schedule.</Empty>;
  if (delegations.isPending || !ready) return <Loading what="Loading your delegation" />;
  if (delegations.error)
    return <ErrorState error={delegations.error} onRetry={() => void delegations.refetch()} />;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Today</h1>
          <p className="muted">
            {principal
              ? `${principal.name}${principal.title ? `, ${principal.title}` : ''}`
              : 'Your principal'}{' '}
            · {names.delegation(own)}
          </p>
        </div>
        <DayPicker summit={summit} value={date} onChange={setDate} />
      </div>
      <div className="today-layout">
        <section aria-labelledby="engagements-title">
          <h2 id="engagements-title">Engagements</h2>
          <QueryState query={agenda} what="Loading the agenda">
            {(entries) => {
              const { items, legs } = dayOf(
                entries,
                date,
                summit.timezone,
                roomById,
                travel.data,
                summit.bufferMinutes,
              );
              if (items.length === 0)
                return <Empty title="Nothing on this day">No programme event, meeting or commitment.</Empty>;
              return (
                <ol className="timeline">
                  {items.map((item, n) => {
                    const e = item.engagement;
                    const d = describe(e, names);
                    const leg = legs[n];
                    const mine = viewerClock(e.from, summit.timezone, viewerZone);
                    return (
                      <li key={`${e.kind}-${e.from}-${n}`}>
                        {leg && (
                          <p className={`travel${leg.tight ? ' notice-warn' : ''}`}>
                            Travel {venueById.get(leg.fromVenue)?.name ?? leg.fromVenue} →{' '}
                            {venueById.get(leg.toVenue)?.name ?? leg.toVenue}: {durationLabel(leg.travel)}
                            {leg.tight ? ` — only ${durationLabel(Math.max(leg.gap, 0))} between them` : ''}
                          </p>
                        )}
                        <div className="timeline-item">
                          <div className="timeline-time">
                            {clockWithZone(e.from, summit.timezone)}
                            <span className="viewer">until {clockWithZone(e.to, summit.timezone)}</span>
                            {mine && <span className="viewer">your time {mine}</span>}
                          </div>
                          <div>
                            <Badge
                              kind={
                                e.kind === 'meeting'
                                  ? 'scheduled'
                                  : e.kind === 'programme'
                                    ? 'agreed'
                                    : 'private'
                              }
                            >
                              {d.kind}
                            </Badge>{' '}
                            {d.link ? (
                              <Link to={`/s/${summit.id}/requests/${d.link}`}>{d.title}</Link>
                            ) : (
                              <strong>{d.title}</strong>
                            )}
                            {item.venue && (
                              <p className="muted small">{venueById.get(item.venue)?.name ?? item.venue}</p>
                            )}
                            {e.kind === 'meeting' && e.room && (
                              <p className="muted small">Room: {roomById.get(e.room)?.name ?? e.room}</p>
                            )}
                          </div>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              );
            }}
          </QueryState>
        </section>
        <section aria-labelledby="open-title">
          <h2 id="open-title">Open decisions</h2>
          <QueryState query={requests} what="Loading requests">
            {(list) => (
              <OpenDecisions summit={summit.id} own={own} list={list} meetings={meetings} names={names} />
            )}
          </QueryState>
        </section>
      </div>
    </>
  );
}

function OpenDecisions(props: {
  summit: string;
  own: string;
  list: MeetingRequest[];
  meetings: CalendarMeeting[];
  names: SummitNames;
}) {
  const { own, list, names } = props;
  const meetingOf = new Map(props.meetings.map((m) => [m.request, m]));
  const groups: { title: string; items: MeetingRequest[] }[] = [
    {
      title: 'Waiting for our answer',
      items: list.filter((r) => NEGOTIATING.has(r.status) && !r.acceptedBy.includes(own)),
    },
    {
      title: 'Slots to confirm',
      items: list.filter((r) => {
        const m = meetingOf.get(r.id);
        return r.status === 'scheduled' && m !== undefined && !m.confirmedBy.includes(own);
      }),
    },
    { title: 'Conditions pending', items: list.filter((r) => r.status === 'conditions-pending') },
    { title: 'Drafts not sent', items: list.filter((r) => r.status === 'draft' && r.from === own) },
  ];
  const any = groups.some((g) => g.items.length > 0);
  if (!any)
    return <Empty title="Nothing waiting on you">Every request is with the other side or settled.</Empty>;
  return (
    <div className="stack">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <div key={g.title} className="card">
            <h3>
              {g.title} <span className="muted">({g.items.length})</span>
            </h3>
            <ul className="plain">
              {g.items.slice(0, 12).map((r) => (
                <li key={r.id}>
                  <Link to={`/s/${props.summit}/requests/${r.id}`}>{names.ask(r.id)}</Link>{' '}
                  <span className="muted small block">
                    {whenLabel(r, meetingOf.get(r.id), names)} · P{r.priority}
                    {r.topics.length > 0 && ` · ${r.topics.join(', ')}`}
                  </span>
                </li>
              ))}
            </ul>
            {g.items.length > 12 && (
              <p className="muted small">and {g.items.length - 12} more on the board.</p>
            )}
          </div>
        ))}
    </div>
  );
}
