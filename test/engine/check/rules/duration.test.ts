import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';
import type { Instant } from '../../../../src/domain/time.js';

const data = summitFixture()
  .room('b1')
  .delegation('usa')
  .delegation('jpn')
  .request('usa-jpn', { from: 'usa', to: ['jpn'], minutes: 30 })
  .build();

describe('duration', () => {
  it("rejects a meeting longer than its request's minutes", () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1', 45)]);
    expect(violations.map((v) => v.message)).toEqual([
      'duration: usa-jpn (10 Nov 08:00–08:45) lasts 45 min; the request asks 30',
    ]);
  });
  it('rejects a start that is not an instant', () => {
    const p = { ...placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'), start: 'soon' as Instant };
    expect(checkPlan(data, [p]).violations.map((v) => v.rule)).toEqual(['duration']);
  });
  it('accepts a meeting of exactly its minutes', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1')]).violations).toEqual([]);
  });
});
