// The independent plan checker: every hard rule, then the objective recomputed from scratch.
import type { SummitData } from '../../domain/summit/data.js';
import type { Objective, Placement } from '../result.js';
import type { Violation } from './violation.js';
import type { SummitIndex } from './summit-index.js';
import { indexSummit } from './summit-index.js';
import { planContext } from './plan-context.js';
import { RULES } from './rules/index.js';
import { computeObjective } from './objective.js';
import { mergePolicy, summitPolicy, type MovePolicy } from '../policy.js';

/** What checking a plan finds: every broken rule, and the plan's objective. */
export interface PlanCheck {
  violations: Violation[];
  objective: Objective;
}

/**
 * Checks `meetings` against every hard rule of `data` and recomputes the objective. `policy` (the
 * move policy the plan was made under: a plan's own `policy`, or flags given to the scheduler) wins
 * key by key over the summit's.
 */
export function checkPlan(data: SummitData, meetings: readonly Placement[], policy?: MovePolicy): PlanCheck {
  return checkPlanWith(indexSummit(data, mergePolicy(summitPolicy(data), policy)), meetings);
}

/** checkPlan over a summit already indexed (for callers that check many plans of one summit). */
export function checkPlanWith(index: SummitIndex, meetings: readonly Placement[]): PlanCheck {
  const ctx = planContext(index, meetings);
  return {
    violations: RULES.flatMap((rule) => rule.check(ctx)),
    objective: computeObjective(index, meetings),
  };
}
