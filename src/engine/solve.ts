// Plans a summit: compile, first plan, bound, improvement search, explanations.
import type { SummitData } from '../domain/summit/data.js';
import { computeBound } from './bound/lagrangian.js';
import { compileModel, type CompileCache } from './model/compile.js';
import type { Model } from './model/model.js';
import { buildAnswer } from './plan.js';
import { phased, type PhasedPlan } from './phased.js';
import type { Plan } from './result.js';
import { mergePolicy, summitPolicy, type MovePolicy } from './policy.js';
import { construct, constructionOrder, earliestFirst, keepExisting } from './search/construct.js';
import { fixedObjective, objectiveOf, runSearch, type Progress } from './search/search.js';
import { ScheduleState } from './search/state.js';

export type { Progress } from './search/search.js';

/** How long to search and how to report. Without a clock, only `maxIterations` limits the search. */
export interface SolveOptions {
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** Wall-clock budget of the whole solve in milliseconds; needs `clock`. */
  timeLimitMs?: number;
  /** Iteration budget of the improvement search (reproducible whatever the machine's speed). */
  maxIterations?: number;
  /** Milliseconds from any fixed origin (e.g. performance.now); the engine never reads a clock itself. */
  clock?: () => number;
  /** Called about every `progressIntervalMs` with the best objective so far and the bound. */
  onProgress?: (p: Progress) => void;
  progressIntervalMs?: number;
  /** Polled between iterations; returning true ends the search with the best plan so far. */
  shouldStop?: () => boolean;
  /** Iterations of the bound's subgradient method (default 300). */
  boundIterations?: number;
  /** How existing meetings may move (summit-file.md rules 9 and 10); default: no limit, no freeze. */
  policy?: MovePolicy;
}

/** Plans the placeable requests of a summit. Pure: same data, seed and iteration limit give the same plan. */
export function solve(data: SummitData, options: SolveOptions = {}): Plan {
  return solvePhased(data, options).complete();
}

/**
 * solve in phases: the search runs to its limit and answers (with the bound it computed before
 * searching); the explanations are computed when asked for. `cache` keeps the compiled masks for
 * the next run on the same summit.
 */
export function solvePhased(data: SummitData, options: SolveOptions = {}, cache?: CompileCache): PhasedPlan {
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
  const m = compileModel(data, { policy: mergePolicy(summitPolicy(data), options.policy), cache });
  lap('compile');
  const state = firstPlan(m);
  lap('construct');
  // Large summits take seconds to get here: report the first plan before the bound.
  options.onProgress?.({
    elapsedMs: elapsed(),
    iterations: 0,
    objective: objectiveOf(m, state.total),
    bound: null,
  });
  const bound = computeBound(m, {
    iterations: options.boundIterations,
    lowerBound: objectiveOf(m, state.total).weight - fixedObjective(m).weight,
  });
  lap('bound');
  let timeLimitMs: number | undefined;
  if (options.timeLimitMs !== undefined) {
    // Keep time for explanations and building the plan: they cost about as much as compiling and the
    // first plans did (measured on this machine, under its current load), and never less than 5%.
    const before = elapsed();
    const reserve = Math.max(options.timeLimitMs * 0.05, before * 0.7);
    timeLimitMs = Math.max(0, options.timeLimitMs - reserve - before);
  }
  const result = runSearch(m, {
    seed,
    timeLimitMs,
    maxIterations: options.maxIterations,
    clock,
    onProgress: options.onProgress,
    progressIntervalMs: options.progressIntervalMs,
    shouldStop: options.shouldStop,
    bound: bound.bound,
    initial: state,
  });
  // Anything that fits into a gap left at the end goes in (it only adds value).
  construct(result.state, constructionOrder(m));
  lap('search');
  const answer = buildAnswer(m, result.state, {
    bound: bound.bound,
    millis: Math.round(elapsed()),
    seed,
    iterations: result.iterations,
    ...(clock ? { phases } : {}),
  });
  return phased(m, result.state, answer, () => bound.bound, clock);
}

/**
 * The best of three greedy plans: requests by priority, by priority per grid minute claimed (which
 * wins when rooms or a few persons' time are the bottleneck), both keeping existing meetings, and the
 * plain earliest-first greedy of the benchmark baseline (so the search never ends below it).
 */
function firstPlan(m: Model): ScheduleState {
  const byPriority = new ScheduleState(m);
  keepExisting(byPriority);
  construct(byPriority, constructionOrder(m));
  const perMinute = new ScheduleState(m);
  keepExisting(perMinute);
  const claim = (minutes: number) => Math.ceil((minutes + m.tl.buffer) / m.tl.grain);
  construct(
    perMinute,
    constructionOrder(
      m,
      Float64Array.from(m.requests, (r) => r.weight / claim(r.minutes)),
    ),
  );
  const plans = [byPriority, perMinute];
  // The baseline's greedy ignores existing meetings: only when they may all move.
  if (m.policy.maxMoves === null) {
    const earliest = new ScheduleState(m);
    earliestFirst(earliest);
    plans.push(earliest);
  }
  return plans.reduce((a, b) => (b.total > a.total ? b : a));
}
