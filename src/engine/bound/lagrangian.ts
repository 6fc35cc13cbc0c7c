// A proven upper bound on the priority sum. Relax the plan to "choose requests" subject only to the
// capacity rows (bound/rows.ts), then take the Lagrangian dual of that relaxation: for any multipliers
// λ >= 0, Σ_c λ_c·cap_c + Σ_r max(0, w_r − Σ_c λ_c·a_cr) is at least the weight of every plan.
// Subgradient steps look for small values; whatever λ we stop at, the value is a valid bound.
import type { Model } from '../model/model.js';
import { fixedObjective } from '../search/search.js';
import { buildRows, isPersonRow, type Rows } from './rows.js';
import { decompositionBound } from './decomposition.js';

/** The bound and what produced it. */
export interface BoundResult {
  /** Upper bound on the priority sum of every plan (fixed meetings included). */
  bound: number;
  /** Sum of priorities of requests that have any statically feasible slot (plus fixed ones): the trivial bound. */
  trivial: number;
  /** Each request's priority minus the priced resources it uses at the best multipliers (0 for non-variables). */
  reducedProfit: Float64Array;
  rows: Rows;
  /** The multipliers of the best value, per row. */
  lambda: Float64Array;
  iterations: number;
}

/** Options: the iteration budget and a known plan weight (sharpens the step size). */
export interface BoundOptions {
  iterations?: number;
  /** Weight of some known plan of the variables (fixed meetings excluded), if any. */
  lowerBound?: number;
  /** Iterations of the decomposition by person (default 40, within a fixed work budget; 0 skips it). */
  decompositionIterations?: number;
}

/** Computes the Lagrangian bound of the capacity relaxation. Deterministic for given options. */
export function computeBound(m: Model, o: BoundOptions = {}): BoundResult {
  const rows = buildRows(m);
  const fixed = fixedObjective(m).weight;
  const vars = [...m.variables].filter((r) => m.requests[r]!.options.length > 0);
  const w = Float64Array.from(m.requests, (r) => r.weight);
  let trivial = 0;
  for (const r of vars) trivial += w[r]!;
  const nRows = rows.cap.length;
  const lambda = new Float64Array(nRows);
  const use = new Float64Array(nRows);
  const reduced = new Float64Array(m.requests.length);
  const bestReduced = new Float64Array(m.requests.length);
  const bestLambda = new Float64Array(nRows);
  for (const r of vars) bestReduced[r] = w[r]!;
  let best = trivial;
  const lb = Math.max(0, Math.min(o.lowerBound ?? 0, trivial));
  const maxIt = nRows === 0 ? 0 : (o.iterations ?? 300);
  let theta = 1;
  let sinceBest = 0;
  let it = 0;
  for (; it < maxIt; it++) {
    let value = 0;
    for (let c = 0; c < nRows; c++) {
      value += lambda[c]! * rows.cap[c]!;
      use[c] = 0;
    }
    for (const r of vars) {
      let red = w[r]!;
      for (let e = rows.offset[r]!; e < rows.offset[r + 1]!; e++)
        red -= lambda[rows.rowOf[e]!]! * rows.coef[e]!;
      reduced[r] = red;
      if (red > 0) {
        value += red;
        for (let e = rows.offset[r]!; e < rows.offset[r + 1]!; e++) use[rows.rowOf[e]!]! += rows.coef[e]!;
      }
    }
    if (value < best - 1e-9) {
      best = value;
      bestReduced.set(reduced);
      bestLambda.set(lambda);
      sinceBest = 0;
    } else if (++sinceBest >= 15) {
      theta /= 2;
      sinceBest = 0;
      if (theta < 1e-4) break;
    }
    // Gradient of the dual in λ_c is cap_c − use_c; step down, keeping λ >= 0.
    let norm = 0;
    for (let c = 0; c < nRows; c++) {
      const s = rows.cap[c]! - use[c]!;
      if (lambda[c]! <= 0 && s > 0) continue;
      norm += s * s;
    }
    if (norm === 0) break;
    const target = Math.max(lb, best * 0.95);
    const step = (theta * Math.max(value - target, 1e-3 * value)) / norm;
    for (let c = 0; c < nRows; c++) {
      const v = lambda[c]! - step * (rows.cap[c]! - use[c]!);
      lambda[c] = v > 0 ? v : 0;
    }
  }
  // Each person's days as exact knapsacks can only lower it further (decomposition.ts).
  const decomposition =
    (o.decompositionIterations ?? 40) > 0 && rows.tag.some(isPersonRow)
      ? decompositionBound(
          m,
          { rows, lambda: bestLambda, value: best },
          { iterations: o.decompositionIterations ?? 40, lowerBound: lb },
        )
      : Infinity;
  // The priority sum is an integer: round the real bound down (after a tolerance for rounding error).
  const bound = fixed + Math.min(trivial, Math.floor(Math.min(best, decomposition) + 1e-4));
  return {
    bound,
    trivial: fixed + trivial,
    reducedProfit: bestReduced,
    rows,
    lambda: bestLambda,
    iterations: it,
  };
}
