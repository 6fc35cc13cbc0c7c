import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture()
  .room('b1')
  .delegation('usa', {
    members: ['usa-sos'],
    presence: [{ from: '2017-11-10T10:00', to: '2017-11-10T23:00' }],
    personPresence: { 'usa-sos': [{ from: '2017-11-10T07:00', to: '2017-11-10T12:00' }] },
  })
  .delegation('jpn')
  .request('usa-jpn', { from: 'usa', to: ['jpn'], attendees: ['usa-leader', 'usa-sos', 'jpn-leader'] })
  .build();

describe('presence', () => {
  it('rejects a meeting before the delegation arrives', () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T09:45', 'b1')]);
    expect(violations).toEqual([
      {
        rule: 'presence',
        requests: ['usa-jpn'],
        person: 'usa-leader',
        message:
          'presence: usa-leader is not present for usa-jpn (10 Nov 09:45–10:15); present 10 Nov 10:00–23:00',
      },
    ]);
  });
  it("rejects a meeting after a member's own departure", () => {
    const { violations } = checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T11:45', 'b1')]);
    expect(violations.map((v) => v.person)).toEqual(['usa-sos']);
  });
  it('accepts a meeting while every attendee is present', () => {
    expect(checkPlan(data, [placement(data, 'usa-jpn', '2017-11-10T10:00', 'b1')]).violations).toEqual([]);
  });
});
