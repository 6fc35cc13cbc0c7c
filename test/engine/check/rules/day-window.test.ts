import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture({ days: { from: '2017-11-10', to: '2017-11-11' } })
  .room('b1')
  .delegation('usa')
  .delegation('jpn')
  .request('usa-jpn', { from: 'usa', to: ['jpn'], minutes: 30 })
  .build();

describe('day-window', () => {
  it('rejects a meeting that runs past the end of the day window', () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T22:45', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      "day-window: usa-jpn (10 Nov 22:45–23:15) is not inside one day's window 07:00–23:00 (2017-11-10 to 2017-11-11)",
    ]);
  });
  it('rejects a meeting on a day after the summit', () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-12T08:00', 'b1')]);
    expect(violations.map((v) => v.rule)).toEqual(['day-window']);
  });
  it('accepts a meeting that ends as the window closes', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-11T22:30', 'b1')]).violations).toEqual([]);
  });
});
