// Sorted, merged half-open integer intervals stored flat as [from0, to0, from1, to1, ...].

/** A union of disjoint half-open intervals in minutes, sorted, touching ones merged. */
export type IntervalSet = Int32Array;

/** Sorts and merges [from, to) pairs (empty ones dropped) into an IntervalSet. */
export function mergeIntervals(pairs: readonly (readonly [number, number])[]): IntervalSet {
  const sorted = pairs.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: number[] = [];
  for (const [a, b] of sorted) {
    const n = out.length;
    if (n > 0 && a <= out[n - 1]!) out[n - 1] = Math.max(out[n - 1]!, b);
    else out.push(a, b);
  }
  return Int32Array.from(out);
}

/** The index i (even) of the interval containing minute t, or -1. */
export function intervalIndexAt(set: IntervalSet, t: number): number {
  let lo = 0;
  let hi = set.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set[2 * mid + 1]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo < set.length / 2 && set[2 * lo]! <= t ? 2 * lo : -1;
}

/** True when [a, b) lies inside one interval of the set. */
export function containsSpan(set: IntervalSet, a: number, b: number): boolean {
  const i = intervalIndexAt(set, a);
  return i >= 0 && set[i + 1]! >= b;
}

/** The intersection of two interval sets. */
export function intersectIntervals(x: IntervalSet, y: IntervalSet): IntervalSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i]!, y[j]!);
    const b = Math.min(x[i + 1]!, y[j + 1]!);
    if (a < b) out.push(a, b);
    if (x[i + 1]! < y[j + 1]!) i += 2;
    else j += 2;
  }
  return Int32Array.from(out);
}

/** The part of `x` outside every interval of `y`. */
export function subtractIntervals(x: IntervalSet, y: IntervalSet): IntervalSet {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < x.length; i += 2) {
    let a = x[i]!;
    const b = x[i + 1]!;
    while (j < y.length && y[j + 1]! <= a) j += 2;
    let k = j;
    while (k < y.length && y[k]! < b) {
      if (y[k]! > a) out.push(a, y[k]!);
      a = Math.max(a, y[k + 1]!);
      k += 2;
    }
    if (a < b) out.push(a, b);
  }
  return Int32Array.from(out);
}
