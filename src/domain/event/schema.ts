// The append-only log: every change writes one event in the same transaction as its state.
import { z } from 'zod';
import { SummitId, UserId } from '../ids.js';
import { Instant } from '../time.js';
import { Scope } from '../visibility/scope.js';

export const DomainEvent = z.object({
  /** Position in the log, increasing; used to resume streams. */
  seq: z.number().int().min(1),
  summit: SummitId,
  at: Instant,
  actor: UserId,
  scope: Scope,
  /** e.g. "request.created", "condition.accepted", "meeting.placed". */
  type: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
});
export type DomainEvent = z.infer<typeof DomainEvent>;
