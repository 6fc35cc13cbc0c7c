// The decision gate at the application's door: a party's send, accept, condition accept and confirm
// pass their delegation's recorded decision first; a lead's override is kept in the deliberation.
import type { Actor } from '../../domain/actor/schema.js';
import { DecisionGateError, passDecisionGate, type OverrideInput } from '../../domain/deliberation/gate.js';
import type { GatedStep } from '../../domain/deliberation/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import type { Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { recordEvent } from '../events/record.js';

/**
 * Refuses `step` on the request when the acting delegation's recorded decision is "defer" or
 * "decline" (409 `decision-blocks`, naming it), unless its lead overrides it with a reason: the
 * override is then stored and a `decision.overridden` event written, both private to the delegation.
 * A step not taken for a delegation (the host, the system) passes.
 */
export async function requireDecisionAllows(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  request: string,
  delegation: DelegationId | null,
  step: GatedStep,
  override: OverrideInput | undefined,
): Promise<void> {
  if (delegation === null) return;
  const decision = (await tx.decisions.get(summit, { request, delegation })) ?? null;
  let passed;
  try {
    passed = passDecisionGate(
      decision,
      step,
      override,
      { actor, summit, delegation },
      ctx.newId(),
      ctx.now(),
    );
  } catch (e) {
    if (!(e instanceof DecisionGateError)) throw e;
    if (e.forbidden) throw new ForbiddenError(e.message);
    throw new ConflictError(e.message, 'decision-blocks');
  }
  if (passed === null) return;
  await tx.decisionOverrides.append(summit, passed);
  await recordEvent(tx, ctx, actor, summit, { kind: 'delegation', delegation }, 'decision.overridden', {
    request,
    step,
    outcome: passed.outcome,
    reason: passed.reason,
  });
}
