// A delegation's recorded decision governs what it does on a request: while it stands at "defer" or
// "decline", the delegation does not send, accept or confirm the request unless its lead overrides
// the decision for that one step, with a reason kept in the deliberation.
import { delegationRolesOf } from '../actor/authority.js';
import type { Actor } from '../actor/schema.js';
import type { DelegationId, SummitId } from '../ids.js';
import type { Instant } from '../time.js';
import type { Decision, DecisionOutcome, DecisionOverride, GatedStep } from './schema.js';

/** The outcomes that hold a delegation back from sending, accepting or confirming. */
export const BLOCKING_OUTCOMES: ReadonlySet<DecisionOutcome> = new Set(['defer', 'decline']);

/** How a refusal or a recorded override names the step taken. */
const STEP_WORDS: Record<GatedStep, string> = {
  submit: 'send',
  accept: 'accept',
  'accept-condition': 'accept a condition of',
  confirm: 'confirm the meeting of',
};

/** A step the delegation's own decision stands against; names the decision and how to override it. */
export class DecisionGateError extends Error {
  constructor(
    readonly decision: Decision,
    readonly step: GatedStep,
    /** The override was asked for by someone who is not the delegation's lead. */
    readonly forbidden = false,
  ) {
    super(
      forbidden
        ? `only ${decision.delegation}'s delegation lead may override its decision "${decision.outcome}" on request ${decision.request}`
        : `${decision.delegation} decided "${decision.outcome}" on request ${decision.request}, so it does not ` +
            `${STEP_WORDS[step]} it; its delegation lead may override the decision for this step with a stated reason`,
    );
    this.name = 'DecisionGateError';
  }
}

/** What a lead states to override the decision for one step. */
export interface OverrideInput {
  reason: string;
}

/**
 * Whether `delegation` may take `step` on the request given its recorded decision (null: none
 * recorded, which gates nothing). Returns the override to record when the lead overrode a blocking
 * decision, null when nothing blocks; throws DecisionGateError when the decision blocks the step
 * and no lead's override was given.
 */
export function passDecisionGate(
  decision: Decision | null,
  step: GatedStep,
  override: OverrideInput | undefined,
  acting: { actor: Actor; summit: SummitId; delegation: DelegationId },
  id: string,
  now: Instant,
): DecisionOverride | null {
  if (decision === null || !BLOCKING_OUTCOMES.has(decision.outcome)) return null;
  if (override === undefined) throw new DecisionGateError(decision, step);
  const roles = delegationRolesOf(acting.actor, acting.summit, acting.delegation);
  if (!acting.actor.system && !roles.includes('delegation-lead')) {
    throw new DecisionGateError(decision, step, true);
  }
  return {
    id,
    request: decision.request,
    delegation: acting.delegation,
    step,
    outcome: decision.outcome,
    reason: override.reason,
    by: acting.actor.user,
    at: now,
  };
}
