// Taking a meeting off the calendar as a consequence of something else (a change of presence, a
// confirmation deadline): the life-cycle step follows the request's state, and is the system's.
import type { Actor } from '../../domain/actor/schema.js';
import { isProvisional } from '../../domain/meeting/provisional.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { SummitId } from '../../domain/ids.js';
import type { Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { saveRequest } from '../requests/write.js';

/**
 * Removes `meeting` and returns its request as it then stands: a scheduled one goes back to agreed
 * (unschedule), a confirmed one too (dislodge: a forced change took it off), and one back with its
 * parties for consent keeps its state, losing only the slot it held provisionally (their consent
 * then leaves it agreed, waiting for a slot). Inside the caller's transaction.
 */
export async function takeOffCalendar(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  meeting: Meeting,
  request: Request,
  conditions: readonly Condition[],
): Promise<Request> {
  await tx.meetings.remove(summit, meeting.request, meeting.version);
  if (isProvisional(request.status)) return request;
  const name = request.status === 'scheduled' ? 'unschedule' : 'dislodge';
  const system = { actor: { ...actor, system: true }, summit };
  const next = applyTransition(request, conditions, name, system, ctx.now());
  return saveRequest(tx, ctx, actor, summit, request, next, [name], undefined);
}
