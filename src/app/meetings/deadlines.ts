// The confirmation deadline (domain/meeting/confirmation-deadline.ts) in use: which scheduled meetings
// await confirmation and by when, and the sweep that flags those overdue to their parties and the
// host, releasing their slots where the summit says so. A meeting is never dropped silently.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, RequestId, RoomId, SummitId } from '../../domain/ids.js';
import { deadlineOf, deadlinePassed } from '../../domain/meeting/confirmation-deadline.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Request } from '../../domain/request/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { SummitData } from '../../domain/summit/data.js';
import { instantMillis, type Instant } from '../../domain/time.js';
import { formatMoment } from '../../engine/check/local-time.js';
import type { Tx } from '../../store/store.js';
import { canSeeRequest, partiesScope, requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { saveRequest } from '../requests/write.js';
import { loadSummitData } from '../summit/load.js';
import { noticeSlot, recordBumps, type BumpInput } from './bumps.js';
import { currentNotices, noticeOf, putNotice } from './notices.js';

/** A scheduled meeting awaiting its parties' confirmation, with its deadline. */
export interface AwaitingConfirmation {
  request: RequestId;
  start: Instant;
  end: Instant;
  room: RoomId | null;
  deadline: Instant;
  /** The parties that have confirmed the slot, and those that have not. */
  confirmedBy: DelegationId[];
  missing: DelegationId[];
  /** True once the deadline has passed (the meeting is flagged). */
  overdue: boolean;
}

/** The summit's deadline rule and the scheduled meetings still to begin, unconfirmed, with theirs. */
function awaiting(
  data: SummitData,
  now: Instant,
): { meeting: Meeting; request: Request; deadline: Instant }[] {
  const rule = data.summit.confirmation;
  if (rule === null) return [];
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  return data.meetings.flatMap((meeting) => {
    const request = requests.get(meeting.request);
    if (request?.status !== 'scheduled' || instantMillis(meeting.start) <= instantMillis(now)) return [];
    return [{ meeting, request, deadline: deadlineOf(rule, meeting.start, data.summit.timezone) }];
  });
}

/**
 * The scheduled meetings the actor may see that await confirmation under the summit's deadline, the
 * earliest deadline first: a party sees its own, the host those it may see. Empty without a deadline.
 */
export function listAwaitingConfirmation(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
): Promise<AwaitingConfirmation[]> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) => {
    const data = await loadSummitData(tx, summit);
    const now = ctx.now();
    return awaiting(data, now)
      .filter(({ request }) => canSeeRequest(actor, summit, request))
      .map(({ meeting, request, deadline }) => ({
        request: request.id,
        start: meeting.start,
        end: meeting.end,
        room: meeting.room,
        deadline,
        confirmedBy: meeting.confirmedBy,
        missing: partiesOf(request).filter((d) => !meeting.confirmedBy.includes(d)),
        overdue: instantMillis(deadline) <= instantMillis(now),
      }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.start.localeCompare(b.start));
  });
}

/** What one sweep did: the meetings it flagged as overdue, and which of them it released. */
export interface SweepResult {
  flagged: RequestId[];
  released: RequestId[];
}

/**
 * Flags every scheduled meeting whose confirmation deadline has passed and that is not flagged yet
 * (an `overdue` notice, and a `meeting.confirmation-overdue` event to its parties and the host);
 * where the summit's `lapse` is `release`, also takes it off the calendar (a pinned one excepted: the
 * host pinned it), telling its parties why and offering another slot. Idempotent: run by the server
 * every minute, and by `sideline confirmations --sweep`. The system or a host admin may run it.
 */
export async function sweepConfirmationDeadlines(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
): Promise<SweepResult> {
  if (!actor.system) requireCapability(actor, summit, 'manage-logistics');
  return writeWithEvents(ctx, async (tx) => {
    await tx.lockSummit(summit);
    const data = await loadSummitData(tx, summit);
    const rule = data.summit.confirmation;
    if (rule === null) return { flagged: [], released: [] };
    const now = ctx.now();
    const result: SweepResult = { flagged: [], released: [] };
    const releases: BumpInput[] = [];
    for (const { meeting, request, deadline } of awaiting(data, now)) {
      if (!deadlinePassed(rule, meeting.start, data.summit.timezone, now)) continue;
      if (noticeOf(await currentNotices(tx, summit, request.id, meeting), 'overdue')) continue;
      const missing = partiesOf(request).filter((d) => !meeting.confirmedBy.includes(d));
      const release = rule.lapse === 'release' && !meeting.pinned;
      await flagOverdue(tx, ctx, actor, data, { meeting, request, deadline, missing, release });
      result.flagged.push(request.id);
      if (!release) continue;
      const stored = await releaseSlot(tx, ctx, actor, data, meeting, request);
      result.released.push(request.id);
      releases.push({
        request: stored,
        previous: noticeSlot(meeting),
        now: null,
        cause: 'deadline',
        why: {
          rule: 'confirmation-deadline',
          for: null,
          detail: `${missing.join(' and ')} had not confirmed it by ${formatMoment(instantMillis(deadline), data.summit.timezone)}`,
        },
      });
    }
    if (releases.length > 0) await recordBumps(tx, ctx, actor, await loadSummitData(tx, summit), releases);
    return result;
  });
}

/** The overdue notice and event of one meeting. */
async function flagOverdue(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  o: { meeting: Meeting; request: Request; deadline: Instant; missing: DelegationId[]; release: boolean },
): Promise<void> {
  await putNotice(tx, data.summit.id, {
    request: o.request.id,
    // a released meeting's notice speaks of its absence, as its bump does
    start: o.release ? null : o.meeting.start,
    room: o.release ? null : o.meeting.room,
    at: ctx.now(),
    detail: { kind: 'overdue', deadline: o.deadline, missing: o.missing, released: o.release },
  });
  await recordEvent(tx, ctx, actor, data.summit.id, partiesScope(o.request), 'meeting.confirmation-overdue', {
    request: o.request.id,
    start: o.meeting.start,
    end: o.meeting.end,
    room: o.meeting.room,
    deadline: o.deadline,
    missing: o.missing,
    released: o.release,
  });
}

/** Takes an overdue meeting off the calendar; its request goes back to agreed (the system's step). */
async function releaseSlot(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  meeting: Meeting,
  request: Request,
): Promise<Request> {
  const summit = data.summit.id;
  const conditions = data.conditions.filter((c) => c.request === request.id);
  const system = { actor: { ...actor, system: true }, summit };
  await tx.meetings.remove(summit, meeting.request, meeting.version);
  const next = applyTransition(request, conditions, 'unschedule', system, ctx.now());
  return saveRequest(tx, ctx, actor, summit, request, next, ['unschedule'], undefined);
}
