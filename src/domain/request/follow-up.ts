// After a condition changes, the request moves to where its conditions and acceptances now put it.
import type { Instant } from '../time.js';
import type { ActorContext } from './acting.js';
import { agreementGaps, openConditions } from './agreement.js';
import type { PlainTransitionName } from './lifecycle.js';
import type { Condition, Request } from './schema.js';
import { applyTransition } from './transition.js';

/** A request after its conditions changed, and the transitions that took it there (one event each). */
export interface FollowUp {
  request: Request;
  transitions: PlainTransitionName[];
}

/** The one transition the conditions call for now, or null when the request already stands right. */
function nextStep(request: Request, conditions: readonly Condition[]): PlainTransitionName | null {
  const open = openConditions(request, conditions).length > 0;
  const settled = agreementGaps(request, conditions).length === 0;
  switch (request.status) {
    case 'requested':
      return open ? 'setConditionsPending' : null;
    case 'under-consideration':
      return open ? 'setConditionsPending' : settled ? 'agree' : null;
    case 'conditions-pending':
      return open ? null : settled ? 'agree' : 'settleConditions';
    case 'agreed':
    case 'scheduled':
    case 'confirmed':
      // A new open term means the agreement no longer covers the request as it stands.
      return open ? 'reopen' : null;
    default:
      return null;
  }
}

/**
 * Moves the request through the transitions its conditions call for, taken by the same actor,
 * so each is checked by the life-cycle table like any other.
 */
export function followConditions(
  request: Request,
  conditions: readonly Condition[],
  ctx: ActorContext,
  now: Instant,
): FollowUp {
  const transitions: PlainTransitionName[] = [];
  let current = request;
  // Each step lands in a state whose next step is null or a different transition; two steps at most.
  for (let step = nextStep(current, conditions); step !== null; step = nextStep(current, conditions)) {
    if (transitions.includes(step)) break;
    current = applyTransition(current, conditions, step, ctx, now);
    transitions.push(step);
  }
  return { request: current, transitions };
}
