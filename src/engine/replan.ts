// Re-planning after a change: start from the meetings already placed, keep what still fits, place
// what is new or displaced, and move existing meetings only when that places more priority weight
// (and within planning.maxMoves). Answers first; the bound and the explanations follow (phased.ts).
import type { SummitData } from '../domain/summit/data.js';
import { computeBound } from './bound/lagrangian.js';
import { compileModel, type CompileCache } from './model/compile.js';
import { buildAnswer } from './plan.js';
import { phased, type PhasedPlan } from './phased.js';
import { mergePolicy, summitPolicy, type MovePolicy } from './policy.js';
import type { Placement, Plan } from './result.js';
import { createRng } from './rng.js';
import { construct, constructionOrder, keepExisting } from './search/construct.js';
import { ejectInsert } from './search/eject.js';
import { Lns } from './search/lns.js';
import { ScheduleState } from './search/state.js';

/** Limits of a re-plan. Without a clock only `maxAttempts` limits it. */
export interface ReplanOptions {
  seed?: number;
  clock?: () => number;
  /** Wall-clock budget of the answer in milliseconds (needs `clock`; default 250): the ejection moves
   * get what is left of it after compiling and keeping what fits, less a fifth for building the answer. */
  timeLimitMs?: number;
  /** Ejection attempts for unplaced requests, highest priority first (default: 4 per unplaced request, at most 100). */
  maxAttempts?: number;
  /** Iterations of the bound, computed after the answer (default 300; 0 leaves the bound out: null). */
  boundIterations?: number;
  /** How existing meetings may move (summit-file.md rules 9 and 10), over the summit's own keys. */
  policy?: MovePolicy;
  /** Polled between ejection attempts: true answers with the plan so far. */
  shouldStop?: () => boolean;
}

/** What a repair starts from when it is not the summit's own meetings: a previous plan. */
export interface RepairBase {
  /** The meetings to keep where they still fit (the "existing" ones of rule 10 and of `moved`). */
  meetings: readonly Pick<Placement, 'request' | 'start' | 'room'>[];
  /** Requests the previous plan left off: tried after those the change displaced or added. */
  unscheduled?: readonly { request: string }[];
}

/**
 * Re-plans `data` from `previous`: confirmed and pinned meetings stay (data.meetings), the previous
 * plan's other meetings stay where they still satisfy every rule, new and displaced requests take free
 * slots, and then unplaced requests (highest priority first) may displace meetings only when the
 * priority sum grows. `moved` lists previous meetings now elsewhere.
 */
export function replan(data: SummitData, previous: Plan, options: ReplanOptions = {}): Plan {
  return repairPhased(data, { seed: previous.stats.seed, ...options }, previous).complete();
}

/**
 * The re-plan in phases, from `base` (a previous plan) or, without one, from the summit's own
 * meetings (data.meetings: the published schedule). `cache` keeps the compiled masks for the next
 * run on the same summit, which is what makes a warm re-plan fast.
 */
export function repairPhased(
  data: SummitData,
  options: ReplanOptions = {},
  base?: RepairBase,
  cache?: CompileCache,
): PhasedPlan {
  const seed = options.seed ?? 1;
  const clock = options.clock;
  const t0 = clock ? clock() : 0;
  const elapsed = (): number => (clock ? clock() - t0 : 0);
  const phases: Record<string, number> = {};
  let mark = 0;
  const lap = (phase: string): void => {
    const now = elapsed();
    phases[phase] = Math.round(now - mark);
    mark = now;
  };
  const m = compileModel(data, {
    ...(base
      ? { existing: base.meetings.map((p) => ({ request: p.request, start: p.start, room: p.room })) }
      : {}),
    policy: mergePolicy(summitPolicy(data), options.policy),
    cache,
  });
  lap('compile');
  const state = new ScheduleState(m);
  keepExisting(state);
  const order = constructionOrder(m);
  construct(state, order);
  lap('construct');
  const lns = new Lns(state, createRng(seed), 'weight-gain');
  // What the change displaced comes first, then what is new, then what was left off before.
  const before = new Set<string>((base?.unscheduled ?? []).map((u) => u.request));
  const urgency = (r: number): number => {
    const req = m.requests[r]!;
    return req.existing !== null ? 0 : before.has(req.id) ? 2 : 1;
  };
  const unplaced = order
    .filter((r) => state.start[r]! < 0 && m.requests[r]!.options.length > 0)
    .sort((a, b) => urgency(a) - urgency(b));
  const attempts = options.maxAttempts ?? Math.min(100, 4 * unplaced.length);
  // The answer's budget, less a fifth for building it.
  const limit = clock ? (options.timeLimitMs ?? 250) * 0.8 : Infinity;
  let done = 0;
  for (let round = 0; round < 4 && done < attempts; round++) {
    for (const r of unplaced) {
      // What the change displaced or added is always tried once, whatever the clock says.
      const urgent = round === 0 && urgency(r) < 2;
      if (done >= attempts || (!urgent && (elapsed() >= limit || options.shouldStop?.()))) break;
      if (state.start[r]! >= 0) continue;
      ejectInsert(lns, r);
      done++;
    }
  }
  construct(state, order);
  lap('search');
  const boundIterations = options.boundIterations ?? 300;
  const answer = buildAnswer(m, state, {
    bound: null,
    millis: Math.round(elapsed()),
    seed,
    iterations: done,
    ...(clock ? { phases } : {}),
  });
  const bound = (): number | null =>
    boundIterations > 0
      ? computeBound(m, { iterations: boundIterations, lowerBound: state.weight }).bound
      : null;
  // Without bound iterations no bound comes: only the explanations are pending.
  if (boundIterations === 0) answer.pending = ['explanations'];
  return phased(m, state, answer, bound, clock);
}
