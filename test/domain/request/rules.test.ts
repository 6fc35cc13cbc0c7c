import { describe, expect, it } from 'vitest';
import {
  REQUEST_RULES,
  requestIssues,
  rulesContextOf,
  type RequestTerms,
} from '../../../src/domain/request/rules.js';
import type { Instant } from '../../../src/domain/time.js';

const ctx = rulesContextOf({
  summit: { grainMinutes: 15, timezone: 'Asia/Ho_Chi_Minh' },
  delegations: [{ id: 'aus' }, { id: 'jpn' }, { id: 'rus' }],
  persons: [
    { id: 'aus-pm', delegation: 'aus' },
    { id: 'jpn-pm', delegation: 'jpn' },
    { id: 'rus-fm', delegation: 'rus' },
  ],
  venues: [{ id: 'ariyana' }],
});

const good: RequestTerms = {
  from: 'aus',
  to: ['jpn'],
  format: 'bilateral',
  minutes: 30,
  attendees: ['aus-pm', 'jpn-pm'],
  venue: 'ariyana',
  allowed: [{ from: '2017-11-10T01:00:00.000Z' as Instant, to: '2017-11-10T02:00:00.000Z' as Instant }],
  preferred: [],
};

const codes = (terms: Partial<RequestTerms>) => requestIssues({ ...good, ...terms }, ctx).map((i) => i.code);

describe('the request rules', () => {
  it('accept a request whose parties, attendees, minutes, venue and windows are all right', () => {
    expect(requestIssues(good, ctx)).toEqual([]);
  });

  it('refuse an attendee of a delegation that is not a party, naming the person, delegation and parties', () => {
    expect(requestIssues({ ...good, attendees: ['aus-pm', 'rus-fm'] }, ctx)).toEqual([
      {
        code: 'attendee-not-party',
        path: ['attendees', 1],
        message: 'person "rus-fm" belongs to rus, which is not a party of this request (aus, jpn)',
      },
    ]);
  });

  it('give each broken rule its own code and path', () => {
    expect(codes({ from: 'atlantis', attendees: ['jpn-pm'] })).toEqual(['unknown-delegation']);
    expect(codes({ to: ['jpn', 'jpn'] })).toEqual(['repeated-counterpart']);
    expect(codes({ to: ['aus', 'jpn'] })).toEqual(['counterpart-is-requester']);
    expect(codes({ format: 'multilateral' })).toEqual(['too-few-parties']);
    expect(codes({ format: 'multilateral', to: ['jpn', 'rus'] })).toEqual([]);
    expect(codes({ minutes: 20 })).toEqual(['minutes-off-grain']);
    expect(codes({ attendees: ['aus-pm', 'aus-pm'] })).toEqual(['repeated-attendee']);
    expect(codes({ attendees: ['nobody'] })).toEqual(['unknown-person']);
    expect(codes({ venue: 'atlantis-hall' })).toEqual(['unknown-venue']);
    expect(codes({ venue: null })).toEqual([]);
    const backwards = { from: good.allowed![0]!.to, to: good.allowed![0]!.from };
    expect(requestIssues({ ...good, preferred: [backwards] }, ctx)).toEqual([
      {
        code: 'window-order',
        path: ['preferred', 0, 'to'],
        // in the summit's time, as the user wrote it
        message: 'expected a time after from (2017-11-10T09:00), got "2017-11-10T08:00"',
      },
    ]);
  });

  it('judge attendees against the parties only once both are known, and skip what a door could not read', () => {
    expect(codes({ to: undefined, attendees: ['rus-fm'] })).toEqual([]);
    expect(codes({ allowed: [null], preferred: [null] })).toEqual([]);
    const unknownDelegation = rulesContextOf({
      summit: { grainMinutes: null, timezone: null },
      delegations: [],
      persons: [],
      venues: [],
    });
    // a person known by id whose delegation could not be read is not said to be of a non-party
    expect(
      requestIssues(
        { ...good, attendees: ['x'] },
        { ...unknownDelegation, hasDelegation: () => true, hasVenue: () => true, hasPerson: () => true },
      ),
    ).toEqual([]);
  });

  it('lists issues in rule order, every rule named once', () => {
    const names = REQUEST_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(codes({ to: ['atlantis'], minutes: 20, attendees: ['nobody'] })).toEqual([
      'unknown-delegation',
      'minutes-off-grain',
      'unknown-person',
    ]);
  });
});
