// Rules 9 and 10 on random summits with existing meetings: every plan keeps the freeze and the move
// limit as the independent checker judges them, and the engine and the checker agree on which
// existing meetings still fit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../src/engine/solve.js';
import { compileModel } from '../../src/engine/model/compile.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { existingMeetings, fittingExisting } from '../../src/engine/check/existing.js';
import { indexSummit } from '../../src/engine/check/summit-index.js';
import { mergePolicy, type MovePolicy } from '../../src/engine/policy.js';
import { dayWindows, instantFromMillis, instantMillis } from '../../src/domain/time.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import { summitDataArbitrary } from './check/arbitrary.js';
import { greedyPlan } from '../../src/engine/baseline/greedy.js';
import { Meeting } from '../../src/domain/meeting/schema.js';

const generated = summitDataArbitrary({ maxRequests: 10, maxRooms: 3, maxDays: 2, maxDelegations: 4 });

/**
 * Existing meetings that crowd each other: a greedy plan's meetings, unpinned, some shifted by a grain
 * or two in their room, so that movable meetings often clash among themselves and the order in which
 * "still fits" is decided matters. Half the summits keep the generator's own existing meetings.
 */
const crowded = generated.chain((data) => {
  const plan = greedyPlan({ ...data, meetings: [] });
  return fc
    .array(fc.integer({ min: -2, max: 2 }), {
      minLength: plan.meetings.length,
      maxLength: plan.meetings.length,
    })
    .map((shifts) => ({
      ...data,
      meetings: plan.meetings.map((p, i) => {
        const shift = (shifts[i] ?? 0) * data.summit.grainMinutes * 60_000;
        return Meeting.parse({
          request: p.request,
          start: instantFromMillis(instantMillis(p.start) + shift),
          end: instantFromMillis(instantMillis(p.end) + shift),
          room: p.room,
          pinned: false,
          confirmedBy: [],
          announced: false,
          version: 1,
        });
      }),
    }));
});
const summits = fc.oneof(generated, crowded);

/** A policy: a move limit, and maybe a moment of planning inside the summit with a freeze. */
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

describe('the move policy on random summits', () => {
  it('plans within the limit and the freeze, as the checker judges them', () => {
    fc.assert(
      fc.property(
        summits,
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.constantFrom(0, 1, 3),
        (data, maxMoves, nowShare, freezeHours) => {
          const policy = policyFor(data, maxMoves, nowShare, freezeHours);
          const plan = solve(data, { maxIterations: 300, policy });
          const index = indexSummit(data, mergePolicy(null, policy));
          // Fixed meetings (pinned, confirmed, frozen) may clash among themselves: the input's doing.
          const fixed = new Set<string>(
            existingMeetings(index)
              .filter((e) => e.fixed !== null)
              .map((e) => e.request.id),
          );
          const violations = checkPlan(data, plan.meetings, policy).violations.filter(
            (v) => v.requests.length === 0 || v.requests.some((r) => !fixed.has(r)),
          );
          expect(violations).toEqual([]);
          // The engine's "still fits" is the checker's.
          const m = compileModel(data, { policy });
          const engineFits = m.requests.filter((r) => r.existing?.fits).map((r) => r.id);
          expect(engineFits.sort()).toEqual([...fittingExisting(index)].sort());
          const counted = plan.moves.filter((x) => x.fits).length;
          if (maxMoves !== null) expect(counted).toBeLessThanOrEqual(maxMoves);
          // Each move names a request that really stands in its old place, never itself.
          for (const x of plan.moves) if (x.for) expect(x.for).not.toBe(x.request);
        },
      ),
      { numRuns: 150 },
    );
  });
});
