// The search loop: first plan, then large-neighbourhood search until a limit, keeping the best.
import type { Model } from '../model/model.js';
import { startsPreferred } from '../model/model.js';
import type { Objective } from '../result.js';
import { createRng } from '../rng.js';
import { construct, constructionOrder, keepExisting } from './construct.js';
import { Lns } from './lns.js';
import { solveSmallExactly } from './exact-small.js';
import { ScheduleState } from './state.js';

/** What the search reports while it runs. */
export interface Progress {
  elapsedMs: number;
  iterations: number;
  objective: Objective;
  bound: number | null;
}

/** Limits and hooks of one search. */
export interface SearchOptions {
  seed: number;
  /** Stop after this many milliseconds of `clock` (needs a clock). */
  timeLimitMs?: number;
  /** Stop after this many search iterations (a clock-free, reproducible limit). */
  maxIterations?: number;
  /** Milliseconds from any origin; without it only maxIterations limits the search. */
  clock?: () => number;
  onProgress?: (p: Progress) => void;
  progressIntervalMs?: number;
  /** Polled between iterations: true stops the search with the best plan so far. */
  shouldStop?: () => boolean;
  /** The proven bound, for progress reports and for stopping when it is reached. */
  bound?: number | null;
  /** Priority order for the first plan (higher first); default: priority. */
  orderKey?: Float64Array;
  /** Start from this state instead of an empty plan (re-planning). */
  initial?: ScheduleState;
}

/** The best assignment found and how the search went. */
export interface SearchResult {
  state: ScheduleState;
  iterations: number;
  millis: number;
}

/** Default iteration budget when no clock is given: enough for small and medium summits. */
export function defaultIterations(m: Model): number {
  return Math.min(200_000, 40 * m.variables.length + 2_000);
}

/** Runs construction and the improvement search within the limits of `o`. */
export function runSearch(m: Model, o: SearchOptions): SearchResult {
  const clock = o.clock;
  const t0 = clock ? clock() : 0;
  const elapsed = (): number => (clock ? clock() - t0 : 0);
  const maxIterations =
    o.maxIterations ?? (clock && o.timeLimitMs !== undefined ? Infinity : defaultIterations(m));
  const timeLimit = clock && o.timeLimitMs !== undefined ? o.timeLimitMs : Infinity;
  const rng = createRng(o.seed);

  const state = o.initial ?? new ScheduleState(m);
  if (!o.initial) {
    keepExisting(state);
    construct(state, constructionOrder(m, o.orderKey));
  }
  const ceiling = valueCeiling(m, o.bound ?? null);
  let best = state.snapshot();
  let bestTotal = state.total;
  const report = (iterations: number): void =>
    o.onProgress?.({
      elapsedMs: elapsed(),
      iterations,
      objective: objectiveOf(m, bestTotal),
      bound: o.bound ?? null,
    });

  const lns = new Lns(state, rng);
  let it = 0;
  let lastReport = elapsed();
  const interval = o.progressIntervalMs ?? 250;
  report(0);
  while (it < maxIterations && bestTotal < ceiling && m.variables.length > 0) {
    if ((it & 15) === 0) {
      if (o.shouldStop?.()) break;
      const now = elapsed();
      if (now >= timeLimit) break;
      if (clock ? now - lastReport >= interval : it % 1000 === 0) {
        lastReport = now;
        report(it);
      }
    }
    lns.step();
    it++;
    if (state.total > bestTotal) {
      bestTotal = state.total;
      best = state.snapshot();
    }
  }
  if (state.total !== bestTotal) state.restore(best);
  // A handful of requests: look at every combination (cheap, and exact where the search may not be).
  if (solveSmallExactly(state)) bestTotal = state.total;
  report(it);
  return { state, iterations: it, millis: elapsed() };
}

/** Splits the one-number score into the lexicographic objective (fixed meetings added by the caller). */
export function objectiveOf(m: Model, total: number): Objective {
  // total = W·K2 + P·K1 − moved with 0 <= moved <= existingCount < K1: shift to make every digit non-negative.
  const shifted = total + m.existingCount;
  const weight = Math.floor(shifted / m.K2);
  const rest = shifted - weight * m.K2;
  const preferred = Math.floor(rest / m.K1);
  const notMoved = rest - preferred * m.K1;
  const fixed = fixedObjective(m);
  return {
    weight: weight + fixed.weight,
    preferred: preferred + fixed.preferred,
    moved: m.existingCount - notMoved,
  };
}

/** Priority and preferred starts of confirmed and pinned meetings, which the search cannot change. */
export function fixedObjective(m: Model): { weight: number; preferred: number } {
  let weight = 0;
  let preferred = 0;
  for (const r of m.requests) {
    if (r.fixed === null) continue;
    weight += r.weight;
    if (startsPreferred(r, r.fixed.start)) preferred++;
  }
  return { weight, preferred };
}

/** The best score any plan could reach: every candidate-holding variable placed, preferred, none moved. */
function valueCeiling(m: Model, bound: number | null): number {
  let w = 0;
  let rest = 0;
  for (const r of m.variables) {
    const req = m.requests[r]!;
    if (req.options.length === 0) continue;
    w += req.weight;
    const pref = req.options.some((o) =>
      Array.prototype.some.call(o.starts, (g: number) => startsPreferred(req, m.tl.gridMin[g]!)),
    );
    rest += pref ? m.K1 : 0;
  }
  if (bound !== null) w = Math.min(w, bound - fixedObjective(m).weight);
  return w * m.K2 + rest;
}
