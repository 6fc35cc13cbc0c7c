import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { checkPlan, checkPlanWith } from '../../../src/engine/check/check-plan.js';
import { indexSummit } from '../../../src/engine/check/summit-index.js';
import { placement, summitFixture } from '../check/fixtures.js';
import { summitDataArbitrary } from '../check/arbitrary.js';
import { formatSummitTime } from '../../../src/domain/time.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Placement } from '../../../src/engine/result.js';

const local = (data: SummitData, meetings: Placement[]) =>
  meetings.map(
    (m) => `${m.request} ${formatSummitTime(m.start, data.summit.timezone).slice(11)} ${m.room ?? '-'}`,
  );

describe('greedyPlan', () => {
  it('takes requests by priority, then id, each at the first start and room in time order', () => {
    const data = summitFixture({ dayWindow: { from: '08:00', to: '10:00' }, grainMinutes: 30 })
      .room('b1')
      .room('b2', { capacity: 2 })
      .delegation('usa')
      .delegation('jpn')
      .delegation('chn')
      .delegation('kor')
      .request('usa-jpn', { from: 'usa', to: ['jpn'], priority: 2 })
      .request('chn-kor', { from: 'chn', to: ['kor'], priority: 5, seats: 4 })
      .request('chn-jpn', { from: 'chn', to: ['jpn'], priority: 5, minutes: 60 })
      .request('kor-usa', { from: 'kor', to: ['usa'], priority: 1, status: 'requested' })
      .build();
    const plan = greedyPlan(data);
    // chn-jpn (5) comes before chn-kor (5) by id; chn-kor then needs b1 (4 seats) after chn's first meeting.
    expect(local(data, plan.meetings)).toEqual(['chn-jpn 08:00 b1', 'chn-kor 09:00 b1', 'usa-jpn 09:00 b2']);
    expect(plan.unplaced).toEqual([{ request: 'kor-usa', reason: 'requested' }]);
    expect(plan.objective).toEqual({ weight: 12, preferred: 0, moved: 0 });
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
  });

  it('keeps pinned meetings and plans around them, leaving out what no longer fits', () => {
    const data = summitFixture({ dayWindow: { from: '08:00', to: '09:30' }, bufferMinutes: 15 })
      .venue('a')
      .venue('b')
      .travel('a', 'b', 15)
      .room('a1', { venue: 'a' })
      .room('b1', { venue: 'b' })
      .delegation('usa')
      .delegation('jpn')
      .delegation('chn')
      .request('usa-jpn', { from: 'usa', to: ['jpn'], priority: 1 })
      .request('usa-chn', { from: 'usa', to: ['chn'], priority: 5, venue: 'b' })
      .request('jpn-chn', { from: 'jpn', to: ['chn'], priority: 3, format: 'pull-aside' })
      .meeting('usa-jpn', { start: '2017-11-10T08:15', room: 'a1', pinned: true })
      .build();
    const plan = greedyPlan(data);
    // usa-chn at b needs 15 travel + 15 buffer around usa-jpn at a: from 09:15, too late to end by 09:30.
    // The pull-aside has no venue, so the buffer alone applies: from 09:00.
    expect(local(data, plan.meetings)).toEqual(['usa-jpn 08:15 a1', 'jpn-chn 09:00 -']);
    expect(plan.unplaced).toEqual([{ request: 'usa-chn', reason: 'no-slot' }]);
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
  });

  it('produces plans that pass the checker on random small summits', () => {
    fc.assert(
      fc.property(summitDataArbitrary(), (data) => {
        const plan = greedyPlan(data);
        const check = checkPlan(data, plan.meetings);
        expect(check.violations).toEqual([]);
        expect(check.objective).toEqual(plan.objective);
      }),
      { numRuns: 300 },
    );
  });

  it('places every request that fits on its own when nothing competes', () => {
    fc.assert(
      fc.property(summitDataArbitrary({ maxRequests: 1, meetings: false }), (data) => {
        const plan = greedyPlan(data);
        const request = data.requests[0];
        if (!request || !['agreed', 'scheduled', 'confirmed'].includes(request.status)) return;
        // Enumerating single placements through the checker: greedy misses none.
        const fits = plan.meetings.length === 1;
        const any = anySinglePlacementPasses(data, request.id);
        expect(fits).toBe(any);
      }),
      { numRuns: 60 },
    );
  });
});

function anySinglePlacementPasses(data: SummitData, request: string): boolean {
  const index = indexSummit(data);
  const rooms: (string | null)[] = [null, ...data.rooms.map((r) => r.id)];
  for (const day of index.days) {
    // Every 15 minutes (each grain is a multiple) from an hour before the day window opens: the grid is the checker's to judge.
    for (let t = day.from - 3_600_000; t < day.to; t += 15 * 60_000) {
      for (const room of rooms) {
        const p = placement(data, request, new Date(t).toISOString().slice(0, 16) + 'Z', room);
        if (checkPlanWith(index, [p]).violations.length === 0) return true;
      }
    }
  }
  return false;
}
