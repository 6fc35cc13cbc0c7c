// Taking the slot offered to a bumped meeting, in one step: its parties' leads and protocol officers
// (and whoever places its meetings) may put it there, checked against the calendar as it is now.
import { z } from 'zod';
import { can } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { RoomId } from '../../domain/ids.js';
import { insideNoticePeriod } from '../../domain/meeting/notice-period.js';
import { noticeIsCurrent } from '../../domain/meeting/notice.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import { applyTransition } from '../../domain/request/transition.js';
import { Instant, instantMillis } from '../../domain/time.js';
import type { Summit } from '../../domain/summit/schema.js';
import { actingDelegation, partiesScope, requireCapability } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { planningInput } from '../planning/plan.js';
import { loadVisibleRequest } from '../requests/load.js';
import { saveRequest } from '../requests/write.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { redactViolations } from './check.js';
import { dropNotice, noticeOf } from './notices.js';
import { violationsOf } from './rules.js';
import { spanOf } from './standing.js';

/** The slot offered, sent back as it was read (`end` may be left out): taking it says which offer one took. */
export const AlternativeInput = z.strictObject({
  start: Instant,
  end: Instant.optional(),
  room: RoomId.nullable().default(null),
});
export type AlternativeInput = z.input<typeof AlternativeInput>;

/** The summit as spanOf reads it. */
const settingsData = (summit: Summit) => ({ summit });

/** Who takes the offer: the host placing meetings, or a party (its lead or protocol officer). */
function acting(actor: Actor, summit: SummitId, parties: readonly DelegationId[], actingFor?: DelegationId) {
  if (can(actor, summit, 'place-meetings')) return { actor, summit };
  const delegation = actingDelegation(actor, summit, parties, actingFor);
  requireCapability(actor, summit, 'act-on-request', delegation);
  return { actor, summit, delegation };
}

/**
 * Puts a bumped meeting at the slot offered with its bump (the engine's best slot then), if it is
 * still free: placed anew when it had been taken off (the request is scheduled again), moved when it
 * had been moved. Refused (409) when no offer stands (`no-alternative`), when `input` is not the offer
 * (`alternative-changed`), when the slot is no longer free (`alternative-taken`, naming what took it
 * as the actor may see it) and when the meeting now lies inside the notice period (`notice-period`).
 */
export async function takeAlternative(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: { actingFor?: DelegationId } = {},
): Promise<Meeting> {
  const wanted = parseInput(AlternativeInput, input);
  return writeWithEvents(ctx, async (tx) => {
    await tx.lockSummit(summit);
    const { summit: settings, request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const who = acting(actor, summit, partiesOf(request), options.actingFor);
    const existing = (await tx.meetings.get(summit, requestId)) ?? null;
    const bump = noticeOf(await tx.notices.listFor(summit, requestId), 'bumped');
    const offer = bump && noticeIsCurrent(bump, existing) ? bump.detail.alternative : null;
    if (!offer) {
      throw new ConflictError(
        `no slot is on offer for ${requestId}: it was not bumped, or it has been placed since`,
        'no-alternative',
      );
    }
    // instants compared as moments: a client may write them with or without milliseconds
    const differs = (a: Instant, b: Instant) => instantMillis(a) !== instantMillis(b);
    const endDiffers = wanted.end !== undefined && differs(wanted.end, offer.end);
    if (differs(offer.start, wanted.start) || offer.room !== wanted.room || endDiffers) {
      throw new ConflictError(
        `the slot on offer for ${requestId} is ${spanOf(settingsData(settings), offer)} in ${offer.room ?? 'no room'}, not the one sent`,
        'alternative-changed',
      );
    }
    if (existing && (existing.pinned || insideNoticePeriod(settings, existing.start, ctx.now()))) {
      throw new ConflictError(
        `meeting ${requestId} is ${existing.pinned ? 'pinned' : 'inside the notice period'}: only the host moves it now`,
        existing.pinned ? 'meeting-pinned' : 'notice-period',
      );
    }
    const data = planningInput(await loadSummitData(tx, summit));
    const candidate = { request: request.id, start: offer.start, end: offer.end, room: offer.room };
    const violations = redactViolations(actor, data, violationsOf(data, candidate));
    if (violations.length > 0) {
      throw new ConflictError(
        `the slot offered to ${requestId} (${spanOf(data, offer)}) is no longer free: ` +
          `${violations.map((v) => v.message).join('; ')}; ask for suggestions again`,
        'alternative-taken',
      );
    }
    await dropNotice(tx, summit, requestId, 'bumped');
    if (!existing) {
      const next = applyTransition(request, conditions, { name: 'schedule', offered: true }, who, ctx.now());
      await saveRequest(tx, ctx, actor, summit, request, next, ['schedule'], undefined);
      const meeting = await tx.meetings.insert(summit, {
        ...candidate,
        pinned: false,
        confirmedBy: [],
        announced: false,
        version: 1,
      });
      await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.placed', {
        ...candidate,
        by: 'alternative',
      });
      return meeting;
    }
    const moved = await tx.meetings.update(summit, {
      ...existing,
      start: offer.start,
      end: offer.end,
      room: offer.room,
      confirmedBy: [],
    });
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.moved', {
      ...candidate,
      previous: { start: existing.start, room: existing.room },
      by: 'alternative',
    });
    return moved;
  });
}
