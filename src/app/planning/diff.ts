// What a plan would change on the calendar: placed, moved, removed, and unplaced with reasons.
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { Placement, Plan, Unplaced } from '../../engine/result.js';

/** The difference between the stored meetings and a plan. */
export interface PlanDiff {
  /** Requests that get a meeting. */
  placed: Placement[];
  /** Meetings whose start or room changes. */
  moved: { from: Placement; to: Placement }[];
  /** Meetings the plan leaves off the calendar. */
  removed: Placement[];
  unplaced: Unplaced[];
}

function same(a: Placement, m: Meeting): boolean {
  return a.start === m.start && a.room === m.room;
}

/** States whose meetings the planner places, keeps or moves; other meetings (held ones) are not its to touch. */
const PLANNED_STATES: ReadonlySet<string> = new Set(['agreed', 'scheduled', 'confirmed']);

/**
 * Compares a plan with the meetings stored now. A stored meeting of a request the planner does not
 * plan (a meeting already held) is never "removed": the plan only speaks of what it may place.
 */
export function diffPlan(
  meetings: readonly Meeting[],
  plan: Plan,
  requests: readonly Pick<Request, 'id' | 'status'>[],
): PlanDiff {
  const plannable = new Set(requests.filter((r) => PLANNED_STATES.has(r.status)).map((r) => r.id as string));
  const stored = new Map(meetings.map((m) => [m.request as string, m]));
  const planned = new Set(plan.meetings.map((p) => p.request as string));
  const asPlacement = (m: Meeting): Placement => ({
    request: m.request,
    start: m.start,
    end: m.end,
    room: m.room,
  });
  const diff: PlanDiff = { placed: [], moved: [], removed: [], unplaced: plan.unscheduled };
  for (const p of plan.meetings) {
    const m = stored.get(p.request);
    if (!m) diff.placed.push(p);
    else if (!same(p, m)) diff.moved.push({ from: asPlacement(m), to: p });
  }
  for (const m of meetings) {
    if (plannable.has(m.request) && !planned.has(m.request)) diff.removed.push(asPlacement(m));
  }
  return diff;
}
