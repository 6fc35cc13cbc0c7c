// Moves a request through its life cycle at a party's or the host's command.
import { writeWithEvents } from '../events/record.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Request } from '../../domain/request/schema.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';
import { TransitionInput } from './inputs.js';
import { loadVisibleRequest } from './load.js';
import { saveRequest } from './write.js';

/**
 * Applies one transition (submit, consider, accept, decline, withdraw, reopen, downgrade).
 * An illegal one throws the domain's TransitionError naming state, actor and what is missing.
 */
export function transitionRequest(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  input: unknown,
  options: { expectedVersion?: number; actingFor?: DelegationId } = {},
): Promise<Request> {
  const command = parseInput(TransitionInput, input);
  return writeWithEvents(ctx, async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, id);
    const acting = { actor, summit, ...(options.actingFor ? { delegation: options.actingFor } : {}) };
    const next = applyTransition(request, conditions, command, acting, ctx.now());
    return saveRequest(tx, ctx, actor, summit, request, next, [command.name], options.expectedVersion);
  });
}
