// Every plan the benchmark reports is judged by the independent checker first: a plan that
// breaks a hard rule, or claims a weight the checker does not compute, is invalid and fails the run.
import type { SummitData } from '../../src/domain/summit/data.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import type { SolverRun } from './report-types.js';
import type { SolverFailure } from './spawn-solver.js';

/** A solver's run after checking. */
export interface CheckedRun {
  solver: string;
  run: SolverRun | null;
  failure: string | null;
  /** True when the plan broke no rule and its claimed weight is right (or there is no plan). */
  valid: boolean;
  /** The checker's priority sum, or null without a plan. */
  weight: number | null;
  preferred: number | null;
  violations: string[];
  /** One line for the console. */
  summary: string;
}

/** Checks one run's plan against `data`. */
export function checkRun(data: SummitData, out: SolverRun | SolverFailure): CheckedRun {
  if (out.kind === 'failure') {
    return {
      solver: out.solver,
      run: null,
      failure: out.message,
      valid: false,
      weight: null,
      preferred: null,
      violations: [],
      summary: `FAILED: ${out.message}`,
    };
  }
  const hasPlan = out.weight !== null;
  // A solver without a plan (a skipped MILP) has nothing to check.
  const check = hasPlan ? checkPlan(data, out.placements) : null;
  const violations = check ? check.violations.map((v) => v.message) : [];
  if (check && out.weight !== check.objective.weight) {
    violations.push(
      `objective-claim: ${out.solver} claims weight ${out.weight}, the checker computes ${check.objective.weight}`,
    );
  }
  const valid = violations.length === 0;
  const facts = [
    check ? `weight ${check.objective.weight}` : 'no plan',
    out.bound !== null ? `bound ${out.bound}` : null,
    `${(out.millis / 1000).toFixed(2)} s${out.cpuMillis !== undefined ? ` (CPU ${(out.cpuMillis / 1000).toFixed(2)} s)` : ''}`,
    out.maxRssMb !== undefined ? `peak ${out.maxRssMb} MiB` : null,
    out.note || null,
  ].filter((x) => x !== null);
  const summary = valid
    ? facts.join(', ')
    : `INVALID PLAN (${violations.length} violations):\n${violations
        .slice(0, 10)
        .map((v) => `      ${v}`)
        .join('\n')}${violations.length > 10 ? `\n      … and ${violations.length - 10} more` : ''}`;
  return {
    solver: out.solver,
    run: out,
    failure: null,
    valid,
    weight: check ? check.objective.weight : null,
    preferred: check ? check.objective.preferred : null,
    violations,
    summary,
  };
}
