// The schedule: a time grid by room (host) or by person (my delegation), one summit day at a time,
// in the summit's zone with the viewer's own beside it; drag to move with live rule checks, Undo
// after a move; Plan, with its proposal drawn on the grid. A phone gets the day as a list.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { meetingCommands, meetingKeys, useAgenda, useCalendar } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons, useProgramme, useRooms } from '../../api/hooks/summit';
import { readAll } from '../../api/lists';
import type { CalendarMeeting, Engagement, Placement } from '../../api/models';
import { ApiError } from '../../api/problem';
import { DayPicker, defaultDay, summitToday } from '../../app/DayPicker';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { usePhone } from '../../lib/media';
import { useSummitNames, type SummitNames } from '../../lib/names';
import { canPlaceMeetings } from '../../lib/roles';
import { localMillis, sameOffset, spanLabel, zoneAbbrev, zoneCity } from '../../lib/time';
import { Button } from '../../ui/Button';
import { Empty, ErrorState, InlineError, Loading } from '../../ui/states';
import { useToasts } from '../../ui/toasts';
import { dayAxis, outsideWindow, type DayAxis } from './grid-model';
import { lateNote } from './lateness';
import { PhoneAgenda } from './PhoneAgenda';
import { PlanPanel } from './PlanPanel';
import {
  agendaBlocks,
  calendarBlocks,
  closedSpans,
  NO_ROOM,
  personRows,
  requestsOfCalendar,
  roomRows,
  withProposal,
  type LateOf,
} from './rows';
import { TimeGrid, type GridBlock, type MoveTarget } from './TimeGrid';
import { useProposal, type Proposal } from './useProposal';

/** Marks the first render of the grid for the browser benchmark (performance.mark). */
function markFirstRender() {
  if (typeof performance !== 'undefined' && !performance.getEntriesByName('sideline:grid-rendered').length) {
    performance.mark('sideline:grid-rendered');
  }
}

/** The whole local day of `date` in the zone, as the calendar query takes it (meetings outside the window too). */
function wholeDay(date: string, zone: string): { from: string; to: string } {
  return {
    from: new Date(localMillis(date, '00:00', zone)).toISOString(),
    to: new Date(localMillis(date, '24:00', zone)).toISOString(),
  };
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

/** Lateness in the summit's zone against its programme. */
function useLateOf(): LateOf {
  const { summit } = useSummitScope();
  const programme = useProgramme(summit.id);
  return useCallback(
    (start: number) => lateNote(start, summit.timezone, programme.data ?? []),
    [summit.timezone, programme.data],
  );
}

/** The schedule screen. */
export default function SchedulePage() {
  const { summit, standing, viewerZone } = useSummitScope();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<GridBlock | null>(null);
  const phone = usePhone();
  const byRoom = standing.host !== null;
  const date = useScheduleDay(params.get('day'));
  const setDate = (day: string) => setParams({ day }, { replace: true });
  const axis = useMemo(() => dayAxis(summit, date), [summit, date]);
  const proposal = useProposal(summit.id);
  const planner = canPlaceMeetings(standing);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Schedule</h1>
          <p className="muted">
            {byRoom ? 'By room' : 'By person, your delegation'} · times in {zoneCity(summit.timezone)} (
            {zoneAbbrev(summit.timezone, axis.start)})
            {!sameOffset(viewerZone, summit.timezone, axis.start) &&
              !phone &&
              `, yours in ${zoneCity(viewerZone)} (${zoneAbbrev(viewerZone, axis.start)}) under each hour`}
          </p>
        </div>
        <DayPicker summit={summit} value={date} onChange={setDate} />
      </div>
      {!phone && (
        <>
          <p id="grid-help" className="muted small">
            Arrow keys move between slots, Page Up and Page Down between rows.
            {byRoom &&
              ' Enter picks up a meeting, arrow keys move it, Enter drops it after the rule check, Escape cancels; Z undoes a move.'}{' '}
            O opens the request of the meeting in focus.
          </p>
          <div className="legend" aria-hidden="true">
            <span className="l-meeting">Meeting</span>
            <span className="l-confirmed">Confirmed</span>
            {byRoom && <span className="l-pinned">Pinned</span>}
            {proposal.job?.status === 'done' && <span className="l-proposed">Proposed by the plan</span>}
            <span className="l-late">☾ Late in the day</span>
            <span className="l-programme">Programme</span>
            {!byRoom && <span className="l-private">Private</span>}
            <span className="l-busy">Busy (not yours to see)</span>
          </div>
        </>
      )}
      {byRoom ? (
        <RoomGrid axis={axis} onSelect={setSelected} proposal={proposal} phone={phone} />
      ) : standing.delegation ? (
        <PersonGrid axis={axis} delegation={standing.delegation} onSelect={setSelected} phone={phone} />
      ) : (
        <Empty title="No schedule to show">You hold no role at this summit.</Empty>
      )}
      <div className="two-col">
        {selected && !phone && (
          <SelectedPanel block={selected} canPin={planner} onClose={() => setSelected(null)} />
        )}
        {byRoom && <UnplacedPanel />}
        {planner && <PlanPanelFor proposal={proposal} />}
      </div>
    </>
  );
}

/** The plan panel with the names and requests its proposal speaks of. */
function PlanPanelFor({ proposal }: { proposal: Proposal }) {
  const { summit } = useSummitScope();
  const lateOf = useLateOf();
  // the requests a proposal names (placed ones are not on the calendar yet), read once there is one
  const requests = useRequests(summit.id, proposal.job?.status === 'done' ? {} : { status: 'agreed' });
  const { names } = useSummitNames({ requests: requests.data });
  const requestById = useMemo(() => byId(requests.data), [requests.data]);
  return (
    <PlanPanel
      summit={summit.id}
      proposal={proposal}
      names={names}
      requests={requestById}
      lateOf={(p: Placement) => lateOf(Date.parse(p.start))}
    />
  );
}

/** Meetings that start or end outside the grid's hours, named with links (the grid shows only part). */
function OutsideHours(props: { axis: DayAxis; blocks: GridBlock[] }) {
  const { summit } = useSummitScope();
  const outside = outsideWindow(props.axis, props.blocks).filter(
    (b, n, all) => all.findIndex((x) => (x.request ?? x.key) === (b.request ?? b.key)) === n,
  );
  if (outside.length === 0) return null;
  return (
    <div className="notice notice-warn outside-hours" data-testid="outside-hours">
      <strong>
        Outside the grid’s hours ({summit.dayWindow.from}–{summit.dayWindow.to}):
      </strong>
      <ul className="plain">
        {outside.map((b) => (
          <li key={b.key}>
            {b.request ? (
              <Link to={`/s/${summit.id}/requests/${b.request}`}>{b.title ?? b.label}</Link>
            ) : (
              b.label
            )}
            , {spanLabel(b.from, b.to, summit.timezone)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RoomGrid(props: {
  axis: DayAxis;
  onSelect(b: GridBlock | null): void;
  proposal: Proposal;
  phone: boolean;
}) {
  const { axis } = props;
  const { summit, standing, viewerZone } = useSummitScope();
  const client = useQueryClient();
  const navigate = useNavigate();
  const toasts = useToasts();
  const rooms = useRooms(summit.id);
  const calendar = useCalendar(summit.id, wholeDay(axis.date, summit.timezone));
  const entries = calendar.data;
  const lateOf = useLateOf();
  const diff = props.proposal.job?.status === 'done' ? (props.proposal.job.result?.diff ?? null) : null;
  // the proposal names agreed requests not yet on the calendar
  const agreed = useRequests(summit.id, { status: 'agreed' });
  const known = useMemo(
    () => [...requestsOfCalendar(entries ?? []), ...(diff ? (agreed.data ?? []) : [])],
    [entries, diff, agreed.data],
  );
  const { names, ready } = useSummitNames({ requests: known });
  const canMove = canPlaceMeetings(standing);

  const rows = useMemo(
    () =>
      roomRows(
        rooms.data ?? [],
        names,
        (entries ?? []).some((e) => e.kind === 'meeting' && e.room === null) ||
          (diff?.placed ?? []).some((p) => p.room === null),
      ),
    [rooms.data, names, entries, diff],
  );
  const blocks = useMemo(
    () => withProposal(calendarBlocks(entries ?? [], canMove, names, lateOf), diff, names, lateOf),
    [entries, canMove, names, lateOf, diff],
  );
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

  const refresh = useCallback(
    () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit.id,
      }),
    [client, summit.id],
  );
  const slotOf = (target: MoveTarget) => ({
    start: new Date(target.start).toISOString(),
    room: target.row === NO_ROOM ? null : target.row,
  });
  const check = useCallback(
    (block: GridBlock, target: MoveTarget) =>
      meetingCommands.check(summit.id, block.request!, slotOf(target)),
    [summit.id],
  );
  const suggest = useCallback(
    async (block: GridBlock, target: MoveTarget): Promise<MoveTarget[]> =>
      (
        await meetingCommands.suggestions(summit.id, block.request!, 3, new Date(target.start).toISOString())
      ).map((s) => ({ row: s.room ?? NO_ROOM, start: Date.parse(s.start) })),
    [summit.id],
  );
  const move = useCallback(
    async (block: GridBlock, target: MoveTarget) => {
      const m = meetingOf.get(block.request!);
      const slot = slotOf(target);
      try {
        await meetingCommands.place(summit.id, block.request!, slot, m?.version ?? null);
      } catch (e) {
        if (e instanceof ApiError && e.isStale) {
          throw new Error('someone else changed this meeting first; the grid now shows their change', {
            cause: e,
          });
        }
        throw e;
      } finally {
        await refresh();
      }
      if (!m) return;
      const title = names.meeting(m.request);
      const end = target.start + (Date.parse(m.end) - Date.parse(m.start));
      toasts.show({
        text: `Moved ${title} to ${spanLabel(target.start, end, summit.timezone)}, ${names.room(slot.room)}.`,
        tone: 'ok',
        undo: async () => {
          await meetingCommands.place(summit.id, m.request, { start: m.start, room: m.room }, m.version + 1);
          await refresh();
        },
        undoneText: `${title} is back at ${spanLabel(m.start, m.end, summit.timezone)}, ${names.room(m.room)}.`,
      });
    },
    [summit.id, summit.timezone, meetingOf, names, refresh, toasts],
  );

  if (rooms.isPending || calendar.isPending || !ready) return <Loading what="Loading the schedule" />;
  if (rooms.error || calendar.error)
    return (
      <ErrorState
        error={rooms.error ?? calendar.error}
        onRetry={() => void Promise.all([rooms.refetch(), calendar.refetch()])}
      />
    );
  if (rows.length === 0) return <Empty title="No rooms yet">Add venues and rooms first.</Empty>;
  if (props.phone) {
    markFirstRender();
    return (
      <PhoneAgenda
        summit={summit.id}
        axis={axis}
        zone={summit.timezone}
        rows={rows}
        blocks={blocks}
        rowNoun="Room"
      />
    );
  }
  return (
    <>
      <OutsideHours axis={axis} blocks={blocks} />
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
        suggest={canMove ? suggest : undefined}
        onSelect={props.onSelect}
        onOpen={(b) => b.request && void navigate(`/s/${summit.id}/requests/${b.request}`)}
        onFirstRender={markFirstRender}
      />
    </>
  );
}

function PersonGrid(props: {
  axis: DayAxis;
  delegation: string;
  onSelect(b: GridBlock | null): void;
  phone: boolean;
}) {
  const { summit, viewerZone } = useSummitScope();
  const navigate = useNavigate();
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const requests = useRequests(summit.id, { party: props.delegation });
  const { names, ready } = useSummitNames({ requests: requests.data });
  const requestById = useMemo(() => byId(requests.data), [requests.data]);
  const lateOf = useLateOf();
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
  const confirmed = useCallback(
    (request: string) => {
      const r = requestById.get(request);
      return r ? r.status === 'confirmed' || r.status === 'held' : false;
    },
    [requestById],
  );
  const blocks = useMemo(
    () => rows.flatMap((r, i) => agendaBlocks(r.id, agendas.data[i] ?? [], names, confirmed, lateOf)),
    [rows, names, agendas.data, confirmed, lateOf],
  );

  if (persons.isPending || delegations.isPending || requests.isPending || !ready || agendas.pending)
    return <Loading what="Loading the schedule" />;
  if (persons.error) return <ErrorState error={persons.error} onRetry={() => void persons.refetch()} />;
  if (rows.length === 0) return <Empty title="No persons in your delegation yet" />;
  if (props.phone) {
    markFirstRender();
    return (
      <>
        {agendas.error !== null && <InlineError error={agendas.error} />}
        <PhoneAgenda
          summit={summit.id}
          axis={props.axis}
          zone={summit.timezone}
          rows={rows}
          blocks={blocks}
          rowNoun="Person"
        />
      </>
    );
  }
  return (
    <>
      {agendas.error !== null && <InlineError error={agendas.error} />}
      <OutsideHours axis={props.axis} blocks={blocks} />
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

/** The agendas' data, first error and whether any is still loading, stable while nothing changed. */
function combineAgendas(results: { data?: Engagement[] | undefined; error: unknown; isPending: boolean }[]) {
  return {
    data: results.map((r) => r.data),
    error: results.find((r) => r.error)?.error ?? null,
    pending: results.some((r) => r.isPending),
  };
}

function SelectedPanel(props: { block: GridBlock; canPin: boolean; onClose(): void }) {
  const { summit } = useSummitScope();
  const client = useQueryClient();
  const toasts = useToasts();
  const b = props.block;
  const calendar = useCalendar(summit.id, {
    from: new Date(b.from).toISOString(),
    to: new Date(b.to).toISOString(),
  });
  const meeting = calendar.data?.find(
    (m): m is CalendarMeeting => m.kind === 'meeting' && m.request === b.request,
  );
  const [error, setError] = useState<unknown>(null);
  const refresh = () =>
    client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit.id });
  const title = b.title ?? b.label;
  return (
    <section className="card side-panel" aria-labelledby="selected-title">
      <h2 id="selected-title">{title}</h2>
      <p>
        <When from={new Date(b.from).toISOString()} to={new Date(b.to).toISOString()} />
      </p>
      {b.late && <p className="late-note">Late in the day: {b.late}.</p>}
      {b.request && b.kind !== 'busy' && (
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
              const pin = !meeting.pinned;
              meetingCommands
                .act(summit.id, meeting, pin ? 'pin' : 'unpin')
                .then(async () => {
                  await refresh();
                  toasts.show({
                    text: pin ? `Pinned ${title}: the planner keeps it.` : `Unpinned ${title}.`,
                    tone: 'ok',
                    undo: async () => {
                      await meetingCommands.act(
                        summit.id,
                        { request: meeting.request, version: meeting.version + 1 },
                        pin ? 'unpin' : 'pin',
                      );
                      await refresh();
                    },
                    undoneText: pin ? 'Unpinned again.' : 'Pinned again.',
                  });
                })
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
  const { names, ready } = useSummitNames({ requests: agreed.data });
  return (
    <section className="card side-panel" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title">Agreed, waiting for a slot</h2>
      <p className="muted small">Place one on its page, where the engine suggests slots, or plan them all.</p>
      {agreed.isPending || !ready ? (
        <Loading what="Loading" />
      ) : agreed.error ? (
        <ErrorState error={agreed.error} />
      ) : (agreed.data ?? []).length === 0 ? (
        <p className="muted">Every agreed request has a slot.</p>
      ) : (
        <ul className="plain">
          {(agreed.data ?? []).slice(0, 30).map((r) => (
            <li key={r.id}>
              <Link to={`/s/${summit.id}/requests/${r.id}`}>{names.ask(r.id)}</Link>{' '}
              <span className="muted small">
                · P{r.priority} · {r.minutes} min{r.topics.length > 0 && ` · ${r.topics.join(', ')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Re-exported for the screens that word a meeting as the grid does. */
export type { SummitNames };
