// Inputs of the request use cases, derived from the domain schemas (the API documents these).
import { z } from 'zod';
import { ConditionKind, Downgrade, Format, Level } from '../../domain/request/schema.js';
import { ConditionId, DelegationId, PersonId, RequestId, VenueId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import { Feature, PressAccess } from '../../domain/summit/practice.js';

/**
 * A window as a user sends it. Its order (to after from) is a request rule, checked with the
 * others and coded `window-order` like an import's, not by the shape.
 */
export const WindowInput = z.object({ from: Instant, to: Instant });

/** A new condition on a request. */
export const NewCondition = z.strictObject({
  id: ConditionId.optional(),
  kind: ConditionKind.default('other'),
  text: z.string().min(1).max(2000),
});
export type NewCondition = z.infer<typeof NewCondition>;

/** A new meeting request, from the actor's delegation to one or more others. */
export const NewRequest = z.strictObject({
  id: RequestId.optional(),
  /** The requesting delegation; defaults to the actor's only delegation. */
  from: DelegationId.optional(),
  to: z.array(DelegationId).min(1),
  format: Format,
  level: Level,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  priority: z.number().int().min(1).max(5).default(3),
  topics: z.array(z.string().min(1).max(100)).default([]),
  attendees: z.array(PersonId).min(1),
  seats: z.number().int().min(1).nullable().default(null),
  venue: VenueId.nullable().default(null),
  allowed: z.array(WindowInput).nullable().default(null),
  preferred: z.array(WindowInput).default([]),
  confidential: z.boolean().default(false),
  /** Room features the meeting requires (flags, press…). */
  needs: z.array(Feature).max(50).default([]),
  press: PressAccess.default('closed'),
  conditions: z.array(NewCondition).default([]),
  /** Send it at once (state requested) rather than keep it as a draft. */
  submit: z.boolean().default(true),
});
export type NewRequest = z.input<typeof NewRequest>;

/** A life-cycle transition asked for by a user (schedule, hold and lapse come from planning and time). */
export const TransitionInput = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('submit') }),
  z.strictObject({ name: z.literal('consider') }),
  z.strictObject({ name: z.literal('accept') }),
  z.strictObject({ name: z.literal('decline') }),
  z.strictObject({ name: z.literal('withdraw') }),
  z.strictObject({ name: z.literal('reopen') }),
  z.strictObject({ name: z.literal('downgrade'), to: Downgrade }),
]);
export type TransitionInput = z.infer<typeof TransitionInput>;
