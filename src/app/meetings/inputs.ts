// Inputs of the meeting use cases.
import { z } from 'zod';
import { RoomId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';

/** Where and when a meeting goes; the end follows from the request's minutes. */
export const Slot = z.strictObject({
  start: Instant,
  /** Required for every format but pull-aside, which takes no room. */
  room: RoomId.nullable().default(null),
});
export type Slot = z.input<typeof Slot>;

/** Why the host moves or takes off a meeting, in their own words (required inside the notice period). */
export const Reason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe('Why it moves, in your words; its parties read it (required inside the notice period)');

/** A slot to place or move a meeting to, and why it moves (see Reason). */
export const PlaceInput = Slot.extend({ reason: Reason.optional() });
export type PlaceInput = z.input<typeof PlaceInput>;

/** Why a meeting is taken off the calendar (see Reason). */
export const UnplaceInput = z.strictObject({ reason: Reason.optional() });
export type UnplaceInput = z.input<typeof UnplaceInput>;
