// The engine with rules 5–8 switched on (room turnover, room features, quotas, interpreters), on small
// random summits, judged by the independent checker and the brute-force solver.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../src/engine/solve.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { compareObjectives } from '../../src/engine/check/objective.js';
import { summitDataArbitrary } from './check/arbitrary.js';
import { withPractice } from './check/arbitrary-practice.js';
import { withExistingMeetings } from './check/arbitrary-meetings.js';
import { bruteForcePlan } from './baseline/brute-force.js';
import { greedyPlan } from '../../src/engine/baseline/greedy.js';

// Practice first, then existing meetings taken from a plan that honours it (fixed ones must).
const tiny = summitDataArbitrary({
  maxRequests: 5,
  maxRooms: 2,
  maxDays: 1,
  maxDelegations: 3,
  grains: [30, 60],
  meetings: false,
})
  .chain(withPractice)
  .chain(withExistingMeetings);
const small = summitDataArbitrary({
  maxRequests: 12,
  maxRooms: 3,
  maxDays: 2,
  maxDelegations: 5,
  meetings: false,
})
  .chain(withPractice)
  .chain(withExistingMeetings);

describe('solve with summit practice rules', () => {
  it('finds the exact optimum of tiny summits, and its bound is at least that optimum', () => {
    fc.assert(
      fc.property(tiny, (data) => {
        const plan = solve(data, { maxIterations: 1500, seed: 3 });
        const exact = bruteForcePlan(data);
        expect(checkPlan(data, plan.meetings).violations).toEqual([]);
        expect(plan.objective).toEqual(exact.objective);
        expect(plan.bound!).toBeGreaterThanOrEqual(exact.objective.weight);
      }),
      { numRuns: 120 },
    );
    // The brute force behind each of the 120 runs is what takes the time, more on a busy machine.
  }, 120_000);

  it('gives plans the checker accepts, never worse than the greedy baseline, which it accepts too', () => {
    fc.assert(
      fc.property(small, (data) => {
        const plan = solve(data, { maxIterations: 300 });
        const check = checkPlan(data, plan.meetings);
        expect(check.violations).toEqual([]);
        expect(plan.objective).toEqual(check.objective);
        const greedy = greedyPlan(data);
        expect(checkPlan(data, greedy.meetings).violations).toEqual([]);
        expect(compareObjectives(plan.objective, greedy.objective)).toBeGreaterThanOrEqual(0);
        expect(plan.bound!).toBeGreaterThanOrEqual(plan.objective.weight);
      }),
      { numRuns: 80 },
    );
  });
});
