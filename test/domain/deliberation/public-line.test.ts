import { describe, expect, it } from 'vitest';
import type { RequestId } from '../../../src/domain/ids.js';
import type { RequestStatus } from '../../../src/domain/request/schema.js';
import { del, meeting, request } from '../test-support.js';
import {
  type LineRecord,
  PublicLineError,
  checkPublicLine,
  reviewPublicLine,
} from '../../../src/domain/deliberation/public-line.js';
import { PublicClaim } from '../../../src/domain/deliberation/schema.js';

function record(status: RequestStatus, overrides: Partial<LineRecord> = {}): LineRecord {
  return {
    request: request({ status }),
    decision: null,
    meeting: null,
    encounterExists: false,
    ...overrides,
  };
}
const messages = (claim: PublicClaim, r: LineRecord) => checkPublicLine(claim, r).map((i) => i.message);

describe('checking a public line against the record', () => {
  it('never faults "no comment"', () => {
    expect(messages('no-comment', record('draft'))).toEqual([]);
  });

  it('allows "under discussion" and "no final understanding" once the request was asked', () => {
    for (const claim of ['under-discussion', 'no-final-understanding'] as const) {
      expect(messages(claim, record('draft'))).toEqual([
        'the request is still a draft: nothing has been asked yet',
      ]);
      expect(messages(claim, record('conditions-pending'))).toEqual([]);
    }
  });

  it('allows "agreed in principle" only from agreed on', () => {
    expect(messages('agreed-in-principle', record('conditions-pending'))).toEqual([
      "the request is conditions-pending; 'agreed-in-principle' needs every party's acceptance and every condition settled",
    ]);
    for (const s of ['agreed', 'scheduled', 'confirmed', 'held'] as const) {
      expect(messages('agreed-in-principle', record(s))).toEqual([]);
    }
  });

  it('allows "scheduled" only once the meeting is placed', () => {
    expect(messages('scheduled', record('agreed'))).toEqual([
      "the request is agreed; 'scheduled' needs the meeting placed on the calendar",
    ]);
    expect(messages('scheduled', record('scheduled'))).toEqual([]);
    expect(messages('scheduled', record('confirmed'))).toEqual([]);
  });

  it('allows "confirmed" only once every party confirmed, naming who has not', () => {
    const half = record('scheduled', { meeting: meeting({ confirmedBy: ['usa'] }) });
    expect(messages('confirmed', half)).toEqual([
      "the request is scheduled; 'confirmed' needs every party to confirm the slot (rus has not)",
    ]);
    expect(
      messages('confirmed', record('confirmed', { meeting: meeting({ confirmedBy: ['usa', 'rus'] }) })),
    ).toEqual([]);
  });

  it('refuses "no meeting" while a meeting is confirmed and announced, and only then', () => {
    const announced = meeting({ confirmedBy: ['usa', 'rus'], announced: true });
    expect(messages('no-meeting', record('confirmed', { meeting: announced }))).toEqual([
      "'no-meeting' contradicts a meeting that is confirmed and announced",
    ]);
    expect(
      messages('no-meeting', record('confirmed', { meeting: { ...announced, announced: false } })),
    ).toEqual([]);
    expect(messages('no-meeting', record('scheduled', { meeting: announced }))).toEqual([]);
  });

  it('allows "informal encounter likely" when downgraded to an encounter or when an encounter exists', () => {
    const fault = [
      "'informal-encounter-likely' needs a downgrade to an encounter or an encounter the principals share",
    ];
    expect(messages('informal-encounter-likely', record('under-consideration'))).toEqual(fault);
    expect(
      messages('informal-encounter-likely', record('under-consideration', { encounterExists: true })),
    ).toEqual([]);
    const downgraded = (to: 'encounter' | 'pull-aside') => ({
      ...record('downgraded'),
      request: request({ status: 'downgraded', downgrade: to }),
    });
    expect(messages('informal-encounter-likely', downgraded('encounter'))).toEqual([]);
    expect(messages('informal-encounter-likely', downgraded('pull-aside'))).toEqual(fault);
  });

  it('refuses a meeting claim the delegation itself decided against', () => {
    const declined = record('confirmed', { decision: { outcome: 'decline' } });
    for (const claim of ['agreed-in-principle', 'scheduled', 'confirmed'] as const) {
      expect(messages(claim, declined)).toEqual([
        "the delegation decided 'decline', which the line contradicts",
      ]);
    }
    expect(messages('confirmed', record('confirmed', { decision: { outcome: 'pursue' } }))).toEqual([]);
  });

  it('labels every issue with its claim', () => {
    for (const claim of PublicClaim.options) {
      for (const issue of checkPublicLine(claim, record('draft'))) expect(issue.claim).toBe(claim);
    }
  });
});

describe('reviewing a line before it is saved', () => {
  const line = { request: 'usa-rus' as RequestId, delegation: del('rus'), claim: 'confirmed' as const };

  it('refuses to publish a line the record does not support', () => {
    expect(() => reviewPublicLine({ ...line, published: true }, record('agreed'))).toThrow(PublicLineError);
    expect(() => reviewPublicLine({ ...line, published: true }, record('agreed'))).toThrow(
      "cannot publish 'confirmed' for rus on request usa-rus: the request is agreed; 'confirmed' needs every party to confirm the slot",
    );
  });

  it('saves a draft with warnings', () => {
    expect(reviewPublicLine({ ...line, published: false }, record('agreed'))).toHaveLength(1);
  });

  it('publishes a supported line without warnings', () => {
    expect(reviewPublicLine({ ...line, published: true }, record('confirmed'))).toEqual([]);
  });
});
