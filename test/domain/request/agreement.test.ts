import { describe, expect, it } from 'vitest';
import { condition, request } from '../test-support.js';
import {
  agreementGaps,
  isParty,
  negotiatedStatus,
  openConditions,
  partiesOf,
} from '../../../src/domain/request/agreement.js';

describe('agreement', () => {
  it('counts the requester once among the parties, first', () => {
    expect(partiesOf(request({ to: ['rus', 'usa', 'chn'] }))).toEqual(['usa', 'rus', 'chn']);
    expect(isParty(request(), null)).toBe(false);
  });

  it('counts only this request’s open conditions', () => {
    const cs = [condition(), condition({ id: 'c2', status: 'withdrawn' }), condition({ request: 'jpn-usa' })];
    expect(openConditions(request(), cs).map((c) => c.id)).toEqual(['c1']);
  });

  it('names open conditions before missing acceptances', () => {
    expect(agreementGaps(request({ to: ['rus', 'chn'] }), [condition()])).toEqual([
      'condition c1 (set by usa) is still open',
      'rus has not accepted',
      'chn has not accepted',
    ]);
  });

  it('places a negotiated request by what stands in the way', () => {
    expect(
      negotiatedStatus(request({ acceptedBy: ['usa', 'rus'] }), [condition({ status: 'rejected' })]),
    ).toBe('agreed');
    expect(negotiatedStatus(request({ acceptedBy: ['usa', 'rus'] }), [condition()])).toBe(
      'conditions-pending',
    );
    expect(negotiatedStatus(request(), [])).toBe('under-consideration');
  });
});
