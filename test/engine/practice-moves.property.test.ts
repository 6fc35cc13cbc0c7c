// Rules 5–8 (room turnover, room features, quotas, interpreters) together with the move policy
// (rules 9 and 10), on random summits with existing meetings: keep-the-schedule (the re-plan that
// answers fast) and re-optimise (the whole search) both give plans the independent checker accepts,
// move at most maxMoves meetings that still fit, agree with the checker on which those are, and
// report a bound no lower than what they place.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../src/engine/solve.js';
import { repairPhased } from '../../src/engine/replan.js';
import { compileModel } from '../../src/engine/model/compile.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { existingMeetings, fittingExisting } from '../../src/engine/check/existing.js';
import { indexSummit } from '../../src/engine/check/summit-index.js';
import { mergePolicy, type MovePolicy } from '../../src/engine/policy.js';
import { dayWindows, instantFromMillis, instantMillis } from '../../src/domain/time.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import type { Plan } from '../../src/engine/result.js';
import { summitDataArbitrary } from './check/arbitrary.js';
import { withPractice } from './check/arbitrary-practice.js';
import { withExistingMeetings } from './check/arbitrary-meetings.js';

// Practice first, then existing meetings: kept, shifted or in another room, so that some of them
// break a practice rule where they stand and others crowd the new requests out.
const summits = summitDataArbitrary({
  maxRequests: 10,
  maxRooms: 3,
  maxDays: 2,
  maxDelegations: 4,
  meetings: false,
})
  .chain(withPractice)
  .chain(withExistingMeetings);

/** A move limit, and maybe a moment of planning inside the summit with a freeze after it. */
function policyFor(data: SummitData, maxMoves: number | null, nowShare: number | null, freezeHours: number) {
  const policy: MovePolicy = { maxMoves };
  if (nowShare !== null) {
    const days = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone);
    const from = instantMillis(days[0]!.from);
    const to = instantMillis(days[days.length - 1]!.to);
    policy.now = instantFromMillis(Math.round((from + (to - from) * nowShare) / 60_000) * 60_000);
    policy.freezeHours = freezeHours;
  }
  return policy;
}

/** The checker's verdict on `plan`, less what the input's fixed meetings break among themselves. */
function judged(data: SummitData, plan: Plan, policy: MovePolicy) {
  const index = indexSummit(data, mergePolicy(null, policy));
  const fixed = new Set<string>(
    existingMeetings(index)
      .filter((e) => e.fixed !== null)
      .map((e) => e.request.id),
  );
  const violations = checkPlan(data, plan.meetings, policy).violations.filter(
    (v) => v.requests.length === 0 || v.requests.some((r) => !fixed.has(r)),
  );
  return { index, violations };
}

describe('summit practice under the move policy', () => {
  it('keeps rules 5–8 in keep-the-schedule and re-optimise runs, within the move limit', () => {
    fc.assert(
      fc.property(
        summits,
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.constantFrom(0, 1, 3),
        (data, maxMoves, nowShare, freezeHours) => {
          const policy = policyFor(data, maxMoves, nowShare, freezeHours);
          const keep = repairPhased(data, { policy, maxAttempts: 40 }).complete();
          const reoptimise = solve(data, { maxIterations: 200, policy });
          for (const plan of [keep, reoptimise]) {
            const { index, violations } = judged(data, plan, policy);
            expect(violations).toEqual([]);
            // What counts against the limit is what the checker says still fits, rules 5–8 included.
            const fits = new Set(fittingExisting(index));
            const counted = plan.moves.filter((x) => x.fits);
            for (const x of counted) expect(fits.has(x.request)).toBe(true);
            if (maxMoves !== null) expect(counted.length).toBeLessThanOrEqual(maxMoves);
            expect(plan.bound!).toBeGreaterThanOrEqual(plan.objective.weight);
          }
          const m = compileModel(data, { policy });
          const engineFits = m.requests.filter((r) => r.existing?.fits).map((r) => r.id);
          expect(engineFits.sort()).toEqual(
            [...fittingExisting(indexSummit(data, mergePolicy(null, policy)))].sort(),
          );
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);
});
