// Checks a result file against its summit: its shape, its claims, and the plan it holds.
import type { SummitData } from '../../../domain/summit/data.js';
import type { Objective } from '../../result.js';
import { checkPlan } from '../check-plan.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';
import { readResultFile } from './shape.js';
import { boundHolds, objectiveClaimHolds, summitIdMatches } from './claims.js';
import { everyRequestAccounted, reasonsFitStates } from './unscheduled.js';

/** The verdict on a result file: valid when nothing is broken; the objective is null when it could not be read. */
export interface ResultFileCheck {
  valid: boolean;
  violations: Violation[];
  objective: Objective | null;
}

/**
 * Checks a parsed result file (JSON value) against `data`: a malformed file gives one result-shape
 * violation per path; a well-formed one gives every broken hard rule and every false claim. The
 * file's `policy` (the flags the scheduler was given) wins over the summit's own planning keys.
 */
export function checkResultFile(data: SummitData, resultFile: unknown): ResultFileCheck {
  const read = readResultFile(resultFile, data.summit.timezone);
  if (!read.ok) {
    const violations = read.errors.map((e) => violation('result-shape', `${e.path}: ${e.message}`));
    return { valid: false, violations, objective: null };
  }
  const { file, placements, policy } = read;
  const plan = checkPlan(data, placements, policy);
  const violations = [
    ...summitIdMatches(file, data.summit.id),
    ...plan.violations,
    ...objectiveClaimHolds(file, plan.objective),
    ...boundHolds(file, plan.objective),
    ...everyRequestAccounted(data, file),
    ...reasonsFitStates(data, file),
  ];
  return { valid: violations.length === 0, violations, objective: plan.objective };
}
