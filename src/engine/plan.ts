// Turns the search state into the Plan of result.ts: placements in instants, explanations, moved list.
import type { RequestId, RoomId, SummitId } from '../domain/ids.js';
import type { Model } from './model/model.js';
import { startsPreferred } from './model/model.js';
import { instantOfMinute } from './model/timeline.js';
import { instantMillis } from '../domain/time.js';
import type { ScheduleState } from './search/state.js';
import type { Placement, Plan } from './result.js';
import { explainUnplaced } from './explain/explain.js';
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
}

/** Builds the plan: fixed meetings plus placed requests (by start), every other request explained. */
export function buildPlan(m: Model, state: ScheduleState, info: PlanInfo): Plan {
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
    unscheduled: explainUnplaced(m, state),
    moved,
    moves: listMoves(m, state),
    policy: m.policy.applied,
    stats: { millis: info.millis, seed: info.seed, iterations: info.iterations },
  };
  const warnings = [...m.warnings, ...fixedMeetingWarnings(m), ...fixedPracticeWarnings(m)];
  if (warnings.length > 0) plan.warnings = warnings;
  return plan;
}
