// Attendance per delegation: of the meetings whose time has come, how many were held (on time or
// late), how often each delegation did not come or cancelled late, and what is still unrecorded.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, RequestId, RoomId, SummitId } from '../../domain/ids.js';
import type { Meeting, MeetingOutcome } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Request, RequestStatus } from '../../domain/request/schema.js';
import { instantMillis, type Instant } from '../../domain/time.js';
import { NotFoundError } from '../../store/store.js';
import { canSeeRequest, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';

/** One delegation's record over the meetings the reader may see. */
export interface AttendanceRow {
  delegation: DelegationId;
  name: string;
  /** Its meetings whose start has passed. */
  meetings: number;
  /** Held on time (or held, where no more was recorded). */
  held: number;
  /** Held, but late. */
  heldLate: number;
  /** Times it was named as the party that came late, and the minutes those meetings began late. */
  late: number;
  lateMinutes: number;
  /** Times it was named as not coming. */
  noShows: number;
  /** Times it cancelled late. */
  lateCancellations: number;
  /** Its past meetings with nothing recorded yet. */
  unrecorded: number;
}

/** One meeting whose time has come, with what was recorded of it. */
export interface AttendanceMeeting {
  request: RequestId;
  parties: DelegationId[];
  start: Instant;
  end: Instant;
  room: RoomId | null;
  status: RequestStatus;
  outcome: MeetingOutcome | null;
}

/** The report: when it was made, a row per delegation with past meetings, and those meetings. */
export interface AttendanceReport {
  at: Instant;
  delegations: AttendanceRow[];
  meetings: AttendanceMeeting[];
}

/** Requests whose meeting was on the calendar when its time came (not one that was taken back). */
const COUNTED: readonly RequestStatus[] = ['scheduled', 'confirmed', 'held', 'not-held', 'lapsed'];

function emptyRow(delegation: DelegationId, name: string): AttendanceRow {
  return {
    delegation,
    name,
    meetings: 0,
    held: 0,
    heldLate: 0,
    late: 0,
    lateMinutes: 0,
    noShows: 0,
    lateCancellations: 0,
    unrecorded: 0,
  };
}

/** Adds one past meeting to the rows of its parties. */
function count(rows: Map<string, AttendanceRow>, entry: AttendanceMeeting): void {
  const outcome = entry.outcome;
  for (const party of entry.parties) {
    const row = rows.get(party);
    if (!row) continue;
    row.meetings += 1;
    if (outcome === null) {
      // a request held before outcomes were recorded (an older file) was held; the rest await a record
      if (entry.status === 'held') row.held += 1;
      else if (entry.status !== 'not-held') row.unrecorded += 1;
      continue;
    }
    const named = outcome.by.includes(party);
    if (outcome.kind === 'held') row.held += 1;
    if (outcome.kind === 'held-late') {
      row.heldLate += 1;
      if (named) {
        row.late += 1;
        row.lateMinutes += outcome.lateMinutes ?? 0;
      }
    }
    if (outcome.kind === 'no-show' && named) row.noShows += 1;
    if (outcome.kind === 'cancelled-late' && named) row.lateCancellations += 1;
  }
}

/**
 * The attendance report as the actor may see it: only meetings of requests they may read (a
 * delegation its own; the host every one but confidential ones), so no row counts a meeting its
 * reader could not open. Meetings are those whose start has passed, in time order.
 */
export async function attendanceReport(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
): Promise<AttendanceReport> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) => {
    if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
    const [meetings, requests, delegations] = await Promise.all([
      tx.meetings.list(summit),
      tx.requests.list(summit),
      tx.delegations.list(summit),
    ]);
    const now = ctx.now();
    const byId = new Map<string, Request>(requests.map((r) => [r.id, r]));
    const past = meetings
      .filter((m) => instantMillis(m.start) <= instantMillis(now))
      .flatMap((m: Meeting): AttendanceMeeting[] => {
        const request = byId.get(m.request);
        if (!request || !COUNTED.includes(request.status) || !canSeeRequest(actor, summit, request))
          return [];
        return [
          {
            request: m.request,
            parties: partiesOf(request),
            start: m.start,
            end: m.end,
            room: m.room,
            status: request.status,
            outcome: m.outcome ?? null,
          },
        ];
      })
      .sort((a, b) => a.start.localeCompare(b.start) || a.request.localeCompare(b.request));
    const rows = new Map<string, AttendanceRow>(delegations.map((d) => [d.id, emptyRow(d.id, d.name)]));
    for (const entry of past) count(rows, entry);
    return {
      at: now,
      delegations: [...rows.values()].filter((r) => r.meetings > 0),
      meetings: past,
    };
  });
}
