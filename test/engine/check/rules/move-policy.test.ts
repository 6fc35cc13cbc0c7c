import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { fittingExisting } from '../../../../src/engine/check/existing.js';
import { indexSummit } from '../../../../src/engine/check/summit-index.js';
import { mergePolicy } from '../../../../src/engine/policy.js';
import { parseSummitTime } from '../../../../src/domain/time.js';
import type { SummitFixture } from '../fixtures.js';
import { placement, summitFixture } from '../fixtures.js';

const base = (): SummitFixture =>
  summitFixture().room('b1').room('b2').delegation('usa').delegation('jpn').delegation('chn');

/** Two existing unpinned meetings (08:00 usa-jpn in b1, 09:00 usa-chn in b2). */
const twoMeetings = () =>
  base()
    .request('usa-jpn', { from: 'usa', to: ['jpn'], status: 'scheduled' })
    .request('usa-chn', { from: 'usa', to: ['chn'], status: 'scheduled' })
    .meeting('usa-jpn', { start: '2017-11-10T08:00', room: 'b1' })
    .meeting('usa-chn', { start: '2017-11-10T09:00', room: 'b2' })
    .build();
const at = (local: string) => parseSummitTime(local, 'Asia/Ho_Chi_Minh');

describe('frozen-meetings-kept', () => {
  const data = twoMeetings();
  const policy = { now: at('2017-11-10T07:00'), freezeHours: 1.5 };

  it('rejects a meeting inside the freeze moved or left off', () => {
    const moved = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T10:00', 'b1')], policy);
    expect(moved.violations.map((v) => v.message)).toEqual([
      'frozen-meetings-kept: usa-jpn is frozen at 10 Nov 08:00–08:30 in b1 but placed at usa-jpn (10 Nov 10:00–10:30) in b1',
    ]);
    expect(checkPlan(data, [], policy).violations.map((v) => v.message)).toEqual([
      'frozen-meetings-kept: usa-jpn is frozen at 10 Nov 08:00–08:30 in b1 but is not placed',
    ]);
  });
  it('accepts a meeting after the freeze moved, and the frozen one kept', () => {
    const plan = [
      placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
      placement(data, 'usa-chn', '2017-11-10T11:00', 'b2'),
    ];
    expect(checkPlan(data, plan, policy).violations).toEqual([]);
    // Without the policy nothing is frozen.
    expect(checkPlan(data, [plan[1]!]).violations).toEqual([]);
  });
});

describe('no-start-before-now', () => {
  const data = twoMeetings();
  it('rejects a meeting moved to start before the moment of planning', () => {
    const plan = [
      placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
      placement(data, 'usa-chn', '2017-11-10T08:30', 'b2'),
    ];
    const { violations } = checkPlan(data, plan, { now: at('2017-11-10T08:45') });
    expect(violations.map((v) => v.message)).toEqual([
      'no-start-before-now: usa-chn (10 Nov 08:30–09:00) starts before the moment of planning, 10 Nov 08:45',
    ]);
  });
});

describe('max-moves', () => {
  it('rejects more moves of fitting meetings than allowed, counting one left off', () => {
    const data = twoMeetings();
    const plan = [placement(data, 'usa-jpn', '2017-11-10T10:00', 'b1')];
    expect(checkPlan(data, plan, { maxMoves: 2 }).violations).toEqual([]);
    expect(checkPlan(data, plan, { maxMoves: 1 }).violations.map((v) => v.message)).toEqual([
      'max-moves: 2 meetings that still fit moved or left off, at most 1 allowed: usa-jpn, usa-chn',
    ]);
  });
  it('does not count a meeting that no longer fits (its person left)', () => {
    const data = base()
      .delegation('kor', { presence: [{ from: '2017-11-10T10:00', to: '2017-11-10T23:00' }] })
      .request('usa-kor', { from: 'usa', to: ['kor'], status: 'scheduled' })
      .meeting('usa-kor', { start: '2017-11-10T08:00', room: 'b1' })
      .build();
    const plan = [placement(data, 'usa-kor', '2017-11-10T10:00', 'b1')];
    expect(checkPlan(data, plan, { maxMoves: 0 }).violations).toEqual([]);
  });
  it('of two existing meetings that clash, the more important one fits', () => {
    const data = base()
      .request('usa-jpn', { from: 'usa', to: ['jpn'], status: 'scheduled', priority: 2 })
      .request('usa-chn', { from: 'usa', to: ['chn'], status: 'scheduled', priority: 4 })
      .meeting('usa-jpn', { start: '2017-11-10T08:00', room: 'b1' })
      .meeting('usa-chn', { start: '2017-11-10T08:15', room: 'b2' })
      .build();
    expect([...fittingExisting(indexSummit(data, mergePolicy(null, { maxMoves: 0 })))]).toEqual(['usa-chn']);
    const plan = [
      placement(data, 'usa-chn', '2017-11-10T08:15', 'b2'),
      placement(data, 'usa-jpn', '2017-11-10T09:00', 'b1'),
    ];
    expect(checkPlan(data, plan, { maxMoves: 0 }).violations).toEqual([]);
  });
});
