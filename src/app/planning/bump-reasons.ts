// Why the planner moved or took off a meeting, read from the plan and the calendar it replaces: the
// rule it broke where it was; else the request that took its place (the engine's own account where
// the plan gives one, else the highest-priority newcomer sharing its time and an attendee or its
// room); else the plan as a whole. One place, so the engine's account can replace the guess wholesale.
import type { RequestId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { instantMillis } from '../../domain/time.js';
import type { Placement, Plan } from '../../engine/result.js';
import { meetingsInForce, standingViolations } from '../meetings/standing.js';
import type { PlanDiff } from './diff.js';

/** Why one meeting was bumped, in full (a reader's words are made from it: meetings/bumps.ts). */
export interface BumpWhy {
  /** The rule it broke where it was, or the rule by which another took its place; null: neither. */
  rule: string | null;
  /** The request that took its place, if one. */
  for: RequestId | null;
  /** What took its place in that request: `usa-potus is needed then`, `it takes Bilateral Room 1 then`. */
  detail: string;
}

/** The engine's account of a move, where the plan carries one (`moves[].for`). */
interface EngineMove {
  request: string;
  for?: string;
}

/** The plan's own account of its moves, when the engine gives one. */
function engineMoves(plan: Plan): Map<string, string> {
  const moves = (plan as Plan & { moves?: EngineMove[] }).moves ?? [];
  return new Map(moves.flatMap((m) => (m.for ? [[m.request, m.for] as [string, string]] : [])));
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return (
    instantMillis(a.start as never) < instantMillis(b.end as never) &&
    instantMillis(b.start as never) < instantMillis(a.end as never)
  );
}

/** What `taker` takes of `bumped`'s old slot: a shared attendee's time, else its room; null: neither. */
function takenBy(
  data: SummitData,
  bumped: { meeting: Meeting; request: Request },
  taker: { placement: Placement; request: Request },
): { rule: string; detail: string } | null {
  if (!overlaps(bumped.meeting, taker.placement)) return null;
  const person = bumped.request.attendees.find((p) => taker.request.attendees.includes(p));
  if (person) return { rule: 'person-overlap', detail: `${person} is needed then` };
  if (bumped.meeting.room !== null && bumped.meeting.room === taker.placement.room) {
    const room = data.rooms.find((r) => r.id === bumped.meeting.room);
    return { rule: 'room-exclusive', detail: `it takes ${room?.name ?? bumped.meeting.room} then` };
  }
  return null;
}

/**
 * Why each meeting `diff` moves or removes was bumped, by request. `data` is the summit before the
 * plan is written; `plan` the placements to write.
 */
export function whyBumped(data: SummitData, plan: Plan, diff: PlanDiff): Map<string, BumpWhy> {
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const stored = new Map(data.meetings.map((m) => [m.request as string, m]));
  const bumped = [...diff.moved.map((m) => m.from.request), ...diff.removed.map((p) => p.request)];
  const inForce = meetingsInForce(data).filter((m) => bumped.includes(m.request.id));
  const brokeWhere = new Map<string, string>();
  for (const v of standingViolations(
    data,
    inForce.map((m) => m.meeting),
  )) {
    for (const r of v.requests) if (!brokeWhere.has(r)) brokeWhere.set(r, v.message);
  }
  // the newcomers: placed anew or moved, each with its request
  const arrivals = [...diff.placed, ...diff.moved.map((m) => m.to)].flatMap((placement) => {
    const request = requests.get(placement.request);
    return request ? [{ placement, request }] : [];
  });
  const told = engineMoves(plan);
  const out = new Map<string, BumpWhy>();
  for (const id of bumped) {
    const meeting = stored.get(id);
    const request = requests.get(id);
    if (!meeting || !request) continue;
    const broke = brokeWhere.get(id);
    if (broke !== undefined) {
      out.set(id, {
        rule: broke.split(':')[0]!,
        for: null,
        detail: `it no longer fit where it was (${broke})`,
      });
      continue;
    }
    const candidates = arrivals
      .filter((a) => a.request.id !== id && (!told.has(id) || told.get(id) === a.request.id))
      .flatMap((a) => {
        const taken = takenBy(data, { meeting, request }, a);
        return taken ? [{ ...taken, request: a.request }] : [];
      })
      .sort((a, b) => b.request.priority - a.request.priority);
    const taker = candidates[0];
    const engineFor = told.get(id);
    if (taker) out.set(id, { rule: taker.rule, for: taker.request.id, detail: taker.detail });
    else if (engineFor !== undefined && requests.has(engineFor)) {
      // the engine names it, though by no overlap read here (a travel time, a buffer)
      out.set(id, { rule: null, for: engineFor as RequestId, detail: 'its time was needed' });
    } else {
      out.set(id, {
        rule: null,
        for: null,
        detail: 'the plan as a whole fits more, or more of what is preferred, that way',
      });
    }
  }
  return out;
}
