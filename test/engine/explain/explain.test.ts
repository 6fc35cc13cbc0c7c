// Explanations name what stands in the way, in words and as structured blockers.
import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/engine/solve.js';
import { SummitBuilder } from '../test-support/builder.js';
import type { Unplaced } from '../../../src/engine/result.js';
import type { SummitData } from '../../../src/domain/summit/data.js';

function unplaced(data: SummitData, id: string): Unplaced {
  const u = solve(data, { maxIterations: 200 }).unscheduled.find((x) => x.request === id);
  if (!u) throw new Error(`${id} was placed`);
  return u;
}

/** Asia/Ho_Chi_Minh (UTC+7), 10 Nov 2017, 09:00–13:00. */
function apec(): SummitBuilder {
  return new SummitBuilder({ zone: 'Asia/Ho_Chi_Minh', days: ['2017-11-10', '2017-11-10'] })
    .venue('ariyana', 'Ariyana')
    .venue('icdn', 'InterContinental')
    .travel('ariyana', 'icdn', 30)
    .room('ariyana-b1', { venue: 'ariyana', capacity: 8 })
    .delegation('usa', { principal: 'usa-potus', members: ['usa-sos'] })
    .delegation('rus', { principal: 'rus-president' })
    .delegation('chn', { principal: 'chn-president' });
}

describe('explanations', () => {
  it('names every open condition and who set it', () => {
    const data = apec()
      .request('usa-rus', {
        from: 'usa',
        to: ['rus'],
        attendees: ['usa-potus', 'rus-president'],
        status: 'conditions-pending',
      })
      .condition('c1', 'usa-rus', 'usa')
      .condition('c2', 'usa-rus', 'usa')
      .condition('c3', 'usa-rus', 'rus', 'a term', 'accepted')
      .build();
    expect(unplaced(data, 'usa-rus')).toEqual({
      request: 'usa-rus',
      reason: 'conditions-pending',
      detail: 'Conditions c1 (set by usa) and c2 (set by usa) are open.',
      blockers: [],
    });
  });

  it('names the programme event and the departure that leave no slot, in local time', () => {
    const data = apec()
      .event('ceo', {
        title: 'APEC CEO Summit address',
        from: '2017-11-10T09:00',
        to: '2017-11-10T11:30',
        attendees: ['usa-potus'],
        venue: 'ariyana',
      })
      .presence('rus-president', [['2017-11-10T06:00', '2017-11-10T12:00']])
      .request('usa-rus', {
        from: 'usa',
        to: ['rus'],
        attendees: ['usa-potus', 'rus-president'],
        minutes: 45,
      })
      .build();
    const u = unplaced(data, 'usa-rus');
    expect(u.reason).toBe('no-slot');
    expect(u.blockers).toEqual([
      expect.objectContaining({ kind: 'programme', person: 'usa-potus', event: 'ceo' }),
      expect.objectContaining({
        kind: 'presence',
        person: 'rus-president',
        departs: '2017-11-10T05:00:00.000Z',
      }),
    ]);
    expect(u.detail).toBe(
      'No slot satisfies the rules: usa-potus: APEC CEO Summit address 10 Nov 09:00–11:30; rus-president departs 10 Nov 12:00.',
    );
  });

  it('names the travel that a tight gap cannot fit', () => {
    const data = apec()
      .event('lunch', {
        from: '2017-11-10T09:00',
        to: '2017-11-10T12:30',
        attendees: ['usa-potus'],
        venue: 'icdn',
      })
      .request('usa-chn', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-potus', 'chn-president'],
        venue: 'ariyana',
        minutes: 30,
      })
      .build();
    const u = unplaced(data, 'usa-chn');
    expect(u.blockers).toContainEqual({
      kind: 'travel',
      person: 'usa-potus',
      fromVenue: 'icdn',
      toVenue: 'ariyana',
      minutes: 30,
    });
    expect(u.detail).toContain('usa-potus: 30 min from InterContinental to Ariyana');
  });

  it('shows a commitment without a label as busy, never where it is or how far away', () => {
    const tight = (label?: string) =>
      apec()
        .busy('usa-potus-private', 'usa-potus', '2017-11-10T09:00', '2017-11-10T12:30', {
          venue: 'icdn',
          ...(label ? { label } : {}),
        })
        .request('usa-chn', {
          from: 'usa',
          to: ['chn'],
          attendees: ['usa-potus', 'chn-president'],
          venue: 'ariyana',
          minutes: 30,
        })
        .build();
    const anonymous = unplaced(tight(), 'usa-chn');
    expect(anonymous.blockers).toEqual([
      {
        kind: 'busy',
        person: 'usa-potus',
        label: 'private commitment',
        from: '2017-11-10T02:00:00.000Z',
        to: '2017-11-10T05:30:00.000Z',
      },
    ]);
    expect(anonymous.detail).toBe(
      'No slot satisfies the rules: usa-potus: private commitment 10 Nov 09:00–12:30.',
    );
    expect(JSON.stringify(anonymous)).not.toMatch(/icdn|InterContinental|travel|30 min/u);
    // a commitment the input describes is explained in full: its place and the travel to it
    const described = unplaced(tight('Bilateral preparation'), 'usa-chn');
    expect(described.blockers).toContainEqual({
      kind: 'travel',
      person: 'usa-potus',
      fromVenue: 'icdn',
      toVenue: 'ariyana',
      minutes: 30,
    });
  });

  it('names the meetings and the booked rooms that displace a lower priority request', () => {
    const data = apec()
      .delegation('jpn', { principal: 'jpn-pm' })
      .delegation('kor', { principal: 'kor-president' })
      .request('usa-rus', {
        from: 'usa',
        to: ['rus'],
        attendees: ['usa-potus', 'rus-president'],
        minutes: 240,
        priority: 5,
      })
      .request('jpn-kor', {
        from: 'jpn',
        to: ['kor'],
        attendees: ['jpn-pm', 'kor-president'],
        minutes: 60,
        priority: 1,
      })
      .request('usa-chn', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-potus', 'chn-president'],
        minutes: 30,
        priority: 1,
      })
      .build();
    const u = unplaced(data, 'jpn-kor');
    expect(u.reason).toBe('displaced');
    expect(u.blockers).toEqual([
      {
        kind: 'rooms',
        venue: 'ariyana',
        reason: 'taken',
        from: '2017-11-10T02:00:00.000Z',
        to: '2017-11-10T06:00:00.000Z',
      },
    ]);
    expect(u.detail).toBe('Every possible slot is taken: Ariyana rooms taken 10 Nov 09:00–13:00.');
    const v = unplaced(data, 'usa-chn');
    expect(v.blockers).toContainEqual(
      expect.objectContaining({ kind: 'meeting', person: 'usa-potus', request: 'usa-rus' }),
    );
    expect(v.detail).toContain('usa-potus: meeting usa-rus 10 Nov 09:00–13:00');
  });

  it('says when no room is large enough, and how large the largest is', () => {
    const data = apec()
      .request('big', { from: 'usa', to: ['rus'], attendees: ['usa-potus', 'rus-president'], seats: 12 })
      .build();
    const u = unplaced(data, 'big');
    expect(u.blockers).toEqual([{ kind: 'rooms', venue: null, reason: 'too-small', seats: 12, largest: 8 }]);
    expect(u.detail).toBe('No slot satisfies the rules: no room seats 12 (the largest seats 8).');
  });
});
