// Turns the search state into the Plan of result.ts: placements in instants, explanations, moved list.
import type { RequestId, RoomId, SummitId } from '../domain/ids.js';
import type { Model } from './model/model.js';
import { startsPreferred } from './model/model.js';
import { instantOfMinute } from './model/timeline.js';
import { instantMillis } from '../domain/time.js';
import type { ScheduleState } from './search/state.js';
import type { Placement, Plan, Unplaced } from './result.js';
import { explainConstraints, stateReasons, unexplainedOf } from './explain/explain.js';
import { fixedMeetingWarnings } from './explain/fixed-warnings.js';
import { fixedPracticeWarnings } from './explain/practice-warnings.js';
import { listMoves } from './moves.js';

/**
 * The objective's "moved": unpinned meetings of data.meetings whose request is placed elsewhere.
 * (Plan.moved compares with the starting point instead, which for a re-plan is the previous plan.)
 */
function movedFromData(m: Model, meetings: readonly (Placement & { t: number })[]): number {
  const byRequest = new Map(meetings.map((p) => [p.request as string, p]));
  let moved = 0;
  for (const mt of m.data.meetings) {
    const p = byRequest.get(mt.request);
    if (mt.pinned || !p) continue;
    if (instantMillis(p.start) !== instantMillis(mt.start) || p.room !== mt.room) moved++;
  }
  return moved;
}

/** Run facts that go into a plan's stats. */
export interface PlanInfo {
  bound: number | null;
  millis: number;
  seed: number;
  iterations: number;
  /** Milliseconds per solver phase (by the caller's clock), when measured. */
  phases?: Record<string, number>;
}

/**
 * A plan with what was pending filled in: the bound, and the explanations of the requests left off
 * for want of a slot (merged with the state reasons in the order of the model's requests).
 */
export function completePlan(
  m: Model,
  answer: Plan,
  parts: { bound?: number | null; explained?: readonly Unplaced[] },
): Plan {
  const plan: Plan = { ...answer };
  let pending = answer.pending ?? [];
  if (parts.bound !== undefined) {
    plan.bound = parts.bound;
    pending = pending.filter((p) => p !== 'bound');
  }
  if (parts.explained !== undefined) {
    plan.unscheduled = [...answer.unscheduled, ...parts.explained].sort(
      (a, b) => m.requestIndex.get(a.request)! - m.requestIndex.get(b.request)!,
    );
    delete plan.unexplained;
    pending = pending.filter((p) => p !== 'explanations');
  }
  if (pending.length > 0) plan.pending = pending;
  else delete plan.pending;
  return plan;
}

/** Builds the plan: fixed meetings plus placed requests (by start), every other request explained. */
export function buildPlan(m: Model, state: ScheduleState, info: PlanInfo): Plan {
  const answer = buildAnswer(m, state, info);
  return completePlan(m, answer, { bound: info.bound, explained: explainConstraints(m, state) });
}

/**
 * The plan without its explanations: meetings, moves and objective, the requests left off for their
 * state with their reasons, and the ids of those left off for want of a slot (`unexplained`), whose
 * explanations come later (explainConstraints). `pending` says what is still to come.
 */
export function buildAnswer(m: Model, state: ScheduleState, info: PlanInfo): Plan {
  const meetings: (Placement & { t: number })[] = [];
  let weight = 0;
  let preferred = 0;
  const moved: RequestId[] = [];
  const room = (k: number): RoomId | null => (k >= 0 ? (m.rooms[k]!.id as RoomId) : null);
  for (const req of m.requests) {
    let t: number;
    let k: number;
    if (req.fixed) {
      t = req.fixed.start;
      k = req.fixed.room;
    } else if (req.placeable && state.start[req.index]! >= 0) {
      t = m.tl.gridMin[state.start[req.index]!]!;
      k = state.room[req.index]!;
    } else {
      // An existing meeting left off the plan is not "moved": its loss shows in the priority sum.
      continue;
    }
    if (req.existing && (req.existing.start !== t || req.existing.room !== k))
      moved.push(req.id as RequestId);
    weight += req.weight;
    if (startsPreferred(req, t)) preferred++;
    meetings.push({
      request: req.id as RequestId,
      start: instantOfMinute(m.tl, t),
      end: instantOfMinute(m.tl, t + req.minutes),
      room: room(k),
      t,
    });
  }
  meetings.sort((a, b) => a.t - b.t || (a.request < b.request ? -1 : a.request > b.request ? 1 : 0));
  const plan: Plan = {
    summit: m.data.summit.id as SummitId,
    objective: { weight, preferred, moved: movedFromData(m, meetings) },
    bound: info.bound,
    meetings: meetings.map(({ t: _t, ...p }) => p),
    unscheduled: stateReasons(m),
    unexplained: unexplainedOf(m, state),
    pending: info.bound === null ? ['bound', 'explanations'] : ['explanations'],
    moved,
    moves: listMoves(m, state),
    policy: m.policy.applied,
    stats: {
      millis: info.millis,
      seed: info.seed,
      iterations: info.iterations,
      ...(info.phases ? { phases: info.phases } : {}),
    },
  };
  const warnings = [...m.warnings, ...fixedMeetingWarnings(m), ...fixedPracticeWarnings(m)];
  if (warnings.length > 0) plan.warnings = warnings;
  return plan;
}
