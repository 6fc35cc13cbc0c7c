// The independent plan checker: what other parts of the project import.
export type { PlanCheck } from './check-plan.js';
export { checkPlan, checkPlanWith } from './check-plan.js';
export type { ResultFileCheck } from './result-file/check-result-file.js';
export { checkResultFile } from './result-file/check-result-file.js';
export { compareObjectives, computeObjective, formatObjective } from './objective.js';
export type { PlanRuleName, ResultRuleName, RuleName, Violation } from './violation.js';
export { RULES } from './rules/index.js';
export { indexSummit } from './summit-index.js';
export type { SummitIndex } from './summit-index.js';
