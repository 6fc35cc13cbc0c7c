// How far a plan may be from the best possible one, as its proven bound tells.

/**
 * (bound − weight) / bound: the share of the bound the plan may fall short of the optimum by (0: proven
 * optimal); null without a bound.
 */
export function gapOf(weight: number | null, bound: number | null): number | null {
  if (weight === null || bound === null || bound <= 0) return null;
  return Math.max(0, (bound - weight) / bound);
}
