// Confirming a placed slot changes two records at once: the meeting's confirmations and the request's state.
import { type ActorContext, resolveActing } from '../request/acting.js';
import type { Condition, Request } from '../request/schema.js';
import { applyTransition } from '../request/transition.js';
import type { Instant } from '../time.js';
import type { Meeting } from './schema.js';

/**
 * A party accepts the slot: records it in meeting.confirmedBy and moves the request to confirmed once
 * every party has; throws the life cycle's TransitionError otherwise (nothing changes).
 */
export function confirmSlot(
  request: Request,
  meeting: Meeting,
  conditions: readonly Condition[],
  ctx: ActorContext,
  now: Instant,
): { request: Request; meeting: Meeting } {
  const next = applyTransition(request, conditions, { name: 'confirm', meeting }, ctx, now);
  // The transition's guard has checked that the actor acts for a party that had not confirmed yet.
  const party = resolveActing(ctx, request).delegation;
  const confirmedBy = party === null ? [...meeting.confirmedBy] : [...meeting.confirmedBy, party];
  return { request: next, meeting: { ...meeting, confirmedBy } };
}
