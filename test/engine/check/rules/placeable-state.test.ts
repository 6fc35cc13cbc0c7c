import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const summit = (status: 'requested' | 'agreed' | 'scheduled' | 'confirmed') =>
  summitFixture()
    .room('b1')
    .delegation('usa')
    .delegation('jpn')
    .request('usa-jpn', { from: 'usa', to: ['jpn'], status })
    .build();

describe('placeable-state', () => {
  it('rejects a request that is not agreed yet', () => {
    const data = summit('requested');
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1')]);
    expect(violations.map((v) => v.message)).toEqual([
      'placeable-state: usa-jpn is requested; only agreed, scheduled or confirmed requests are placed',
    ]);
  });
  it('rejects a request the summit does not have', () => {
    const data = summit('agreed');
    const { violations } = checkPlan(data, [placement(data, 'usa-chn', '2017-11-10T08:00', 'b1')]);
    expect(violations).toEqual([
      {
        rule: 'placeable-state',
        requests: ['usa-chn'],
        message: 'placeable-state: usa-chn is not a request of this summit',
      },
    ]);
  });
  it.each(['agreed', 'scheduled', 'confirmed'] as const)('accepts a %s request', (status) => {
    const data = summit(status);
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1')]).violations).toEqual([]);
  });
});
