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
import { restoreMeeting } from './restore.js';
import { saveRequest } from './write.js';
import { confirmMeeting } from '../meetings/confirm.js';
import { requireDecisionAllows } from '../deliberation/gate.js';
import { resolveActing } from '../../domain/request/acting.js';
import { recordMeetingOutcome } from '../meetings/outcome.js';

/**
 * Applies one transition (submit, consider, accept, decline, withdraw, reopen, downgrade; confirm,
 * hold and miss through the meeting's use cases). An illegal one throws the domain's
 * TransitionError naming state, actor and what is missing; a send or accept the delegation's
 * decision stands against is refused (409 decision-blocks) unless its lead overrides it.
 */
export async function transitionRequest(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  input: unknown,
  options: { expectedVersion?: number; actingFor?: DelegationId } = {},
): Promise<Request> {
  const command = parseInput(TransitionInput, input);
  const acting = options.actingFor ? { actingFor: options.actingFor } : {};
  if (command.name === 'hold' || command.name === 'miss') {
    const outcome =
      command.name === 'hold'
        ? {
            kind: command.lateMinutes ? 'held-late' : 'held',
            lateMinutes: command.lateMinutes ?? null,
            by: command.by ?? [],
          }
        : { kind: command.outcome, by: command.by };
    const done = await recordMeetingOutcome(
      ctx,
      actor,
      summit,
      id,
      { ...outcome, note: command.note ?? null },
      {
        ...acting,
        ...(options.expectedVersion === undefined ? {} : { expectedRequestVersion: options.expectedVersion }),
      },
    );
    return done.request;
  }
  if (command.name === 'confirm') {
    const done = await confirmMeeting(ctx, actor, summit, id, {
      ...acting,
      ...(command.override ? { override: command.override } : {}),
      ...(options.expectedVersion === undefined ? {} : { expectedRequestVersion: options.expectedVersion }),
    });
    return done.request;
  }
  return writeWithEvents(ctx, async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, id);
    const acting = { actor, summit, ...(options.actingFor ? { delegation: options.actingFor } : {}) };
    const next = applyTransition(request, conditions, command, acting, ctx.now());
    // a legal send or accept still waits on the delegation's own recorded decision
    if (command.name === 'submit' || command.name === 'accept') {
      const delegation = resolveActing(acting, request).delegation;
      await requireDecisionAllows(
        tx,
        ctx,
        actor,
        summit,
        request.id,
        delegation,
        command.name,
        command.override,
      );
    }
    const stored = await saveRequest(
      tx,
      ctx,
      actor,
      summit,
      request,
      next,
      [command.name],
      options.expectedVersion,
    );
    // agreed again after an edit or a new condition: the meeting it kept is restored
    return restoreMeeting(tx, ctx, actor, summit, stored, conditions, acting);
  });
}
