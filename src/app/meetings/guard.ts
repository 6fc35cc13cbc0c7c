// A logistics write (a person's presence, a busy block, a room, the programme, the summit's days) must
// not silently break the meetings on the calendar. One that would break a confirmed or pinned meeting,
// or one inside the summit's notice period, is refused, naming the meeting and the rule, unless its writer says `force`; then, and for any other
// meeting it breaks, the meeting is flagged as broken and its parties are told.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Violation } from '../../engine/check/violation.js';
import type { Tx } from '../../store/store.js';
import { canSeeRequest } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError, type Conflict } from '../errors.js';
import { loadSummitData } from '../summit/load.js';
import { redactViolations } from './check.js';
import { flagBroken, mendBroken } from './broken.js';
import { brokenByPresence, takeOffForPresence } from './presence-bumps.js';
import {
  describeMeeting,
  fixedBy,
  meetingsInForce,
  standingViolations,
  violationKey,
  type NoticeAt,
} from './standing.js';

/** Whose time and which rooms a write touched, or everything (travel, the summit's days). */
export type Touch = { all: true } | { all?: false; persons: string[]; rooms: string[] };

/** What a write asks of the guard. */
export interface GuardOptions {
  /** Make the change even when it breaks a confirmed or pinned meeting (flagged, parties told). */
  force?: boolean;
}

/** One write, as the guard is told of it. */
export interface GuardedChange {
  /** The summit as the write would leave it, from the summit as it is. */
  apply(before: SummitData): SummitData;
  /** Whose time and which rooms it bears on, read from the summit as it is. */
  touches(before: SummitData): Touch;
  /** The change in words, for the notices: "person rus-president changed". */
  what: string;
}

/** Both touches at once: a record changed from one person or room to another bears on both. */
export function touchBoth(a: Touch, b: Touch): Touch {
  if (a.all || b.all) return { all: true };
  return { persons: [...a.persons, ...b.persons], rooms: [...a.rooms, ...b.rooms] };
}

/** The meetings in force a write may affect: those of the persons it touched or in the rooms it did. */
function affected(data: SummitData, touch: Touch): { meeting: Meeting; request: Request }[] {
  const inForce = meetingsInForce(data);
  if (touch.all) return inForce;
  const rooms = new Set(touch.rooms);
  const persons = new Set(touch.persons);
  // a meeting in a touched room may now be at another venue: its attendees' other meetings count too
  for (const { meeting, request } of inForce) {
    if (meeting.room !== null && rooms.has(meeting.room)) request.attendees.forEach((p) => persons.add(p));
  }
  return inForce.filter(
    ({ meeting, request }) =>
      (meeting.room !== null && rooms.has(meeting.room)) || request.attendees.some((p) => persons.has(p)),
  );
}

/** The rules each affected meeting breaks, by request. */
function brokenBy(data: SummitData, meetings: readonly Meeting[]): Map<string, Violation[]> {
  const out = new Map<string, Violation[]>();
  for (const v of standingViolations(data, meetings)) {
    for (const r of new Set(v.requests)) out.set(r, [...(out.get(r) ?? []), v]);
  }
  return out;
}

/** The refusal of a change that would break fixed meetings, naming each as its writer may see it. */
function refusal(
  actor: Actor,
  data: SummitData,
  fixed: { meeting: Meeting; request: Request; violations: Violation[] }[],
  notice: NoticeAt,
): ConflictError {
  const conflicts: Conflict[] = [];
  const lines = fixed.map(({ meeting, request, violations }) => {
    const seen = canSeeRequest(actor, data.summit.id, request);
    const redacted = redactViolations(actor, data, violations);
    for (const v of redacted) {
      conflicts.push({ request: seen ? request.id : 'private', rule: v.rule, message: v.message });
    }
    const name = seen ? describeMeeting(data, meeting, request, notice) : 'a private engagement';
    return `${name}: ${redacted.map((v) => v.message).join('; ')}`;
  });
  return new ConflictError(
    `this change would break ${lines.join('; and ')}. Move or release ${fixed.length === 1 ? 'that meeting' : 'those meetings'} first, ` +
      'or make the change with force: the meeting is then flagged as broken and its parties are told',
    'breaks-meeting',
    { conflicts },
  );
}

/**
 * Judges a logistics write inside its transaction, before it is stored (call it, then write): refuses
 * it (ConflictError `breaks-meeting`) when it would break a confirmed or pinned meeting, or one inside
 * the notice period, and `force` was not said. Otherwise a movable meeting an attendee's presence no
 * longer covers is taken off (a bump, with an alternative: presence-bumps.ts); every other meeting it
 * newly breaks is flagged (a notice, and a `meeting.broken` event to its parties); every meeting it
 * mends loses its flag. Rules a meeting broke before the write are not the write's doing. Takes the
 * summit's placement lock, so no placement races the judgement.
 */
export async function guardMeetings(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  change: GuardedChange,
  options: GuardOptions = {},
): Promise<void> {
  await tx.lockSummit(summit);
  const before = await loadSummitData(tx, summit);
  const after = change.apply(before);
  const touch = change.touches(before);
  const now = affected(after, touch);
  const then = affected(before, touch);
  if (now.length === 0 && then.length === 0) return;
  const was = brokenBy(
    before,
    then.map((m) => m.meeting),
  );
  const is = brokenBy(
    after,
    now.map((m) => m.meeting),
  );
  const newly = now.flatMap(({ meeting, request }) => {
    const known = new Set((was.get(request.id) ?? []).map(violationKey));
    const violations = (is.get(request.id) ?? []).filter((v) => !known.has(violationKey(v)));
    return violations.length > 0 ? [{ meeting, request, violations }] : [];
  });
  const notice = { summit: after.summit, now: ctx.now() };
  const fixed = newly.filter(({ meeting, request }) => fixedBy(meeting, request, notice) !== null);
  if (fixed.length > 0 && !options.force) throw refusal(actor, after, fixed, notice);
  // a movable meeting an attendee's presence no longer covers is taken off, with an alternative
  const movable = newly.filter(({ meeting, request }) => fixedBy(meeting, request, notice) === null);
  const gone = movable.filter(brokenByPresence);
  for (const broken of newly.filter((b) => !gone.includes(b))) {
    const forced = fixedBy(broken.meeting, broken.request, notice) !== null;
    await flagBroken(
      tx,
      ctx,
      actor,
      after,
      { ...broken, violations: is.get(broken.request.id) ?? [] },
      { cause: change.what, forced },
    );
  }
  await takeOffForPresence(tx, ctx, actor, after, gone);
  for (const { meeting, request } of now) {
    if (was.has(request.id) && !is.has(request.id)) await mendBroken(tx, ctx, actor, after, meeting, request);
  }
}
