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

/**
 * A change to a request's terms: each term given is set, the rest stay. Which of them the caller may
 * change is the domain's rule (edit.ts EDITABLE_TERMS): the requester every one, a counterpart its
 * own attendees.
 */
export const RequestEdit = z
  .strictObject({
    minutes: NewRequest.shape.minutes.optional(),
    attendees: z.array(PersonId).optional(),
    allowed: z.array(WindowInput).nullable().optional(),
    preferred: z.array(WindowInput).optional(),
    topics: z.array(z.string().min(1).max(100)).optional(),
    priority: z.number().int().min(1).max(5).optional(),
    seats: z.number().int().min(1).nullable().optional(),
    venue: VenueId.nullable().optional(),
    needs: z.array(Feature).max(50).optional(),
    press: PressAccess.optional(),
    /**
     * When the change leaves a confirmed or pinned meeting where it no longer fits: take it off the
     * calendar anyway (without: 409 naming the meeting and what it would break).
     */
    force: z.boolean().default(false),
  })
  .refine((e) => Object.keys(e).some((k) => k !== 'force'), { message: 'give at least one term to change' });
export type RequestEdit = z.input<typeof RequestEdit>;

/**
 * A life-cycle transition asked for by a user: every one a request's `allowed` may offer them
 * (schedule and unschedule come with a slot, from placing; lapse from the summit's end).
 * `hold` and `miss` record what happened at the meeting; `confirm` accepts its slot.
 */
/**
 * A delegation lead's override of its own decision ("defer", "decline") for the one step it comes
 * with: the reason is kept in the deliberation, private to the delegation.
 */
export const DecisionOverrideInput = z.strictObject({
  reason: z.string().trim().min(1, 'state why the decision is overridden').max(2000),
});

/** A body that may carry a decision override (the steps a decision gates: send, accept, confirm). */
export const OverridableInput = z.strictObject({ override: DecisionOverrideInput.optional() });
export type OverridableInput = z.infer<typeof OverridableInput>;

export const TransitionInput = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('submit'), override: DecisionOverrideInput.optional() }),
  z.strictObject({ name: z.literal('consider') }),
  z.strictObject({ name: z.literal('accept'), override: DecisionOverrideInput.optional() }),
  z.strictObject({ name: z.literal('decline') }),
  z.strictObject({ name: z.literal('withdraw') }),
  z.strictObject({ name: z.literal('reopen') }),
  z.strictObject({ name: z.literal('downgrade'), to: Downgrade }),
  z.strictObject({ name: z.literal('confirm'), override: DecisionOverrideInput.optional() }),
  z.strictObject({
    name: z.literal('hold'),
    /** Began this many minutes late (held-late); omitted: held on time. */
    lateMinutes: z.number().int().min(1).max(1440).optional(),
    /** Who was late, when it began late. */
    by: z.array(DelegationId).optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    name: z.literal('miss'),
    outcome: z.enum(['no-show', 'cancelled-late']),
    /** The parties that did not come, or the party that cancelled. */
    by: z.array(DelegationId).min(1),
    note: z.string().trim().max(2000).optional(),
  }),
]);
export type TransitionInput = z.infer<typeof TransitionInput>;

/** The names a user may send: what `allowed` offers them. */
export const USER_TRANSITIONS: ReadonlySet<string> = new Set(
  TransitionInput.options.map((o) => o.shape.name.value),
);
