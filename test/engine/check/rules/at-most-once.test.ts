import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture()
  .room('b1')
  .delegation('usa')
  .delegation('jpn')
  .request('usa-jpn', { from: 'usa', to: ['jpn'] })
  .build();

describe('at-most-once', () => {
  it('rejects a request placed twice', () => {
    const { violations } = checkPlan(data, [
      placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
      placement(data, 'usa-jpn', '2017-11-10T10:00', 'b1'),
    ]);
    expect(violations.map((v) => v.message)).toEqual([
      'at-most-once: usa-jpn is placed 2 times: usa-jpn (10 Nov 08:00–08:30), usa-jpn (10 Nov 10:00–10:30)',
    ]);
  });
  it('accepts a request placed once', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1')]).violations).toEqual([]);
  });
});
