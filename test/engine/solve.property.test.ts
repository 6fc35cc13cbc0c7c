// Properties of solve on small random summits, judged by the independent checker and solvers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../src/engine/solve.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { compareObjectives } from '../../src/engine/check/objective.js';
import { summitDataArbitrary } from './check/arbitrary.js';
import { bruteForcePlan } from './baseline/brute-force.js';
import { EXACT_MAX_REQUESTS } from '../../src/engine/search/exact-small.js';
import { greedyPlan } from '../../src/engine/baseline/greedy.js';
import { checkResultFile } from '../../src/engine/check/result-file/check-result-file.js';
import { toResultFile } from '../../src/engine/result-file.js';

const tiny = summitDataArbitrary({
  maxRequests: 5,
  maxRooms: 2,
  maxDays: 1,
  maxDelegations: 3,
  grains: [30, 60],
});
const small = summitDataArbitrary({ maxRequests: 12, maxRooms: 3, maxDays: 2, maxDelegations: 5 });

describe('solve on random summits', () => {
  it('finds the exact optimum of tiny summits, and its bound is at least that optimum', () => {
    fc.assert(
      fc.property(tiny, (data) => {
        const plan = solve(data, { maxIterations: 1500, seed: 3 });
        const exact = bruteForcePlan(data);
        expect(plan.objective).toEqual(exact.objective);
        expect(plan.bound).not.toBeNull();
        expect(plan.bound!).toBeGreaterThanOrEqual(exact.objective.weight);
      }),
      { numRuns: 120 },
    );
  });

  it('reaches the optimal priority sum by search alone on summits too big for the exact step', () => {
    const medium = summitDataArbitrary({
      maxRequests: 11,
      maxRooms: 2,
      maxDays: 1,
      maxDelegations: 4,
      grains: [60],
    });
    let compared = 0;
    fc.assert(
      fc.property(medium, (data) => {
        const open = data.requests.filter((r) => ['agreed', 'scheduled', 'confirmed'].includes(r.status));
        fc.pre(open.length > EXACT_MAX_REQUESTS);
        let exact;
        try {
          exact = bruteForcePlan(data, { maxRequests: 11, maxNodes: 400_000 });
        } catch {
          return; // too big for the brute force: nothing to compare with
        }
        compared++;
        expect(solve(data, { maxIterations: 1500, seed: 5 }).objective.weight).toBe(exact.objective.weight);
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(5);
  });

  it('gives plans the checker accepts, with the objective it computes, never worse than greedy', () => {
    fc.assert(
      fc.property(small, (data) => {
        const plan = solve(data, { maxIterations: 300 });
        const check = checkPlan(data, plan.meetings);
        expect(check.violations).toEqual([]);
        expect(plan.objective).toEqual(check.objective);
        expect(compareObjectives(plan.objective, greedyPlan(data).objective)).toBeGreaterThanOrEqual(0);
        expect(plan.bound!).toBeGreaterThanOrEqual(plan.objective.weight);
        const file = checkResultFile(data, JSON.parse(JSON.stringify(toResultFile(plan, data))));
        expect(file.violations).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('accounts for every request once: placed, or unscheduled with a reason and a detail', () => {
    fc.assert(
      fc.property(small, (data) => {
        const plan = solve(data, { maxIterations: 100 });
        const ids = [
          ...plan.meetings.map((m) => m.request),
          ...plan.unscheduled.map((u) => u.request),
        ].sort();
        expect(ids).toEqual(data.requests.map((r) => r.id).sort());
        for (const u of plan.unscheduled) expect(u.detail.length).toBeGreaterThan(5);
      }),
      { numRuns: 40 },
    );
  });

  it('returns the same plan for the same seed and iteration limit, and leaves its input alone', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 1000 }), (data, seed) => {
        const before = JSON.stringify(data);
        const a = solve(data, { seed, maxIterations: 200 });
        const b = solve(data, { seed, maxIterations: 200 });
        expect(JSON.stringify(data)).toBe(before);
        expect(b.meetings).toEqual(a.meetings);
        expect(b.unscheduled).toEqual(a.unscheduled);
        expect(b.bound).toBe(a.bound);
      }),
      { numRuns: 30 },
    );
  });
});
