// A tighter bound by Lagrangian decomposition: each person's day becomes an integer knapsack.
//
// The capacity relaxation (rows.ts) lets a person's free time hold fractions of meetings. Here each
// (person, day) keeps its segment and day rows as an exact 0/1 knapsack over the requests whose every
// candidate lies in that day, each with its own share π of the request's priority; the other rows
// (a person's whole-summit row, the room rows) stay priced by λ >= 0. For any π and λ >= 0,
//
//   L(π, λ) = Σ_r max(0, w_r − Σ_(p,d) π_r,pd − Σ_c λ_c·a_cr) + Σ_(p,d) KP_pd(π) + Σ_c λ_c·cap_c
//
// bounds every plan's priority sum: write w·x as (w − Σπ − λa)·x + Σ_(p,d) π·x + λ·(a·x); the first
// part is at most the sum of max(0, ·); a plan restricted to the requests of (p, d) satisfies that
// knapsack's rows, so its π·x is at most KP_pd, the exact knapsack optimum; and a·x <= cap. Subgradient
// steps on (π, λ) start from the capacity bound's multipliers, where L is already at most that bound.
import type { Model } from '../model/model.js';
import type { BoundResult } from './lagrangian.js';
import { isPersonRow } from './rows.js';

/** One day of a person: segments with capacities (grid steps) and their items. */
interface Day {
  segCap: number[];
  /** Items per segment, and items that may fall in any segment of the day. */
  segItems: number[][];
  dayItems: number[];
}

/** One person's knapsack: their days, and the items that may fall on any of them. */
interface Knapsack {
  days: Day[];
  wholeItems: number[];
}

/** Knapsack table cells one decomposition may fill over all its iterations (a few tenths of a second). */
const WORK_BUDGET = 30_000_000;

/** Iterations after which the decomposition stops unless it already improved on the capacity bound. */
const PROBE = 8;

/** Options of the decomposition: iterations and a known plan's weight (fixed meetings excluded). */
export interface DecompositionOptions {
  iterations: number;
  lowerBound: number;
}

/**
 * Lowers `base` (a capacity bound) by the decomposition. Returns a bound on the variables' priority
 * sum (fixed meetings excluded), never above the real-valued capacity bound it starts from.
 */
export function decompositionBound(
  m: Model,
  base: Pick<BoundResult, 'rows' | 'lambda'> & { value: number },
  o: DecompositionOptions,
): number {
  const grain = m.tl.grain;
  const { rows, lambda } = base;
  // Items: one per (request, attendee) whose candidates all lie in that attendee's free segments.
  const itemReq: number[] = [];
  const itemUnits: number[] = [];
  const itemPerson: number[] = [];
  const itemDay: number[] = [];
  const knapsacks: Knapsack[] = [];
  for (let p = 0; p < m.persons.length; p++) {
    const pt = rows.times[p];
    if (!pt || pt.items.length === 0) continue;
    const dayIds = [...new Set(pt.segDay)];
    const days: Day[] = dayIds.map(() => ({ segCap: [], segItems: [], dayItems: [] }));
    // Where each segment sits: its day and its place among that day's segments.
    const where = pt.segDay.map((d, s) => {
      const di = dayIds.indexOf(d);
      const day = days[di]!;
      day.segCap.push(pt.segCap[s]! / grain);
      day.segItems.push([]);
      return { di, si: day.segCap.length - 1 };
    });
    const ks: Knapsack = { days, wholeItems: [] };
    for (const it of pt.items) {
      const item = itemReq.length;
      itemReq.push(it.r);
      itemUnits.push(it.claim / grain);
      itemPerson.push(p);
      const lo = where[it.lo]!;
      const hi = where[it.hi]!;
      if (lo.di !== hi.di) {
        ks.wholeItems.push(item);
        itemDay.push(-1);
      } else if (lo.si !== hi.si) {
        days[lo.di]!.dayItems.push(item);
        itemDay.push(pt.segDay[it.lo]!);
      } else {
        days[lo.di]!.segItems[lo.si]!.push(item);
        itemDay.push(pt.segDay[it.lo]!);
      }
    }
    knapsacks.push(ks);
  }
  const nItems = itemReq.length;
  if (nItems === 0) return Infinity;

  // Start: π from the person rows' prices, λ on the room rows (in grid steps).
  const pi = new Float64Array(nItems);
  const lpRows: number[] = [];
  rows.tag.forEach((t, c) => {
    if (!isPersonRow(t)) lpRows.push(c);
  });
  const itemsOfReq = new Map<number, number[]>();
  for (let i = 0; i < nItems; i++) {
    const l = itemsOfReq.get(itemReq[i]!) ?? [];
    l.push(i);
    itemsOfReq.set(itemReq[i]!, l);
  }
  for (const [r, items] of itemsOfReq) {
    for (let e = rows.offset[r]!; e < rows.offset[r + 1]!; e++) {
      const c = rows.rowOf[e]!;
      const t = rows.tag[c]!;
      if (!isPersonRow(t) || lambda[c]! <= 0) continue;
      for (const i of items) {
        if (itemPerson[i] !== t.person) continue;
        if (t.kind !== 'person-whole' && itemDay[i] !== t.day) continue;
        pi[i]! += lambda[c]! * rows.coef[e]!;
      }
    }
  }
  const lp = lpRows.length;
  const lam = Float64Array.from(lpRows, (c) => lambda[c]! * grain);
  const lpCap = Float64Array.from(lpRows, (c) => rows.cap[c]! / grain);
  const lpIndex = new Map(lpRows.map((c, j) => [c, j]));
  // Each request's entries in the λ rows (coefficients in grid steps).
  const vars = [...m.variables].filter((r) => m.requests[r]!.options.length > 0);
  const reqLp: { j: number; a: number }[][] = m.requests.map(() => []);
  for (const r of vars) {
    for (let e = rows.offset[r]!; e < rows.offset[r + 1]!; e++) {
      const j = lpIndex.get(rows.rowOf[e]!);
      if (j !== undefined) reqLp[r]!.push({ j, a: rows.coef[e]! / grain });
    }
  }

  const y = new Uint8Array(nItems);
  const x = new Uint8Array(m.requests.length);
  const use = new Float64Array(lp);
  let best = Infinity;
  let theta = 0.5;
  let sinceBest = 0;
  // Each iteration costs about the knapsacks' table sizes; keep the whole run within a fixed budget.
  let work = 0;
  for (const ks of knapsacks) {
    let total = 0;
    for (const d of ks.days) {
      const cap = d.segCap.reduce((a, b) => a + b, 0);
      total += cap;
      work += cap * (d.dayItems.length + 1) + d.segItems.reduce((a, l, s) => a + l.length * d.segCap[s]!, 0);
      work += cap * cap;
    }
    if (ks.wholeItems.length > 0) work += total * total + total * ks.wholeItems.length;
  }
  const iterations = Math.min(o.iterations, Math.floor(WORK_BUDGET / Math.max(1, work)));
  for (let it = 0; it < iterations; it++) {
    let value = 0;
    y.fill(0);
    for (const ks of knapsacks) value += solveKnapsack(ks, pi, itemUnits, y);
    for (let j = 0; j < lp; j++) value += lam[j]! * lpCap[j]!;
    use.fill(0);
    for (const r of vars) {
      let red = m.requests[r]!.weight;
      for (const i of itemsOfReq.get(r) ?? []) red -= pi[i]!;
      for (const { j, a } of reqLp[r]!) red -= lam[j]! * a;
      x[r] = red > 0 ? 1 : 0;
      if (red > 0) {
        value += red;
        for (const { j, a } of reqLp[r]!) use[j]! += a;
      }
    }
    // If a few steps from the capacity bound's own multipliers do not cut below it, integer effects
    // are small here and the slow descent is not worth its time.
    if (it === PROBE && best > base.value - 0.25) return best;
    if (value < best - 1e-9) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= 10) {
      theta /= 2;
      sinceBest = 0;
      if (theta < 1e-3) break;
    }
    // Subgradient of L: for π_i, y_i − x_r; for λ_j, cap_j − use_j (with λ >= 0).
    let norm = 0;
    for (let i = 0; i < nItems; i++) {
      const s = y[i]! - x[itemReq[i]!]!;
      norm += s * s;
    }
    for (let j = 0; j < lp; j++) {
      const s = lpCap[j]! - use[j]!;
      if (lam[j]! <= 0 && s > 0) continue;
      norm += s * s;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(value - o.lowerBound, 1e-3 * Math.max(1, value))) / norm;
    for (let i = 0; i < nItems; i++) pi[i]! -= step * (y[i]! - x[itemReq[i]!]!);
    for (let j = 0; j < lp; j++) {
      const v = lam[j]! - step * (lpCap[j]! - use[j]!);
      lam[j] = v > 0 ? v : 0;
    }
  }
  return best;
}

/**
 * The exact optimum of one person's knapsack for profits π (only positive ones worth taking): each
 * segment a 0/1 knapsack; a day combines its segments by max-plus convolution and adds the items that
 * may go in any of its segments against the day's capacity; the summit combines the days the same way
 * with the items that may go on any day. (An item spanning segments is charged to the larger budget
 * only, which every plan also satisfies.) Marks the chosen items in `y`.
 */
function solveKnapsack(ks: Knapsack, pi: Float64Array, units: number[], y: Uint8Array): number {
  const dayTables = ks.days.map((d) => dayTable(d, pi, units));
  const wholeLive = ks.wholeItems.filter((i) => pi[i]! > 0);
  if (wholeLive.length === 0) {
    let value = 0;
    dayTables.forEach((t) => {
      value += t.f[t.f.length - 1]!;
      t.take(t.f.length - 1, y);
    });
    return value;
  }
  const { f, parts } = convolve(dayTables.map((t) => t.f));
  const c = addItems(f, ks.wholeItems, pi, units, y);
  let rest = c;
  for (let d = dayTables.length - 1; d >= 0; d--) {
    const b = parts[d]![rest]!;
    dayTables[d]!.take(b, y);
    rest -= b;
  }
  return f[f.length - 1]!;
}

interface Table {
  /** Best profit with at most c grid steps, for each c up to the capacity. */
  f: Float64Array;
  /** Marks the items of a best choice within c steps. */
  take(c: number, y: Uint8Array): void;
}

/** One day's table: segments combined, then the day's own items. */
function dayTable(d: Day, pi: Float64Array, units: number[]): Table {
  const segs = d.segItems.map((items, s) => segmentTable(items, Math.round(d.segCap[s]!), pi, units));
  if (!d.dayItems.some((i) => pi[i]! > 0)) {
    if (segs.length === 1) return segs[0]!;
    const { f, parts } = convolve(segs.map((t) => t.f));
    return {
      f,
      take(c, y) {
        for (let s = segs.length - 1; s >= 0; s--) {
          const b = parts[s]![c]!;
          segs[s]!.take(b, y);
          c -= b;
        }
      },
    };
  }
  const { f, parts } = convolve(segs.map((t) => t.f));
  const keep = itemTable(f, d.dayItems, pi, units);
  return {
    f,
    take(c, y) {
      for (let n = d.dayItems.length - 1; n >= 0; n--) {
        if (keep[n]![c]) {
          y[d.dayItems[n]!] = 1;
          c -= Math.round(units[d.dayItems[n]!]!);
        }
      }
      for (let s = segs.length - 1; s >= 0; s--) {
        const b = parts[s]![c]!;
        segs[s]!.take(b, y);
        c -= b;
      }
    },
  };
}

/** A 0/1 knapsack over `items` with capacity `cap`. */
function segmentTable(items: number[], cap: number, pi: Float64Array, units: number[]): Table {
  const f = new Float64Array(cap + 1);
  const keep = itemTable(f, items, pi, units);
  return {
    f,
    take(c, y) {
      for (let n = items.length - 1; n >= 0; n--) {
        if (keep[n]![c]) {
          y[items[n]!] = 1;
          c -= Math.round(units[items[n]!]!);
        }
      }
    },
  };
}

/** Adds 0/1 items to a table in place (f[c]: best within c); returns, per item, where it was taken. */
function itemTable(f: Float64Array, items: number[], pi: Float64Array, units: number[]): Uint8Array[] {
  const cap = f.length - 1;
  return items.map((i) => {
    const k = new Uint8Array(cap + 1);
    const u = Math.round(units[i]!);
    const p = pi[i]!;
    if (p > 0 && u <= cap) {
      for (let c = cap; c >= u; c--) {
        const v = f[c - u]! + p;
        if (v > f[c]!) {
          f[c] = v;
          k[c] = 1;
        }
      }
    }
    return k;
  });
}

/** Adds items to f in place and marks the chosen ones for the full capacity; returns the rest capacity. */
function addItems(
  f: Float64Array,
  items: number[],
  pi: Float64Array,
  units: number[],
  y: Uint8Array,
): number {
  const keep = itemTable(f, items, pi, units);
  let c = f.length - 1;
  for (let n = items.length - 1; n >= 0; n--) {
    if (keep[n]![c]) {
      y[items[n]!] = 1;
      c -= Math.round(units[items[n]!]!);
    }
  }
  return c;
}

/** Max-plus convolution of tables; parts[k][c]: the capacity the k-th table gets of a total c. */
function convolve(tables: Float64Array[]): { f: Float64Array; parts: Int32Array[] } {
  let acc = Float64Array.from([0]);
  const splits: Int32Array[] = [];
  for (const t of tables) {
    const next = new Float64Array(acc.length + t.length - 1).fill(-Infinity);
    const split = new Int32Array(next.length);
    for (let a = 0; a < acc.length; a++) {
      const fa = acc[a]!;
      for (let b = 0; b < t.length; b++) {
        const v = fa + t[b]!;
        if (v > next[a + b]!) {
          next[a + b] = v;
          split[a + b] = b;
        }
      }
    }
    acc = next;
    splits.push(split);
  }
  return { f: acc, parts: splits };
}
