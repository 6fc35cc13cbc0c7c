// A plan cut down for its reader: practice blockers keep what the reader may know (a room's turnover,
// a delegation's busy interpreters) but never name a meeting hidden from them.
import { describe, expect, it } from 'vitest';
import { planSeenBy } from '../../../src/app/planning/plan-view.js';
import type { Plan } from '../../../src/engine/result.js';
import type { Instant } from '../../../src/domain/time.js';
import type { RequestId } from '../../../src/domain/ids.js';
import { SummitBuilder } from '../../engine/test-support/builder.js';
import { delegate } from '../../support/app.js';

const data = new SummitBuilder()
  .venue('hall')
  .room('b1', { venue: 'hall' })
  .delegation('usa')
  .delegation('chn')
  .delegation('jpn')
  .request('usa-chn', { from: 'usa', to: ['chn'], attendees: ['usa-p', 'chn-p'], status: 'scheduled' })
  .request('jpn-usa', { from: 'jpn', to: ['usa'], attendees: ['jpn-p', 'usa-p'] })
  .build();
// Hidden from Japan: a meeting between the US and China.
data.requests[0]!.confidential = true;

const at = (hhmm: string) => `2030-05-06T${hhmm}:00.000Z` as Instant;
const plan: Plan = {
  meetings: [{ request: 'usa-chn' as RequestId, start: at('09:00'), end: at('09:30'), room: 'b1' as never }],
  unscheduled: [
    {
      request: 'jpn-usa' as RequestId,
      reason: 'displaced',
      detail: 'turnover and interpreters',
      blockers: [
        { kind: 'turnover', room: 'b1', minutes: 15, request: 'usa-chn', frees: at('09:45') },
        {
          kind: 'interpreters',
          delegation: 'usa',
          interpreters: 1,
          from: at('09:00'),
          to: at('09:30'),
          meetings: ['usa-chn'],
        },
      ],
    },
  ],
  moved: [],
  moves: [],
  objective: { weight: 3, preferred: 0, moved: 0 },
  bound: 6,
} as unknown as Plan;

describe('planSeenBy with practice blockers', () => {
  it('keeps the turnover and the busy interpreters, naming no hidden meeting', () => {
    const seen = planSeenBy(delegate('test-summit', 'jpn', 'protocol-officer'), data, plan);
    expect(seen.meetings).toEqual([]);
    expect(seen.unscheduled[0]!.blockers).toEqual([
      { kind: 'turnover', room: 'b1', minutes: 15, request: 'private', frees: at('09:45') },
      {
        kind: 'interpreters',
        delegation: 'usa',
        interpreters: 1,
        from: at('09:00'),
        to: at('09:30'),
        meetings: [],
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain('usa-chn');
  });

  it('shows a party the plan as it is', () => {
    expect(planSeenBy(delegate('test-summit', 'usa', 'protocol-officer'), data, plan)).toBe(plan);
  });
});
