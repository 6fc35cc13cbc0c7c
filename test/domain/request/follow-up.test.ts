import { describe, expect, it } from 'vitest';
import { SUMMIT, at, condition, member, request } from '../test-support.js';
import { followConditions } from '../../../src/domain/request/follow-up.js';

const NOW = at('2017-11-10T10:00:00.000Z');
const ctx = { actor: member('usa', 'protocol-officer'), summit: SUMMIT };

describe('following the conditions', () => {
  it('agrees a request under consideration that nothing stands in the way of', () => {
    const out = followConditions(
      request({ status: 'under-consideration', acceptedBy: ['usa', 'rus'] }),
      [],
      ctx,
      NOW,
    );
    expect(out).toMatchObject({ request: { status: 'agreed' }, transitions: ['agree'] });
  });
  it('leaves a request alone when its conditions call for nothing', () => {
    for (const status of ['requested', 'agreed', 'scheduled', 'confirmed', 'declined'] as const) {
      expect(
        followConditions(request({ status }), [condition({ status: 'accepted' })], ctx, NOW).transitions,
      ).toEqual([]);
    }
  });
  it('reopens a confirmed request that gained an open condition', () => {
    const out = followConditions(
      request({ status: 'confirmed', acceptedBy: ['usa', 'rus'] }),
      [condition()],
      ctx,
      NOW,
    );
    expect(out).toMatchObject({
      request: { status: 'conditions-pending', acceptedBy: [] },
      transitions: ['reopen'],
    });
  });
});
