// A request placed on the calendar.
import { z } from 'zod';
import { DelegationId, RequestId, RoomId, UserId } from '../ids.js';
import { Instant } from '../time.js';
import { Version } from '../summit/schema.js';

/** The four things that can become of a meeting. */
export const OutcomeKind = z.enum(['held', 'held-late', 'no-show', 'cancelled-late']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** What happened at a meeting, as recorded after its start (outcome.ts records it). */
export const MeetingOutcome = z.object({
  kind: OutcomeKind,
  /** held-late: how many minutes after its start it began. */
  lateMinutes: z.number().int().min(1).max(1440).nullable(),
  /** no-show: the parties that did not come; cancelled-late: the party that cancelled; held-late: who was late. */
  by: z.array(DelegationId),
  note: z.string().max(2000).nullable(),
  /** Who recorded it and when; null for an outcome read from a summit file. */
  recorded: z.object({ by: UserId, at: Instant }).nullable(),
});
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

export const Meeting = z.object({
  request: RequestId,
  start: Instant,
  end: Instant,
  /** null for a pull-aside, which takes no room. */
  room: RoomId.nullable(),
  pinned: z.boolean(),
  /** Parties that accepted this slot; `confirmed` needs every party. */
  confirmedBy: z.array(DelegationId),
  announced: z.boolean(),
  /** What happened once it started; absent until someone records it (see outcome.ts). */
  outcome: MeetingOutcome.optional(),
  version: Version,
});
export type Meeting = z.infer<typeof Meeting>;
