import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture()
  .room('b1')
  .delegation('usa')
  .delegation('jpn')
  .request('usa-jpn', {
    from: 'usa',
    to: ['jpn'],
    minutes: 60,
    allowed: [
      { from: '2017-11-10T09:00', to: '2017-11-10T10:00' },
      { from: '2017-11-10T10:00', to: '2017-11-10T11:00' },
      { from: '2017-11-10T14:00', to: '2017-11-10T15:00' },
    ],
  })
  .build();

describe('allowed-windows', () => {
  it('rejects a meeting that sticks out of its allowed windows', () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T10:30', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      'allowed-windows: usa-jpn (10 Nov 10:30–11:30) is outside its allowed windows 10 Nov 09:00–11:00, 10 Nov 14:00–15:00',
    ]);
  });
  it('accepts a meeting across two touching allowed windows', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T09:30', 'b1')]).violations).toEqual([]);
  });
});
