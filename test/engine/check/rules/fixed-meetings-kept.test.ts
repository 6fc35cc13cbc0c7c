import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import type { SummitFixture } from '../fixtures.js';
import { placement, summitFixture } from '../fixtures.js';

const base = (): SummitFixture =>
  summitFixture().room('b1').room('b2').delegation('usa').delegation('jpn').delegation('chn');

describe('fixed-meetings-kept', () => {
  const pinned = base()
    .request('usa-jpn', { from: 'usa', to: ['jpn'] })
    .meeting('usa-jpn', { start: '2017-11-10T08:00', room: 'b1', pinned: true })
    .build();

  it('rejects a pinned meeting moved to another start', () => {
    const { violations } = checkPlan(pinned, [placement(pinned, 'usa-jpn', '2017-11-10T09:00', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      'fixed-meetings-kept: usa-jpn is pinned at 10 Nov 08:00–08:30 in b1 but placed at usa-jpn (10 Nov 09:00–09:30) in b1',
    ]);
  });
  it('rejects a pinned meeting moved to another room', () => {
    const { violations } = checkPlan(pinned, [placement(pinned, 'usa-jpn', '2017-11-10T08:00', 'b2')]);
    expect(violations.map((v) => v.rule)).toEqual(['fixed-meetings-kept']);
  });
  it('rejects a pinned meeting left off the plan', () => {
    expect(checkPlan(pinned, []).violations.map((v) => v.message)).toEqual([
      'fixed-meetings-kept: usa-jpn is pinned at 10 Nov 08:00–08:30 in b1 but is not placed',
    ]);
  });
  it('rejects a confirmed meeting moved even when not pinned', () => {
    const data = base()
      .request('usa-chn', { from: 'usa', to: ['chn'], status: 'confirmed' })
      .meeting('usa-chn', { start: '2017-11-10T08:00', room: 'b1' })
      .build();
    const { violations } = checkPlan(data, [placement(data, 'usa-chn', '2017-11-10T08:15', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      'fixed-meetings-kept: usa-chn is confirmed at 10 Nov 08:00–08:30 in b1 but placed at usa-chn (10 Nov 08:15–08:45) in b1',
    ]);
  });
  it('accepts a kept pinned meeting, and an unpinned scheduled meeting that moved (counted as moved)', () => {
    const data = base()
      .request('usa-jpn', { from: 'usa', to: ['jpn'] })
      .request('usa-chn', { from: 'usa', to: ['chn'], status: 'scheduled' })
      .meeting('usa-jpn', { start: '2017-11-10T08:00', room: 'b1', pinned: true })
      .meeting('usa-chn', { start: '2017-11-10T10:00', room: 'b1' })
      .build();
    const result = checkPlan(data, [
      placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
      placement(data, 'usa-chn', '2017-11-10T11:00', 'b2'),
    ]);
    expect(result.violations).toEqual([]);
    expect(result.objective).toEqual({ weight: 6, preferred: 0, moved: 1 });
  });
});
