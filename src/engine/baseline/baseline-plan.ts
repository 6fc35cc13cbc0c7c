// What the baseline solvers return: placements the checker can judge, why the rest is left out, and the objective.
import type { RequestId } from '../../domain/ids.js';
import type { Request } from '../../domain/request/schema.js';
import type { Objective, Placement, UnplacedReason } from '../result.js';
import { isPlaceable } from '../check/summit-index.js';

/** A baseline's plan. */
export interface BaselinePlan {
  meetings: Placement[];
  /** Every request not placed: its state when it may not be placed, else no-slot. */
  unplaced: { request: RequestId; reason: UnplacedReason }[];
  objective: Objective;
}

/** The unplaced list for `requests` given the ids that were placed. */
export function unplacedOf(
  requests: readonly Request[],
  placed: ReadonlySet<string>,
): BaselinePlan['unplaced'] {
  return requests
    .filter((r) => !placed.has(r.id))
    .map((r) => ({ request: r.id, reason: isPlaceable(r) ? 'no-slot' : (r.status as UnplacedReason) }));
}

/** Requests in the order a greedy takes them: higher priority first, ties by id. */
export function byPriority(a: Request, b: Request): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
