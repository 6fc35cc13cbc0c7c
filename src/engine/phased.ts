// A plan in phases: the answer first (meetings, moves, objective), then the bound and the
// explanations, each computed on demand, so a caller can show the plan before they are ready.
import type { Model } from './model/model.js';
import { completePlan } from './plan.js';
import type { Plan, Unplaced } from './result.js';
import type { ScheduleState } from './search/state.js';
import { explainConstraints } from './explain/explain.js';

/** A planning run that has answered; the bound and the explanations follow when asked for. */
export interface PhasedPlan {
  /** The plan without what `pending` names (its bound may already be there). */
  readonly answer: Plan;
  /** The proven bound on the priority sum (computed once), or null when none is computed. */
  bound(): number | null;
  /** The explanations of the requests the answer leaves off for want of a slot (computed once). */
  explain(): Unplaced[];
  /** The whole plan: the answer with its bound and explanations. */
  complete(): Plan;
}

/**
 * Wraps an answered run. `computeBound` is called at most once (the answer's own bound, when it has
 * one, is kept); `state` must not change afterwards, since the explanations read it.
 */
export function phased(
  m: Model,
  state: ScheduleState,
  answer: Plan,
  computeBound: () => number | null,
  clock?: () => number,
): PhasedPlan {
  let bound: number | null | undefined = answer.pending?.includes('bound') ? undefined : answer.bound;
  let explained: Unplaced[] | undefined;
  const timed = <T>(phase: string, f: () => T): T => {
    const t = clock?.() ?? 0;
    const out = f();
    if (clock) answer.stats.phases = { ...answer.stats.phases, [phase]: Math.round(clock() - t) };
    return out;
  };
  return {
    answer,
    bound() {
      if (bound === undefined) bound = timed('bound', computeBound);
      return bound;
    },
    explain() {
      explained ??= timed('explain', () => explainConstraints(m, state));
      return explained;
    },
    complete() {
      const b = this.bound();
      const e = this.explain();
      return completePlan(m, answer, { bound: b, explained: e });
    },
  };
}
