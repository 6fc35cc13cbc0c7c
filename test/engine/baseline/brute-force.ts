// An exact solver for tiny summits: every combination of placements, searched depth first with the
// lexicographic objective and a simple bound. Tests use it to judge other solvers' optimality and
// bounds. Each candidate placement is judged by the checker itself, so "feasible" means exactly
// what checkPlan accepts.
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Request } from '../../../src/domain/request/schema.js';
import type { RoomId } from '../../../src/domain/ids.js';
import { instantFromMillis } from '../../../src/domain/time.js';
import type { Objective, Placement } from '../../../src/engine/result.js';
import type { SummitIndex } from '../../../src/engine/check/summit-index.js';
import { indexSummit, isPlaceable, ms } from '../../../src/engine/check/summit-index.js';
import { checkPlanWith } from '../../../src/engine/check/check-plan.js';
import { compareObjectives, computeObjective } from '../../../src/engine/check/objective.js';
import type { PlacedRequest } from '../../../src/engine/check/plan-context.js';
import { planContext } from '../../../src/engine/check/plan-context.js';
import { placementsClash } from '../../../src/engine/check/pair-clash.js';
import { practiceAllows } from '../../../src/engine/check/practice-set.js';
import { MINUTE_MS } from '../../../src/engine/check/spans.js';
import { fixedPlacements } from '../../../src/engine/baseline/fixed-meetings.js';
import type { BaselinePlan } from '../../../src/engine/baseline/baseline-plan.js';
import { byPriority, unplacedOf } from '../../../src/engine/baseline/baseline-plan.js';

/** Limits that keep the exhaustive search tiny. */
export interface BruteForceOptions {
  /** Requests left to place (beyond fixed meetings) [8]. */
  maxRequests?: number;
  /** Search nodes before giving up with an error [2,000,000]. */
  maxNodes?: number;
}

/** A feasible placement of one request and what it adds to the objective. */
interface Candidate {
  placement: Placement;
  placed: PlacedRequest;
  preferred: number;
  moved: number;
}

/** An optimal plan of `data` (weight, then preferred, then fewest moved). Throws when the summit is too big. */
export function bruteForcePlan(data: SummitData, options: BruteForceOptions = {}): BaselinePlan {
  const index = indexSummit(data);
  const fixed = fixedPlacements(index);
  const fixedIds = new Set<string>(fixed.map((p) => p.request));
  const open = data.requests.filter((r) => isPlaceable(r) && !fixedIds.has(r.id)).sort(byPriority);
  const maxRequests = options.maxRequests ?? 8;
  if (open.length > maxRequests) {
    throw new RangeError(
      `brute force places at most ${maxRequests} requests; this summit has ${open.length}`,
    );
  }
  const candidates = open.map((r) => candidatesOf(index, r, fixed));
  const fixedPlaced = planContext(index, fixed).placed;
  // What the requests from position i on could still add at best.
  const restWeight = open.map((_, i) => open.slice(i).reduce((sum, r) => sum + r.priority, 0));
  const restPreferred = candidates.map((_, i) =>
    candidates.slice(i).reduce((sum, list) => sum + (list.some((c) => c.preferred > 0) ? 1 : 0), 0),
  );

  const maxNodes = options.maxNodes ?? 2_000_000;
  let nodes = 0;
  const chosen: Candidate[] = [];
  let best: { objective: Objective; chosen: Candidate[] } = {
    objective: computeObjective(index, fixed),
    chosen: [],
  };
  let found = false;
  const search = (i: number, now: Objective): void => {
    if (++nodes > maxNodes) throw new RangeError(`brute force gave up after ${maxNodes} search nodes`);
    if (found) {
      const hope = {
        weight: now.weight + (restWeight[i] ?? 0),
        preferred: now.preferred + (restPreferred[i] ?? 0),
        moved: now.moved,
      };
      if (compareObjectives(hope, best.objective) <= 0) return;
    }
    if (i === open.length) {
      best = { objective: now, chosen: [...chosen] };
      found = true;
      return;
    }
    const priority = (open[i] as Request).priority;
    for (const c of candidates[i] as Candidate[]) {
      if (chosen.some((o) => placementsClash(index, o.placed, c.placed))) continue;
      // Quotas and interpreters judge the set (rules 7 and 8).
      if (!practiceAllows(index, [...fixedPlaced, ...chosen.map((o) => o.placed)], c.placed)) continue;
      chosen.push(c);
      search(i + 1, {
        weight: now.weight + priority,
        preferred: now.preferred + c.preferred,
        moved: now.moved + c.moved,
      });
      chosen.pop();
    }
    search(i + 1, now);
  };
  search(0, computeObjective(index, fixed));

  // The search always reaches a leaf (placing nothing more is one), so `best` is a real plan.
  const meetings = [...fixed, ...best.chosen.map((c) => c.placement)];
  const placed = new Set<string>(meetings.map((m) => m.request));
  return {
    meetings,
    unplaced: unplacedOf(data.requests, placed),
    objective: computeObjective(index, meetings),
  };
}

/** Every placement of `request` the checker accepts next to the fixed meetings, most promising first. */
function candidatesOf(index: SummitIndex, request: Request, fixed: readonly Placement[]): Candidate[] {
  const known = new Set(checkPlanWith(index, fixed).violations.map((v) => v.message));
  const length = request.minutes * MINUTE_MS;
  const rooms: (string | null)[] = [null, ...index.data.rooms.map((r) => r.id)];
  const existing = index.data.meetings.filter((m) => m.request === request.id && !m.pinned);
  const out: Candidate[] = [];
  for (const day of index.days) {
    for (let s = day.from; s + length <= day.to; s += index.grainMs) {
      for (const room of rooms) {
        const placement: Placement = {
          request: request.id,
          start: instantFromMillis(s),
          end: instantFromMillis(s + length),
          room: room as RoomId | null,
        };
        const broken = checkPlanWith(index, [...fixed, placement]).violations;
        if (broken.some((v) => !known.has(v.message))) continue;
        out.push({
          placement,
          placed: planContext(index, [placement]).placed[0] as PlacedRequest,
          preferred: request.preferred.some((w) => ms(w.from) <= s && s < ms(w.to)) ? 1 : 0,
          moved: existing.filter((m) => ms(m.start) !== s || m.room !== room).length,
        });
      }
    }
  }
  return out.sort((a, b) => b.preferred - a.preferred || a.moved - b.moved);
}
