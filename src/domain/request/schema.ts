// Meeting requests between delegations, and the conditions parties set on them.
import { z } from 'zod';
import { ConditionId, DelegationId, MessageId, PersonId, RequestId, UserId, VenueId } from '../ids.js';
import { Instant, Window } from '../time.js';
import { Version } from '../summit/schema.js';
import { Feature, PressAccess } from '../summit/practice.js';

export const RequestStatus = z.enum([
  'draft',
  'requested',
  'under-consideration',
  'conditions-pending',
  'agreed',
  'scheduled',
  'confirmed',
  'held',
  'declined',
  'withdrawn',
  'downgraded',
  'lapsed',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const Format = z.enum(['bilateral', 'multilateral', 'pull-aside', 'working-meal', 'courtesy-call']);
export type Format = z.infer<typeof Format>;

export const Level = z.enum(['leaders', 'ministers', 'officials']);
export type Level = z.infer<typeof Level>;

/** How a request was downgraded, when it was. */
export const Downgrade = z.enum(['pull-aside', 'encounter']);
export type Downgrade = z.infer<typeof Downgrade>;

export const Request = z.object({
  id: RequestId,
  from: DelegationId,
  to: z.array(DelegationId).min(1),
  format: Format,
  level: Level,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  priority: z.number().int().min(1).max(5),
  topics: z.array(z.string().min(1).max(100)),
  attendees: z.array(PersonId),
  /** Seats needed; null = the number of attendees. */
  seats: z.number().int().min(1).nullable(),
  venue: VenueId.nullable(),
  /** Hard windows; null = any time in the summit. */
  allowed: z.array(Window).nullable(),
  /** Soft windows the optimiser prefers. */
  preferred: z.array(Window),
  status: RequestStatus,
  /** Parties (requester included) that accepted the request as it stands. */
  acceptedBy: z.array(DelegationId),
  downgrade: Downgrade.nullable(),
  /** A confidential request is invisible to everyone but its parties (the host included). */
  confidential: z.boolean(),
  /** Room features the meeting requires (a pull-aside, which takes no room, needs none). */
  needs: z.array(Feature).max(50).default([]),
  /** How the press may attend; informational. */
  press: PressAccess.default('closed'),
  version: Version,
});
export type Request = z.infer<typeof Request>;

export const ConditionStatus = z.enum(['open', 'accepted', 'rejected', 'withdrawn']);
export type ConditionStatus = z.infer<typeof ConditionStatus>;

export const ConditionKind = z.enum(['agenda', 'deliverable', 'attendee', 'format', 'other']);
export type ConditionKind = z.infer<typeof ConditionKind>;

export const Condition = z.object({
  id: ConditionId,
  request: RequestId,
  by: DelegationId,
  kind: ConditionKind,
  text: z.string().min(1).max(2000),
  status: ConditionStatus,
  /** The condition this one counters (a counter-proposal is a rejection plus a new condition). */
  counters: ConditionId.nullable(),
  version: Version,
});
export type Condition = z.infer<typeof Condition>;

/** A message in the parties' shared thread of one request. */
export const ThreadMessage = z.object({
  id: MessageId,
  request: RequestId,
  delegation: DelegationId,
  author: UserId,
  at: Instant,
  text: z.string().min(1).max(10_000),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;
