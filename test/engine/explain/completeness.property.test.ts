// Explanations are complete: lifting every blocker an explanation names frees a slot, and what-if on
// any one of them finds one (lifting the others of some start with it where it is not alone).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../../src/engine/solve.js';
import { suggest } from '../../../src/engine/suggest.js';
import { liftAll, whatIf } from '../../../src/engine/what-if.js';
import { summitDataArbitrary } from '../check/arbitrary.js';

const summits = summitDataArbitrary({ maxRequests: 12, maxRooms: 3, maxDays: 2, maxDelegations: 4 });

describe('explanations on random summits', () => {
  it('name enough that lifting them all makes the request placeable, and each alone leads to a slot', () => {
    let explained = 0;
    let several = 0;
    fc.assert(
      fc.property(summits, (data) => {
        const plan = solve(data, { maxIterations: 150 });
        for (const u of plan.unscheduled) {
          if (u.reason !== 'no-slot' && u.reason !== 'displaced') continue;
          // A request no start can ever suit (unknown attendee, longer than a day) has nothing to lift.
          if (
            u.blockers.length === 0 ||
            u.blockers.every((b) => b.kind === 'window' && b.detail !== 'outside the allowed windows')
          )
            continue;
          explained++;
          if (u.blockers.length > 1) several++;
          const all = liftAll({ data, plan, removed: [], assumption: '' }, u.request, u.blockers);
          expect(suggest(all.data, all.plan, u.request, 1), `${u.request}: ${u.detail}`).not.toEqual([]);
          for (const b of u.blockers) {
            const answer = whatIf(data, plan, u.request, b);
            expect(answer.slot, `${u.request}, lifting ${JSON.stringify(b)}`).not.toBeNull();
          }
        }
      }),
      { numRuns: 100 },
    );
    // The property must have been exercised, including explanations naming several blockers.
    expect(explained).toBeGreaterThan(40);
    expect(several).toBeGreaterThan(10);
    // Each run solves, then asks what-if once per named blocker: slow on a busy machine.
  }, 180_000);
});
