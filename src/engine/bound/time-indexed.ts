// A second, usually tighter bound: the Lagrangian dual of the time-indexed relaxation.
//
// Relaxation: choose for each request at most one candidate start; each person's grid step can be
// claimed by at most one meeting, where a meeting claims the steps from its start until its end plus
// the buffer (so two meetings of one person with the buffer between them claim disjoint steps); and
// for each family set S of rooms, the meetings that can only use rooms of S cover at most as many
// rooms at a grid step as S has free then. Every plan satisfies these constraints.
//
// Dual: for prices μ >= 0 on (person, step) and ν >= 0 on (room set, step),
//   L(μ, ν) = Σ μ + Σ ν·cap + Σ_r max(0, max over starts of (w_r − price of what the start claims))
// is at least the weight of every plan. Subgradient steps lower L; any iterate is a valid bound.
import type { Model } from '../model/model.js';
import type { Rows } from './rows.js';

/** The state of the time-indexed dual: prices and the best value reached. */
export class TimeIndexedBound {
  private readonly G: number;
  private readonly P: number;
  private readonly mu: Float64Array;
  private readonly prefP: Float64Array;
  private readonly useP: Float64Array;
  /** Room sets of the family (bitsets), their per-step capacity, prices and use. */
  private readonly sets: Uint32Array[];
  private readonly capS: Float64Array;
  private readonly nu: Float64Array;
  private readonly useS: Float64Array;
  /** For each request room key: the family sets that contain it, and its combined price prefix. */
  private readonly keySets: number[][];
  private readonly prefK: Float64Array;
  private readonly keyOf: Int32Array;
  private readonly claim: Int32Array;
  private readonly vars: number[];
  private readonly dayEnd: Int32Array;
  private usable: Uint8Array | null = null;
  private theta = 1;
  patience = 10;
  private sinceBest = 0;
  iterations = 0;
  /** Best (lowest) dual value so far, a valid bound on the variables' weight. */
  best: number;

  constructor(private readonly m: Model) {
    const { tl } = m;
    this.G = tl.G;
    this.P = m.persons.length;
    const G = this.G;
    this.mu = new Float64Array(this.P * G);
    this.prefP = new Float64Array(this.P * (G + 1));
    this.useP = new Float64Array(this.P * G);
    this.vars = [...m.variables].filter((r) => m.requests[r]!.options.length > 0);
    this.claim = new Int32Array(m.requests.length);
    for (const r of this.vars) {
      const req = m.requests[r]!;
      this.claim[r] = Math.ceil((req.minutes + tl.buffer) / tl.grain);
    }
    this.dayEnd = new Int32Array(G);
    for (let g = 0; g < G; g++) this.dayEnd[g] = tl.days[tl.gridDay[g]!]!.endG;

    // Room sets: each distinct set a request may use, plus every rooms' union.
    const keyIndex = new Map<string, number>();
    const keyMasks: Uint32Array[] = [];
    this.keyOf = new Int32Array(m.requests.length).fill(-1);
    for (const r of this.vars) {
      const req = m.requests[r]!;
      if (req.pullAside) continue;
      let k = keyIndex.get(req.roomKey);
      if (k === undefined) {
        const mask = new Uint32Array(m.RW);
        for (const o of req.options) if (o.roomMask) for (let w = 0; w < m.RW; w++) mask[w]! |= o.roomMask[w]!;
        k = keyMasks.length;
        keyMasks.push(mask);
        keyIndex.set(req.roomKey, k);
      }
      this.keyOf[r] = k;
    }
    const unique = new Map<string, Uint32Array>();
    for (const mask of keyMasks) unique.set(mask.join(','), mask);
    let family = [...unique.values()];
    if (family.length > 64) family = [];
    const all = new Uint32Array(m.RW);
    for (const mask of keyMasks) for (let w = 0; w < m.RW; w++) all[w]! |= mask[w]!;
    if (!family.some((f) => f.join(',') === all.join(','))) family.push(all);
    this.sets = keyMasks.length > 0 ? family : [];
    const J = this.sets.length;
    this.capS = new Float64Array(J * G);
    this.nu = new Float64Array(J * G);
    this.useS = new Float64Array(J * G);
    this.sets.forEach((mask, j) => {
      for (let k = 0; k < m.rooms.length; k++) {
        if (!((mask[k >>> 5]! >>> (k & 31)) & 1)) continue;
        for (let g = 0; g < G; g++) if (m.roomFreeUntil[k * G + g]! > tl.gridMin[g]!) this.capS[j * G + g]! += 1;
      }
    });
    const subset = (a: Uint32Array, b: Uint32Array): boolean => a.every((x, w) => (x & ~b[w]!) === 0);
    this.keySets = keyMasks.map((mask) => this.sets.flatMap((s, j) => (subset(mask, s) ? [j] : [])));
    this.prefK = new Float64Array(keyMasks.length * (G + 1));
    let trivial = 0;
    for (const r of this.vars) trivial += m.requests[r]!.weight;
    this.best = trivial;
  }

  /**
   * Starts from the capacity bound's multipliers: a price per claimed minute of a person's (or room
   * set's) time over some steps becomes that price times the grain on each of those steps.
   */
  warmStart(rows: Rows, lambda: Float64Array): void {
    const { G } = this;
    const grain = this.m.tl.grain;
    const setIndex = new Map(this.sets.map((mask, j) => [mask.join(','), j]));
    rows.scope.forEach((sc, c) => {
      const l = lambda[c]! * grain;
      if (l <= 0) return;
      if (sc.person >= 0) {
        // Only steps some candidate could claim: a price on a step nobody can use only adds to Σ μ.
        const usable = this.usableSteps();
        for (let g = sc.g0; g < sc.g1; g++) if (usable[sc.person * G + g]) this.mu[sc.person * G + g]! += l;
      } else if (sc.rooms) {
        const j = setIndex.get(sc.rooms.join(','));
        if (j === undefined) return;
        for (let g = sc.g0; g < sc.g1; g++) this.nu[j * G + g]! += l;
      }
    });
  }

  /** Marks the (person, step) pairs that some candidate start claims. */
  private usableSteps(): Uint8Array {
    if (this.usable) return this.usable;
    const { G, m } = this;
    const usable = new Uint8Array(this.P * G);
    for (const r of this.vars) {
      const req = m.requests[r]!;
      const c = this.claim[r]!;
      for (const o of req.options) {
        for (const g of o.starts) {
          const end = Math.min(g + c, this.dayEnd[g]!);
          for (const p of req.attendees) usable.fill(1, p * G + g, p * G + end);
        }
      }
    }
    this.usable = usable;
    return usable;
  }

  /** Runs `n` subgradient iterations; `target` is the weight of a known plan of the variables. */
  run(n: number, target: number): number {
    for (let i = 0; i < n; i++) {
      if (!this.step(target)) break;
    }
    return this.best;
  }

  /** One subgradient iteration; false when the method has converged (step too small). */
  step(target: number): boolean {
    const { m, G, P } = this;
    const { mu, prefP, useP, nu, useS, capS, prefK, keySets } = this;
    this.iterations++;
    // Prefix sums of the prices, so the price of a run of steps is one subtraction.
    let value = 0;
    for (let p = 0; p < P; p++) {
      let s = 0;
      const base = p * (G + 1);
      prefP[base] = 0;
      for (let g = 0; g < G; g++) {
        const v = mu[p * G + g]!;
        s += v;
        prefP[base + g + 1] = s;
      }
      value += s;
    }
    for (let j = 0; j < this.sets.length; j++) for (let g = 0; g < G; g++) value += nu[j * G + g]! * capS[j * G + g]!;
    keySets.forEach((js, k) => {
      const base = k * (G + 1);
      let s = 0;
      prefK[base] = 0;
      for (let g = 0; g < G; g++) {
        for (const j of js) s += nu[j * G + g]!;
        prefK[base + g + 1] = s;
      }
    });
    useP.fill(0);
    useS.fill(0);
    for (const r of this.vars) {
      const req = m.requests[r]!;
      const c = this.claim[r]!;
      const k = this.keyOf[r]!;
      const units = req.units;
      let bestRed = 0;
      let bestG = -1;
      for (const o of req.options) {
        const starts = o.starts;
        for (let i = 0; i < starts.length; i++) {
          const g = starts[i]!;
          const end = Math.min(g + c, this.dayEnd[g]!);
          let price = 0;
          for (const p of req.attendees) price += prefP[p * (G + 1) + end]! - prefP[p * (G + 1) + g]!;
          if (k >= 0) price += prefK[k * (G + 1) + g + units]! - prefK[k * (G + 1) + g]!;
          const red = req.weight - price;
          if (red > bestRed) {
            bestRed = red;
            bestG = g;
          }
        }
      }
      if (bestG < 0) continue;
      value += bestRed;
      const end = Math.min(bestG + c, this.dayEnd[bestG]!);
      for (const p of req.attendees) for (let u = bestG; u < end; u++) useP[p * G + u]! += 1;
      if (k >= 0) for (const j of keySets[k]!) for (let u = bestG; u < bestG + units; u++) useS[j * G + u]! += 1;
    }
    if (value < this.best - 1e-9) {
      this.best = value;
      this.sinceBest = 0;
    } else if (++this.sinceBest >= this.patience) {
      this.theta /= 2;
      this.sinceBest = 0;
      if (this.theta < 1e-3) return false;
    }
    // Gradient: capacity minus use. Projected step with Polyak's rule towards the known plan's weight.
    let norm = 0;
    for (let i = 0; i < mu.length; i++) {
      const s = 1 - useP[i]!;
      if (mu[i]! <= 0 && s >= 0) continue;
      norm += s * s;
    }
    for (let i = 0; i < nu.length; i++) {
      const s = capS[i]! - useS[i]!;
      if (nu[i]! <= 0 && s >= 0) continue;
      norm += s * s;
    }
    if (norm === 0) return false;
    const gap = Math.max(value - Math.max(target, 0), 1e-3 * Math.max(1, value));
    const step = (this.theta * gap) / norm;
    for (let i = 0; i < mu.length; i++) {
      if (useP[i] === 0 && mu[i] === 0) continue;
      const v = mu[i]! - step * (1 - useP[i]!);
      mu[i] = v > 0 ? v : 0;
    }
    for (let i = 0; i < nu.length; i++) {
      const v = nu[i]! - step * (capS[i]! - useS[i]!);
      nu[i] = v > 0 ? v : 0;
    }
    return true;
  }
}
