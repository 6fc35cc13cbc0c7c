import { describe, expect, it } from 'vitest';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { largeSummit } from './large-summit.js';
import { checkPlan } from '../../../src/engine/check/check-plan.js';

describe('greedyPlan at benchmark scale', () => {
  it('plans 3,000 requests validly within seconds', () => {
    const data = largeSummit(3000);
    const started = performance.now();
    const plan = greedyPlan(data);
    const millis = performance.now() - started;
    const check = checkPlan(data, plan.meetings);
    expect(check.violations).toEqual([]);
    expect(check.objective).toEqual(plan.objective);
    expect(plan.meetings.length).toBeGreaterThan(1000);
    expect(plan.meetings.length + plan.unplaced.length).toBe(3000);
    // About 0.7 s on an idle machine; the margin is for a shared one.
    expect(millis).toBeLessThan(20_000);
  });
});
