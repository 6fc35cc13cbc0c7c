// Inputs of the deliberation use cases.
import { z } from 'zod';
import { DelegationId, PositionId } from '../../domain/ids.js';
import { Consideration, DecisionOutcome, PublicClaim, Stance } from '../../domain/deliberation/schema.js';

/** A position to record (or amend, when `id` names an existing one). */
export const PositionInput = z.strictObject({
  id: PositionId.optional(),
  /** The delegation whose deliberation it belongs to; defaults to the actor's only party delegation. */
  delegation: DelegationId.optional(),
  holder: z.string().min(1).max(300),
  stance: Stance,
  rationale: z.string().max(10_000).default(''),
  considerations: z.array(Consideration).default([]),
});

/** A decision on a request. */
export const DecisionInput = z.strictObject({
  delegation: DelegationId.optional(),
  outcome: DecisionOutcome,
  note: z.string().max(10_000).nullable().default(null),
});

/** A public line: a draft (private) or published (everyone sees it; must match the record). */
export const PublicLineInput = z.strictObject({
  delegation: DelegationId.optional(),
  claim: PublicClaim,
  text: z.string().max(2000).default(''),
  published: z.boolean().default(false),
});
