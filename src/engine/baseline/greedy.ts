// The naive greedy baseline of the benchmark: fixed meetings stay; then requests in priority order
// (ties by id) each take the first feasible start and room in time order (ties by room order).
import type { SummitData } from '../../domain/summit/data.js';
import type { RoomId } from '../../domain/ids.js';
import { instantFromMillis } from '../../domain/time.js';
import type { Placement } from '../result.js';
import { indexSummit, isPlaceable, ms } from '../check/summit-index.js';
import { computeObjective } from '../check/objective.js';
import { MINUTE_MS } from '../check/spans.js';
import { fixedPlacements } from './fixed-meetings.js';
import { PlanState } from './plan-state.js';
import { allowedStarts, roomGroups } from './slots.js';
import type { BaselinePlan } from './baseline-plan.js';
import { byPriority, unplacedOf } from './baseline-plan.js';

/** Plans `data` greedily. Pure and deterministic; about linear in requests times grid starts. */
export function greedyPlan(data: SummitData): BaselinePlan {
  const index = indexSummit(data);
  const state = new PlanState(index);
  const meetings: Placement[] = fixedPlacements(index);
  const placed = new Set<string>(meetings.map((m) => m.request));
  for (const m of meetings) {
    const request = index.requests.get(m.request);
    if (request) state.place(request, { start: ms(m.start), room: m.room });
  }
  const open = data.requests.filter((r) => isPlaceable(r) && !placed.has(r.id)).sort(byPriority);
  for (const request of open) {
    const slot = state.earliest(request, allowedStarts(index, request), roomGroups(index, request));
    if (!slot) continue;
    state.place(request, slot);
    placed.add(request.id);
    meetings.push({
      request: request.id,
      start: instantFromMillis(slot.start),
      end: instantFromMillis(slot.start + request.minutes * MINUTE_MS),
      room: slot.room as RoomId | null,
    });
  }
  return {
    meetings,
    unplaced: unplacedOf(data.requests, placed),
    objective: computeObjective(index, meetings),
  };
}
