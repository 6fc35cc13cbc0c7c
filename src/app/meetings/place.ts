// The host places, moves, pins and unpins meetings (and a confidential request's parties theirs);
// every rule is checked inside the write. Moving or taking off a meeting is a bump (bumps.ts), and
// inside the summit's notice period only a host admin may, stating why.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Request } from '../../domain/request/schema.js';
import type { Summit } from '../../domain/summit/schema.js';
import { insideNoticePeriod, noticeHours } from '../../domain/meeting/notice-period.js';
import { can } from '../../domain/actor/authority.js';
import { addMinutes } from '../../domain/time.js';
import { NotFoundError, StaleVersionError, type Tx } from '../../store/store.js';
import type { DelegationId } from '../../domain/ids.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadVisibleRequest } from '../requests/load.js';
import { saveRequest } from '../requests/write.js';
import { planningInput } from '../planning/plan.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { redactViolations } from './check.js';
import { PlaceInput, UnplaceInput } from './inputs.js';
import { noticeSlot, recordBumps } from './bumps.js';
import { requireFeasible } from './rules.js';
import { placerActing, placerOf, requireMayPlaceAny, type Placer } from './placer.js';

/** How a meeting write was asked for: the version read, and the party acted for (`?as=`). */
export interface MeetingWriteOptions {
  expectedVersion?: number;
  actingFor?: DelegationId;
}

/**
 * Places an agreed request at a slot (it becomes scheduled), or moves a scheduled one: the host's
 * staff, or a confidential request's parties (placer.ts). The check runs inside the write
 * transaction, after taking the summit's placement lock, so two overlapping placements can never
 * both commit. `expectedVersion` is the meeting's version the caller read, or 0 for "not placed
 * yet"; a different one is a StaleVersionError.
 */
export async function placeMeeting(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: MeetingWriteOptions = {},
): Promise<Meeting> {
  const { reason, ...slot } = parseInput(PlaceInput, input);
  requireMayPlaceAny(actor, summit);
  return writeWithEvents(ctx, async (tx) => {
    await tx.lockSummit(summit);
    const { summit: settings, request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const placer = placerOf(actor, summit, request, options.actingFor);
    const existing = (await tx.meetings.get(summit, requestId)) ?? null;
    const expected = options.expectedVersion;
    if (expected !== undefined && expected !== (existing?.version ?? 0)) {
      throw new StaleVersionError('meeting', requestId, expected, existing?.version ?? 0);
    }
    if (existing?.pinned)
      throw new ConflictError(`meeting ${requestId} is pinned: unpin it before moving it`, 'meeting-pinned');
    if (request.status === 'confirmed') {
      throw new ConflictError(
        `meeting ${requestId} is confirmed by every party; it keeps its slot`,
        'meeting-confirmed',
      );
    }
    const candidate = {
      request: request.id,
      start: slot.start,
      end: addMinutes(slot.start, request.minutes),
      room: slot.room,
    };
    // Private labels stay out of the refusal, and what the actor may not see is not named.
    const data = planningInput(await loadSummitData(tx, summit));
    requireFeasible(data, candidate, (violations) => redactViolations(actor, data, violations));
    const acting = placerActing(actor, summit, placer);
    if (!existing) {
      const next = applyTransition(request, conditions, 'schedule', acting, ctx.now());
      await saveRequest(tx, ctx, actor, summit, request, next, ['schedule'], undefined);
      const meeting = await tx.meetings.insert(summit, {
        ...candidate,
        pinned: false,
        confirmedBy: [],
        announced: false,
        version: 1,
      });
      await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.placed', { ...candidate });
      return meeting;
    }
    if ([existing.start, candidate.start].some((t) => insideNoticePeriod(settings, t, ctx.now()))) {
      requireNoticeRespected(actor, settings, requestId, placer, reason);
    }
    const moved = await tx.meetings.update(summit, {
      ...existing,
      start: candidate.start,
      end: candidate.end,
      room: candidate.room,
      // A new slot needs every party's acceptance again.
      confirmedBy: [],
      version: options.expectedVersion ?? existing.version,
    });
    await recordHandBump(tx, ctx, actor, summit, request, placer, { before: existing, after: moved, reason });
    return moved;
  });
}

/**
 * Inside the notice period a meeting is moved or taken off only by a host admin (for a confidential
 * meeting, a party's lead) who says why.
 */
function requireNoticeRespected(
  actor: Actor,
  summit: Summit,
  requestId: string,
  placer: Placer,
  reason: string | undefined,
): void {
  const admin =
    placer.kind === 'host'
      ? can(actor, summit.id, 'manage-logistics')
      : can(actor, summit.id, 'decide', placer.delegation);
  const period = `the summit's notice period (${noticeHours(summit)} hours)`;
  if (!admin) {
    const who = placer.kind === 'host' ? 'a host admin' : "a party's delegation lead";
    throw new ConflictError(
      `meeting ${requestId} lies inside ${period}: only ${who} may move it now, stating a reason`,
      'notice-period',
    );
  }
  if (reason === undefined) {
    throw new ConflictError(
      `meeting ${requestId} lies inside ${period}: say why it must move (reason)`,
      'reason-required',
    );
  }
}

/** Records a meeting moved (`after`) or taken off (null) by hand as a bump, with its mover's words. */
async function recordHandBump(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  request: Request,
  placer: Placer,
  move: { before: Meeting; after: Meeting | null; reason: string | undefined },
): Promise<void> {
  await recordBumps(tx, ctx, actor, await loadSummitData(tx, summit), [
    {
      request,
      previous: noticeSlot(move.before),
      now: move.after && noticeSlot(move.after),
      cause: placer.kind === 'host' ? 'host' : 'party',
      why: { rule: null, for: null, detail: '' },
      stated: move.reason ?? null,
    },
  ]);
}

/**
 * Takes a scheduled meeting off the calendar (its placers, as placeMeeting; inside the notice period a
 * host admin who says why): the request goes back to agreed, and its parties are told why and offered
 * the engine's best slot for it now.
 */
export async function unplaceMeeting(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  options: MeetingWriteOptions & { input?: unknown } = {},
): Promise<void> {
  const { reason } = parseInput(UnplaceInput, options.input ?? {});
  requireMayPlaceAny(actor, summit);
  return writeWithEvents(ctx, async (tx) => {
    await tx.lockSummit(summit);
    const { summit: settings, request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const placer = placerOf(actor, summit, request, options.actingFor);
    const meeting = await requireMeeting(tx, summit, requestId);
    if (meeting.pinned)
      throw new ConflictError(`meeting ${requestId} is pinned: unpin it first`, 'meeting-pinned');
    if (insideNoticePeriod(settings, meeting.start, ctx.now())) {
      requireNoticeRespected(actor, settings, requestId, placer, reason);
    }
    const acting = placerActing(actor, summit, placer);
    const next = applyTransition(request, conditions, 'unschedule', acting, ctx.now());
    await tx.meetings.remove(summit, requestId, options.expectedVersion ?? meeting.version);
    const stored = await saveRequest(tx, ctx, actor, summit, request, next, ['unschedule'], undefined);
    await recordHandBump(tx, ctx, actor, summit, stored, placer, { before: meeting, after: null, reason });
  });
}

/** Pins or unpins a meeting (its placers, as placeMeeting): the planner never moves a pinned meeting. */
export async function setPinned(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  pinned: boolean,
  options: MeetingWriteOptions = {},
): Promise<Meeting> {
  requireMayPlaceAny(actor, summit);
  return writeWithEvents(ctx, async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    placerOf(actor, summit, request, options.actingFor);
    const meeting = await requireMeeting(tx, summit, requestId);
    const stored = await tx.meetings.update(summit, {
      ...meeting,
      pinned,
      version: options.expectedVersion ?? meeting.version,
    });
    await recordEvent(
      tx,
      ctx,
      actor,
      summit,
      partiesScope(request),
      pinned ? 'meeting.pinned' : 'meeting.unpinned',
      {
        request: request.id,
      },
    );
    return stored;
  });
}

/** The meeting of a request, or "not found". */
export async function requireMeeting(tx: Tx, summit: SummitId, requestId: string): Promise<Meeting> {
  const meeting = await tx.meetings.get(summit, requestId);
  if (!meeting) throw new NotFoundError('meeting', requestId);
  return meeting;
}
