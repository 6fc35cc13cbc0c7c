// Re-planning after a change: start from the previous plan, keep what still fits, place what is new
// or displaced, and move existing meetings only when that places more priority weight.
import type { SummitData } from '../domain/summit/data.js';
import { computeBound } from './bound/lagrangian.js';
import { buildPlan } from './plan.js';
import { loadPlan } from './plan-state.js';
import type { Plan } from './result.js';
import { createRng } from './rng.js';
import { construct, constructionOrder } from './search/construct.js';
import { ejectInsert } from './search/eject.js';
import { Lns } from './search/lns.js';

/** Limits of a re-plan. Without a clock only `maxAttempts` limits it. */
export interface ReplanOptions {
  seed?: number;
  clock?: () => number;
  /** Wall-clock budget in milliseconds (needs `clock`; default 250): the ejection moves get what is
   * left of its first 25% after loading the plan; the bound and the explanations take the rest. */
  timeLimitMs?: number;
  /** Ejection attempts for unplaced requests, highest priority first (default: 4 per unplaced request, at most 100). */
  maxAttempts?: number;
  /** Iterations of the bound (default 30; 0 leaves the bound out: null). */
  boundIterations?: number;
}

/**
 * Re-plans `data` from `previous`: confirmed and pinned meetings stay (data.meetings), the previous
 * plan's other meetings stay where they still satisfy every rule, new and displaced requests take free
 * slots, and then unplaced requests (highest priority first) may displace meetings only when the
 * priority sum grows. `moved` lists previous meetings now elsewhere.
 */
export function replan(data: SummitData, previous: Plan, options: ReplanOptions = {}): Plan {
  const seed = options.seed ?? previous.stats.seed;
  const clock = options.clock;
  const t0 = clock ? clock() : 0;
  const elapsed = (): number => (clock ? clock() - t0 : 0);
  const { m, state } = loadPlan(data, previous);
  const order = constructionOrder(m);
  construct(state, order);
  const lns = new Lns(state, createRng(seed), 'weight-gain');
  // What the change displaced or added goes first, then the rest by priority.
  const before = new Set<string>([
    ...previous.meetings.map((p) => p.request),
    ...previous.unscheduled.map((u) => u.request),
  ]);
  const wasPlaced = new Set<string>(previous.meetings.map((p) => p.request));
  const urgency = (r: number): number => {
    const id = m.requests[r]!.id;
    return wasPlaced.has(id) ? 0 : before.has(id) ? 2 : 1;
  };
  const unplaced = order
    .filter((r) => state.start[r]! < 0 && m.requests[r]!.options.length > 0)
    .sort((a, b) => urgency(a) - urgency(b));
  const attempts = options.maxAttempts ?? Math.min(100, 4 * unplaced.length);
  const limit = clock ? (options.timeLimitMs ?? 250) * 0.25 : Infinity;
  let done = 0;
  for (let round = 0; round < 4 && done < attempts; round++) {
    for (const r of unplaced) {
      // What the change displaced or added is always tried once, whatever the clock says.
      const urgent = round === 0 && urgency(r) < 2;
      if (!urgent && (done >= attempts || elapsed() >= limit)) break;
      if (state.start[r]! >= 0) continue;
      ejectInsert(lns, r);
      done++;
    }
  }
  construct(state, order);
  const boundIterations = options.boundIterations ?? 30;
  const bound =
    boundIterations > 0
      ? computeBound(m, { iterations: boundIterations, lowerBound: state.weight, decompositionIterations: 0 })
          .bound
      : null;
  return buildPlan(m, state, { bound, millis: Math.round(elapsed()), seed, iterations: done });
}
