// Seeded pseudo-random numbers: the engine never touches Math.random, so one seed gives one plan.

/** A deterministic generator (mulberry32): `next()` in [0, 1), `int(n)` in [0, n). */
export interface Rng {
  next(): number;
  int(n: number): number;
}

/** Creates a generator from a 32-bit seed; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
