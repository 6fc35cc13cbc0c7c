// One delegation's private record on a request: positions and a decision.
import { z } from 'zod';
import { DelegationId, PositionId, RequestId, UserId } from '../ids.js';
import { Instant } from '../time.js';
import { Version } from '../summit/schema.js';

export const Stance = z.enum(['for', 'against', 'undecided']);
export type Stance = z.infer<typeof Stance>;

export const Consideration = z.object({
  kind: z.enum(['benefit', 'risk']),
  /** 1 (slight) .. 5 (decisive). */
  weight: z.number().int().min(1).max(5),
  /** e.g. "optics", "syria". */
  topic: z.string().min(1).max(100),
  note: z.string().max(2000).nullable(),
});
export type Consideration = z.infer<typeof Consideration>;

export const Position = z.object({
  id: PositionId,
  request: RequestId,
  delegation: DelegationId,
  /** Who holds the position (free text: "Secretary of State", "Russia experts"). */
  holder: z.string().min(1).max(300),
  /** The user who recorded it. */
  author: UserId,
  stance: Stance,
  rationale: z.string().max(10_000),
  considerations: z.array(Consideration),
  at: Instant,
  version: Version,
});
export type Position = z.infer<typeof Position>;

export const DecisionOutcome = z.enum([
  'pursue',
  'decline',
  'defer',
  'downgrade-pull-aside',
  'downgrade-encounter',
]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Decision = z.object({
  request: RequestId,
  delegation: DelegationId,
  outcome: DecisionOutcome,
  by: UserId,
  at: Instant,
  note: z.string().max(10_000).nullable(),
  version: Version,
});
export type Decision = z.infer<typeof Decision>;

/** The steps on a request a delegation's recorded decision governs (DESIGN.md: send, accept, confirm). */
export const GatedStep = z.enum(['submit', 'accept', 'accept-condition', 'confirm']);
export type GatedStep = z.infer<typeof GatedStep>;

/**
 * A delegation lead's override of its own delegation's decision, to take one step the decision
 * stands against, with the reason. Part of the deliberation: the delegation's alone.
 */
export const DecisionOverride = z.object({
  id: z.string().min(1).max(200),
  request: RequestId,
  delegation: DelegationId,
  step: GatedStep,
  /** The decision's outcome overridden. */
  outcome: DecisionOutcome,
  reason: z.string().min(1).max(2000),
  by: UserId,
  at: Instant,
});
export type DecisionOverride = z.infer<typeof DecisionOverride>;

/** What a delegation claims publicly about a request; checked against the record. */
export const PublicClaim = z.enum([
  'no-comment',
  'under-discussion',
  'no-final-understanding',
  'agreed-in-principle',
  'scheduled',
  'confirmed',
  'no-meeting',
  'informal-encounter-likely',
]);
export type PublicClaim = z.infer<typeof PublicClaim>;

export const PublicLine = z.object({
  request: RequestId,
  delegation: DelegationId,
  claim: PublicClaim,
  text: z.string().max(2000),
  /** A draft is private to the delegation; a published line is what it says to everyone. */
  published: z.boolean(),
  by: UserId,
  at: Instant,
  /**
   * The delegation's choice to publish the line although its words conflict with the record: the
   * phrases it was shown and its reason. Its own; other readers of the line never see it.
   */
  conflictChoice: z
    .object({ reason: z.string().min(1).max(2000), phrases: z.array(z.string()), by: UserId, at: Instant })
    .optional(),
  version: Version,
});
export type PublicLine = z.infer<typeof PublicLine>;
