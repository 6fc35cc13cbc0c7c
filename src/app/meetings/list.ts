// The summit's calendar as one actor may see it: meetings they may read in full, the rest as busy.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, PersonId, RequestId, RoomId, SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Format, Request, RequestStatus } from '../../domain/request/schema.js';
import { canRead } from '../../domain/visibility/read.js';
import { HOST_SCOPE, scopeOfMeeting } from '../../domain/visibility/scopes.js';
import type { Instant } from '../../domain/time.js';
import { NotFoundError } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';

/** Which part of the calendar to list; every filter is optional. */
export interface MeetingFilter {
  /** Meetings that end after this instant. */
  from?: Instant;
  /** Meetings that start before this instant. */
  to?: Instant;
  room?: RoomId;
  person?: PersonId;
}

/** A meeting the actor may read, with what a calendar shows of its request. */
export interface MeetingEntry {
  kind: 'meeting';
  request: RequestId;
  start: Instant;
  end: Instant;
  room: RoomId | null;
  pinned: boolean;
  announced: boolean;
  confirmedBy: DelegationId[];
  version: number;
  status: RequestStatus;
  format: Format;
  parties: DelegationId[];
  attendees: PersonId[];
}

/**
 * Time taken by a meeting the actor may not read: one entry per attendee (person set), and for the
 * host one per room booking (room set) — when, and whose or where, never what or with whom.
 */
export interface BusyEntry {
  kind: 'busy';
  start: Instant;
  end: Instant;
  person: PersonId | null;
  room: RoomId | null;
}

/** One line of the calendar. */
export type CalendarEntry = MeetingEntry | BusyEntry;

function entryOf(meeting: Meeting, request: Request): MeetingEntry {
  return {
    kind: 'meeting',
    request: meeting.request,
    start: meeting.start,
    end: meeting.end,
    room: meeting.room,
    pinned: meeting.pinned,
    announced: meeting.announced,
    confirmedBy: meeting.confirmedBy,
    version: meeting.version,
    status: request.status,
    format: request.format,
    parties: partiesOf(request),
    attendees: request.attendees,
  };
}

/** What the actor sees of one meeting under the filter (nothing when the filter leaves it out). */
function entriesOf(
  actor: Actor,
  summit: SummitId,
  meeting: Meeting,
  request: Request,
  filter: MeetingFilter,
): CalendarEntry[] {
  if (filter.from !== undefined && meeting.end <= filter.from) return [];
  if (filter.to !== undefined && meeting.start >= filter.to) return [];
  const readable = canRead(actor, summit, scopeOfMeeting(request, meeting), {
    confidential: request.confidential,
  });
  if (readable) {
    if (filter.room !== undefined && meeting.room !== filter.room) return [];
    if (filter.person !== undefined && !request.attendees.includes(filter.person)) return [];
    return [entryOf(meeting, request)];
  }
  const when = { kind: 'busy' as const, start: meeting.start, end: meeting.end };
  const out: BusyEntry[] = [];
  if (filter.room === undefined) {
    for (const person of new Set(request.attendees)) {
      if (filter.person === undefined || filter.person === person) out.push({ ...when, person, room: null });
    }
  }
  // the host's staff read room bookings (who, when, where), even of a request they may not read
  const roomShown = filter.room === undefined || filter.room === meeting.room;
  if (
    meeting.room !== null &&
    filter.person === undefined &&
    roomShown &&
    canRead(actor, summit, HOST_SCOPE)
  ) {
    out.push({ ...when, person: null, room: meeting.room });
  }
  return out;
}

/** The sort key of an entry: by start, meetings before busy entries, then a unique tail. */
export function calendarKey(entry: CalendarEntry): (string | number)[] {
  return entry.kind === 'meeting'
    ? [entry.start, 0, entry.request]
    : [entry.start, 1, entry.person ?? '', entry.room ?? '', entry.end];
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The summit's meetings as the actor may see them, in calendarKey order. */
export function listMeetings(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  filter: MeetingFilter = {},
): Promise<CalendarEntry[]> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) => {
    if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
    const [meetings, requests] = await Promise.all([tx.meetings.list(summit), tx.requests.list(summit)]);
    const byId = new Map(requests.map((r) => [r.id as string, r]));
    const out: CalendarEntry[] = [];
    for (const meeting of meetings) {
      const request = byId.get(meeting.request);
      if (request) out.push(...entriesOf(actor, summit, meeting, request, filter));
    }
    return out.sort((a, b) => compareKeys(calendarKey(a), calendarKey(b)));
  });
}
