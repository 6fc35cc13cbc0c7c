// What a plan would change on the calendar: placed, moved, removed, and unplaced with reasons.
import type { Meeting } from '../../domain/meeting/schema.js';
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

/** Compares a plan with the meetings stored now. */
export function diffPlan(meetings: readonly Meeting[], plan: Plan): PlanDiff {
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
  for (const m of meetings) if (!planned.has(m.request)) diff.removed.push(asPlacement(m));
  return diff;
}
