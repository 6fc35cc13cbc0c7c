// The schedule: a time grid by room (host) or by person (my delegation), one summit day at a time,
// in the summit's zone with the viewer's own beside it; drag to move with live rule checks; Plan.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { meetingCommands, meetingKeys, useAgenda, useCalendar } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons, useRooms, useVenues } from '../../api/hooks/summit';
import { readAll } from '../../api/lists';
import type { CalendarMeeting, Engagement } from '../../api/models';
import { ApiError } from '../../api/problem';
import { DayPicker, defaultDay, summitToday } from '../../app/DayPicker';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { canPlaceMeetings } from '../../lib/roles';
import { sameOffset, zoneAbbrev, zoneCity } from '../../lib/time';
import { Button } from '../../ui/Button';
import { Empty, ErrorState, InlineError, Loading } from '../../ui/states';
import { dayAxis } from './grid-model';
import { PlanPanel } from './PlanPanel';
import { agendaBlocks, calendarBlocks, closedSpans, NO_ROOM, personRows, roomRows } from './rows';
import { TimeGrid, type GridBlock, type MoveTarget } from './TimeGrid';

/** Marks the first render of the grid for the browser benchmark (performance.mark). */
function markFirstRender() {
  if (typeof performance !== 'undefined' && !performance.getEntriesByName('sideline:grid-rendered').length) {
    performance.mark('sideline:grid-rendered');
  }
}

/**
 * The day on screen: `?day=` when it names a summit day; else today while the summit is on; else the
 * first day with something on it (the principal's agenda for a delegation, the calendar for the host).
 */
function useScheduleDay(asked: string | null): string {
  const { summit, standing } = useSummitScope();
  const valid = asked !== null && asked >= summit.days.from && asked <= summit.days.to ? asked : null;
  const guess = valid === null && summitToday(summit) === null;
  const delegations = useDelegations(summit.id);
  const principal = standing.delegation
    ? (delegations.data?.find((d) => d.id === standing.delegation)?.principal ?? null)
    : null;
  const agenda = useAgenda(summit.id, guess && standing.delegation ? principal : null);
  const calendar = useCalendarAll(summit.id, guess && standing.host !== null);
  if (valid) return valid;
  const starts = standing.host
    ? (calendar.data ?? []).map((e) => e.start)
    : (agenda.data ?? []).map((e) => e.from);
  return defaultDay(summit, starts);
}

/** The whole calendar, only when `enabled` (it can be large). */
function useCalendarAll(summit: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingKeys.all(summit), 'all'],
    queryFn: () => readAll('/api/summits/{summit}/meetings', { path: { summit } }),
    enabled,
    staleTime: 60_000,
  });
}

/** The schedule screen. */
export default function SchedulePage() {
  const { summit, standing, viewerZone } = useSummitScope();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<GridBlock | null>(null);
  const byRoom = standing.host !== null;
  const date = useScheduleDay(params.get('day'));
  const setDate = (day: string) => setParams({ day }, { replace: true });
  const axis = useMemo(() => dayAxis(summit, date), [summit, date]);
  const rooms = useRooms(summit.id);
  const roomName = (id: string | null) =>
    id ? (rooms.data?.find((r) => r.id === id)?.name ?? id) : 'no room';

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Schedule</h1>
          <p className="muted">
            {byRoom ? 'By room' : 'By person, your delegation'} · times in {zoneCity(summit.timezone)} (
            {zoneAbbrev(summit.timezone, axis.start)})
            {!sameOffset(viewerZone, summit.timezone, axis.start) &&
              `, yours in ${zoneCity(viewerZone)} (${zoneAbbrev(viewerZone, axis.start)}) under each hour`}
          </p>
        </div>
        <DayPicker summit={summit} value={date} onChange={setDate} />
      </div>
      <p id="grid-help" className="muted small">
        Arrow keys move between slots, Page Up and Page Down between rows.
        {byRoom &&
          ' Enter picks up a meeting, arrow keys move it, Enter drops it after the rule check, Escape cancels.'}{' '}
        O opens the request of the meeting in focus.
      </p>
      <div className="legend" aria-hidden="true">
        <span className="l-meeting">Meeting</span>
        <span className="l-confirmed">Confirmed</span>
        {byRoom && <span className="l-pinned">Pinned</span>}
        <span className="l-programme">Programme</span>
        {!byRoom && <span className="l-private">Private</span>}
        <span className="l-busy">Busy (not yours to see)</span>
      </div>
      {byRoom ? (
        <RoomGrid axis={axis} onSelect={setSelected} />
      ) : standing.delegation ? (
        <PersonGrid axis={axis} delegation={standing.delegation} onSelect={setSelected} />
      ) : (
        <Empty title="No schedule to show">You hold no role at this summit.</Empty>
      )}
      <div className="two-col">
        {selected && (
          <SelectedPanel
            block={selected}
            canPin={canPlaceMeetings(standing)}
            onClose={() => setSelected(null)}
          />
        )}
        {byRoom && <UnplacedPanel />}
        {canPlaceMeetings(standing) && <PlanPanel summit={summit.id} roomName={roomName} />}
      </div>
    </>
  );
}

function RoomGrid({
  axis,
  onSelect,
}: {
  axis: ReturnType<typeof dayAxis>;
  onSelect(b: GridBlock | null): void;
}) {
  const { summit, standing, viewerZone } = useSummitScope();
  const client = useQueryClient();
  const navigate = useNavigate();
  const rooms = useRooms(summit.id);
  const venues = useVenues(summit.id);
  const from = new Date(axis.start).toISOString();
  const to = new Date(axis.end).toISOString();
  const calendar = useCalendar(summit.id, { from, to });
  const venueById = useMemo(() => byId(venues.data), [venues.data]);
  const canMove = canPlaceMeetings(standing);

  const entries = calendar.data;
  const rows = useMemo(
    () =>
      roomRows(
        rooms.data ?? [],
        venueById,
        (entries ?? []).some((e) => e.kind === 'meeting' && e.room === null),
      ),
    [rooms.data, venueById, entries],
  );
  const blocks = useMemo(() => calendarBlocks(entries ?? [], canMove), [entries, canMove]);
  const closed = useMemo(
    () => new Map((rooms.data ?? []).map((r) => [r.id, closedSpans(r, axis.start, axis.end)])),
    [rooms.data, axis.start, axis.end],
  );
  const meetingOf = useMemo(
    () =>
      new Map(
        (entries ?? []).filter((e): e is CalendarMeeting => e.kind === 'meeting').map((m) => [m.request, m]),
      ),
    [entries],
  );

  const check = useCallback(
    (block: GridBlock, target: MoveTarget) =>
      meetingCommands.check(summit.id, block.request!, {
        start: new Date(target.start).toISOString(),
        room: target.row === NO_ROOM ? null : target.row,
      }),
    [summit.id],
  );
  const move = useCallback(
    async (block: GridBlock, target: MoveTarget) => {
      const m = meetingOf.get(block.request!);
      try {
        await meetingCommands.place(
          summit.id,
          block.request!,
          { start: new Date(target.start).toISOString(), room: target.row === NO_ROOM ? null : target.row },
          m?.version ?? null,
        );
      } catch (e) {
        if (e instanceof ApiError && e.isStale) {
          throw new Error('someone else changed this meeting first; the grid now shows their change', {
            cause: e,
          });
        }
        throw e;
      } finally {
        await client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit.id,
        });
      }
    },
    [client, summit.id, meetingOf],
  );

  if (rooms.isPending || calendar.isPending) return <Loading what="Loading the schedule" />;
  if (rooms.error || calendar.error)
    return (
      <ErrorState
        error={rooms.error ?? calendar.error}
        onRetry={() => void Promise.all([rooms.refetch(), calendar.refetch()])}
      />
    );
  if (rows.length === 0) return <Empty title="No rooms yet">Add venues and rooms first.</Empty>;
  return (
    <TimeGrid
      axis={axis}
      zone={summit.timezone}
      viewerZone={viewerZone}
      rows={rows}
      blocks={blocks}
      closed={closed}
      rowNoun="Room"
      caption={`Meetings by room, ${axis.date}`}
      check={canMove ? check : undefined}
      move={canMove ? move : undefined}
      onSelect={onSelect}
      onOpen={(b) => b.request && void navigate(`/s/${summit.id}/requests/${b.request}`)}
      onFirstRender={markFirstRender}
    />
  );
}

function PersonGrid(props: {
  axis: ReturnType<typeof dayAxis>;
  delegation: string;
  onSelect(b: GridBlock | null): void;
}) {
  const { summit, viewerZone } = useSummitScope();
  const navigate = useNavigate();
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const requests = useRequests(summit.id, { party: props.delegation });
  const requestById = useMemo(() => byId(requests.data), [requests.data]);
  const rows = useMemo(
    () =>
      personRows(
        persons.data ?? [],
        delegations.data?.find((d) => d.id === props.delegation),
      ),
    [persons.data, delegations.data, props.delegation],
  );
  const agendas = useQueries({
    queries: rows.map((r) => ({
      queryKey: meetingKeys.agenda(summit.id, r.id),
      queryFn: (): Promise<Engagement[]> =>
        readAll('/api/summits/{summit}/persons/{id}/agenda', { path: { summit: summit.id, id: r.id } }),
    })),
    combine: combineAgendas,
  });
  const blocks = useMemo(
    () => rows.flatMap((r, i) => agendaBlocks(r.id, agendas.data[i] ?? [], requestById)),
    [rows, requestById, agendas.data],
  );

  if (persons.isPending || delegations.isPending) return <Loading what="Loading the schedule" />;
  if (persons.error) return <ErrorState error={persons.error} onRetry={() => void persons.refetch()} />;
  if (rows.length === 0) return <Empty title="No persons in your delegation yet" />;
  return (
    <>
      {agendas.error !== null && <InlineError error={agendas.error} />}
      <TimeGrid
        axis={props.axis}
        zone={summit.timezone}
        viewerZone={viewerZone}
        rows={rows}
        blocks={blocks}
        rowNoun="Person"
        caption={`Your delegation's engagements by person, ${props.axis.date}`}
        onSelect={props.onSelect}
        onOpen={(b) => b.request && void navigate(`/s/${summit.id}/requests/${b.request}`)}
        onFirstRender={markFirstRender}
      />
    </>
  );
}

/** The agendas' data and first error, kept referentially stable while nothing changed. */
function combineAgendas(results: { data?: Engagement[] | undefined; error: unknown }[]) {
  return { data: results.map((r) => r.data), error: results.find((r) => r.error)?.error ?? null };
}

function SelectedPanel(props: { block: GridBlock; canPin: boolean; onClose(): void }) {
  const { summit } = useSummitScope();
  const client = useQueryClient();
  const b = props.block;
  const calendar = useCalendar(summit.id, {
    from: new Date(b.from).toISOString(),
    to: new Date(b.to).toISOString(),
  });
  const meeting = calendar.data?.find(
    (m): m is CalendarMeeting => m.kind === 'meeting' && m.request === b.request,
  );
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="card side-panel" aria-labelledby="selected-title">
      <h2 id="selected-title">{b.label}</h2>
      <p>
        <When from={new Date(b.from).toISOString()} to={new Date(b.to).toISOString()} />
      </p>
      {b.request && (
        <p>
          <Link to={`/s/${summit.id}/requests/${b.request}`}>Open the request</Link>
        </p>
      )}
      {meeting && (
        <p className="muted small">
          {meeting.pinned ? 'Pinned: the planner keeps it.' : 'Not pinned.'}{' '}
          {b.confirmed ? 'Confirmed by every party.' : ''}
        </p>
      )}
      <InlineError error={error} />
      <div className="actions">
        {props.canPin && meeting && (
          <Button
            onPress={() => {
              setError(null);
              meetingCommands
                .act(summit.id, meeting, meeting.pinned ? 'unpin' : 'pin')
                .then(() =>
                  client.invalidateQueries({
                    predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit.id,
                  }),
                )
                .catch(setError);
            }}
          >
            {meeting.pinned ? 'Unpin' : 'Pin'}
          </Button>
        )}
        <Button tone="quiet" onPress={props.onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}

function UnplacedPanel() {
  const { summit } = useSummitScope();
  const agreed = useRequests(summit.id, { status: 'agreed' });
  return (
    <section className="card side-panel" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title">Agreed, waiting for a slot</h2>
      <p className="muted small">Place one on its page, where the engine suggests slots, or plan them all.</p>
      {agreed.isPending ? (
        <Loading what="Loading" />
      ) : agreed.error ? (
        <ErrorState error={agreed.error} />
      ) : (agreed.data ?? []).length === 0 ? (
        <p className="muted">Every agreed request has a slot.</p>
      ) : (
        <ul className="plain">
          {(agreed.data ?? []).slice(0, 30).map((r) => (
            <li key={r.id}>
              <Link to={`/s/${summit.id}/requests/${r.id}`}>
                {[r.from, ...r.to].map((d) => d.toUpperCase()).join('–')}
              </Link>{' '}
              <span className="muted small">
                <code>{r.id}</code> · P{r.priority} · {r.minutes} min
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
