import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bruteForcePlan } from './brute-force.js';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { checkPlan, checkPlanWith } from '../../../src/engine/check/check-plan.js';
import { compareObjectives } from '../../../src/engine/check/objective.js';
import { summitFixture } from '../check/fixtures.js';
import { summitDataArbitrary } from '../check/arbitrary.js';
import { indexSummit, isPlaceable } from '../../../src/engine/check/summit-index.js';
import { formatSummitTime, instantFromMillis } from '../../../src/domain/time.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Objective, Placement } from '../../../src/engine/result.js';
import type { RequestId, RoomId } from '../../../src/domain/ids.js';

const local = (data: SummitData, meetings: Placement[]) =>
  meetings
    .map((m) => `${m.request} ${formatSummitTime(m.start, data.summit.timezone).slice(11)} ${m.room ?? '-'}`)
    .sort();

describe('bruteForcePlan', () => {
  const base = () =>
    summitFixture({ dayWindow: { from: '08:00', to: '09:00' }, grainMinutes: 30 })
      .room('b1')
      .delegation('usa')
      .delegation('jpn')
      .delegation('chn')
      .delegation('kor');

  it('finds the heavier plan that greedy misses', () => {
    const data = base()
      .request('usa-jpn', { from: 'usa', to: ['jpn'], priority: 3, minutes: 60 })
      .request('chn-kor', { from: 'chn', to: ['kor'], priority: 2 })
      .request('kor-usa', { from: 'kor', to: ['usa'], priority: 2 })
      .build();
    expect(greedyPlan(data).objective.weight).toBe(3);
    const plan = bruteForcePlan(data);
    expect(plan.objective).toEqual({ weight: 4, preferred: 0, moved: 0 });
    expect(plan.unplaced).toEqual([{ request: 'usa-jpn', reason: 'no-slot' }]);
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
  });

  it('breaks a tie in weight by preferred starts, then by fewest moved', () => {
    const data = base()
      .request('usa-jpn', {
        from: 'usa',
        to: ['jpn'],
        preferred: [{ from: '2017-11-10T08:30', to: '2017-11-10T09:00' }],
      })
      .request('chn-kor', { from: 'chn', to: ['kor'] })
      .meeting('chn-kor', { start: '2017-11-10T08:30', room: 'b1' })
      .build();
    // Both fit; usa-jpn prefers 08:30, where chn-kor was: preferred outranks moved.
    const plan = bruteForcePlan(data);
    expect(local(data, plan.meetings)).toEqual(['chn-kor 08:00 b1', 'usa-jpn 08:30 b1']);
    expect(plan.objective).toEqual({ weight: 6, preferred: 1, moved: 1 });

    const noPreference = base()
      .request('usa-jpn', { from: 'usa', to: ['jpn'] })
      .request('chn-kor', { from: 'chn', to: ['kor'] })
      .meeting('chn-kor', { start: '2017-11-10T08:30', room: 'b1' })
      .build();
    expect(local(noPreference, bruteForcePlan(noPreference).meetings)).toEqual([
      'chn-kor 08:30 b1',
      'usa-jpn 08:00 b1',
    ]);
  });

  it('keeps pinned meetings', () => {
    const data = base()
      .request('usa-jpn', { from: 'usa', to: ['jpn'], priority: 1 })
      .request('chn-kor', { from: 'chn', to: ['kor'], priority: 5, minutes: 60 })
      .meeting('usa-jpn', { start: '2017-11-10T08:30', room: 'b1', pinned: true })
      .build();
    const plan = bruteForcePlan(data);
    expect(local(data, plan.meetings)).toEqual(['usa-jpn 08:30 b1']);
    expect(plan.unplaced).toEqual([{ request: 'chn-kor', reason: 'no-slot' }]);
  });

  it('refuses a summit too big to search', () => {
    const f = base();
    for (let i = 0; i < 9; i++) f.request(`r${i}`, { from: 'usa', to: ['jpn'] });
    expect(() => bruteForcePlan(f.build())).toThrow(
      'brute force places at most 8 requests; this summit has 9',
    );
  });

  const tiny = summitDataArbitrary({
    maxRequests: 5,
    maxRooms: 2,
    maxDays: 1,
    maxDelegations: 3,
    grains: [30, 60],
  });

  it('is valid and at least as good as greedy on tiny random summits', () => {
    fc.assert(
      fc.property(tiny, (data) => {
        const exact = bruteForcePlan(data);
        const check = checkPlan(data, exact.meetings);
        expect(check.violations).toEqual([]);
        expect(check.objective).toEqual(exact.objective);
        expect(compareObjectives(exact.objective, greedyPlan(data).objective)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });

  it('matches an enumeration of every combination judged whole by the checker', () => {
    const smaller = summitDataArbitrary({
      maxRequests: 3,
      maxRooms: 2,
      maxDays: 1,
      maxDelegations: 3,
      grains: [60],
    });
    fc.assert(
      fc.property(smaller, (data) => {
        expect(bruteForcePlan(data).objective).toEqual(bestByEnumeration(data));
      }),
      { numRuns: 60 },
    );
  });
});

/** The best objective over every assignment of (nothing | start × room) to each request, each plan checked whole. */
function bestByEnumeration(data: SummitData): Objective {
  const index = indexSummit(data);
  const options = data.requests.map((r) => {
    const list: (Placement | null)[] = [null];
    if (!isPlaceable(r)) return list;
    for (const day of index.days) {
      for (let s = day.from; s + r.minutes * 60_000 <= day.to; s += index.grainMs) {
        for (const room of [null, ...data.rooms.map((x) => x.id)]) {
          const p: Placement = {
            request: r.id as RequestId,
            start: instantFromMillis(s),
            end: instantFromMillis(s + r.minutes * 60_000),
            room: room as RoomId | null,
          };
          if (checkPlanWith(index, [p]).violations.every((v) => v.rule === 'fixed-meetings-kept'))
            list.push(p);
        }
      }
    }
    return list;
  });
  let best: Objective | null = null;
  const walk = (i: number, plan: Placement[]) => {
    if (i === options.length) {
      const check = checkPlanWith(index, plan);
      if (check.violations.length === 0 && (!best || compareObjectives(check.objective, best) > 0))
        best = check.objective;
      return;
    }
    for (const p of options[i] as (Placement | null)[]) walk(i + 1, p ? [...plan, p] : plan);
  };
  walk(0, []);
  // A summit whose fixed meetings cannot all be kept has no valid plan; the generator never makes one.
  if (best === null) throw new Error('no valid plan');
  return best;
}
