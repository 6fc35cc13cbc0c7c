// Half-open spans of epoch milliseconds: the arithmetic every rule shares.

/** A half-open interval [from, to) in epoch milliseconds. */
export interface Span {
  from: number;
  to: number;
}

export const MINUTE_MS = 60_000;

/** True when two half-open spans share at least one instant. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.from < b.to && b.from < a.to;
}

/** Merges windows into sorted disjoint spans; touching windows join (so [9,12) and [12,15) cover 11–13). */
export function mergeSpans(windows: readonly Span[]): Span[] {
  const sorted = [...windows].filter((w) => w.from < w.to).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ from: w.from, to: w.to });
  }
  return out;
}

/** True when `span` lies inside the union of `merged` (as returned by mergeSpans). */
export function coveredBy(span: Span, merged: readonly Span[]): boolean {
  return merged.some((w) => w.from <= span.from && span.to <= w.to);
}

/** The start of the first merged window that begins after `at`, or null when none does. */
export function nextWindowStart(at: number, merged: readonly Span[]): number | null {
  for (const w of merged) if (w.from > at) return w.from;
  return null;
}

/** Index of the first element of `sorted` that is >= `value` (sorted ascending). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
