import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture()
  .venue('ariyana')
  .venue('icdn')
  .room('b1', { venue: 'ariyana', capacity: 4 })
  .room('b2', {
    venue: 'ariyana',
    capacity: 2,
    available: [{ from: '2017-11-10T09:00', to: '2017-11-10T12:00' }],
  })
  .room('usa-suite', { venue: 'icdn', delegation: 'usa' })
  .delegation('usa', { members: ['usa-sos'] })
  .delegation('jpn', { members: ['jpn-fm'] })
  .delegation('chn')
  .delegation('kor')
  .request('usa-jpn', {
    from: 'usa',
    to: ['jpn'],
    attendees: ['usa-leader', 'usa-sos', 'jpn-leader', 'jpn-fm'],
  })
  .request('chn-kor', { from: 'chn', to: ['kor'] })
  .request('jpn-usa', { from: 'jpn', to: ['usa'], seats: 6, venue: 'icdn' })
  .request('kor-usa', { from: 'kor', to: ['usa'], format: 'pull-aside' })
  .build();

const rules = (...ps: ReturnType<typeof placement>[]) => checkPlan(data, ps).violations;

describe('room-exclusive', () => {
  it('rejects two meetings in one room at once', () => {
    expect(
      rules(
        placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
        placement(data, 'chn-kor', '2017-11-10T08:15', 'b1'),
      ),
    ).toEqual([
      {
        rule: 'room-exclusive',
        requests: ['usa-jpn', 'chn-kor'],
        room: 'b1',
        message:
          'room-exclusive: b1 holds usa-jpn (10 Nov 08:00–08:30) and chn-kor (10 Nov 08:15–08:45) at once',
      },
    ]);
  });
  it('accepts back-to-back meetings in one room', () => {
    expect(
      rules(
        placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
        placement(data, 'chn-kor', '2017-11-10T08:30', 'b1'),
      ),
    ).toEqual([]);
  });
});

describe('room-availability', () => {
  it('rejects a meeting outside its room’s available windows', () => {
    expect(rules(placement(data, 'chn-kor', '2017-11-10T11:45', 'b2')).map((v) => v.message)).toEqual([
      'room-availability: b2 is not available for chn-kor (10 Nov 11:45–12:15); available 10 Nov 09:00–12:00',
    ]);
  });
  it('accepts a meeting inside them', () => {
    expect(rules(placement(data, 'chn-kor', '2017-11-10T11:30', 'b2'))).toEqual([]);
  });
});

describe('room-capacity', () => {
  it('rejects a room smaller than the attendees', () => {
    expect(rules(placement(data, 'usa-jpn', '2017-11-10T09:00', 'b2')).map((v) => v.message)).toEqual([
      'room-capacity: b2 seats 2, usa-jpn (10 Nov 09:00–09:30) needs 4',
    ]);
  });
  it('rejects a room smaller than the seats asked', () => {
    const v = rules(placement(data, 'jpn-usa', '2017-11-10T09:00', 'b1'));
    expect(v.filter((x) => x.rule === 'room-capacity').map((x) => x.message)).toEqual([
      'room-capacity: b1 seats 4, jpn-usa (10 Nov 09:00–09:30) needs 6',
    ]);
  });
  it('accepts a room that seats everyone', () => {
    expect(rules(placement(data, 'usa-jpn', '2017-11-10T09:00', 'b1'))).toEqual([]);
  });
});

describe('room-delegation', () => {
  it('rejects a lent room for a request its delegation is not party to', () => {
    expect(rules(placement(data, 'chn-kor', '2017-11-10T09:00', 'usa-suite')).map((v) => v.message)).toEqual([
      'room-delegation: usa-suite is lent to usa, which is not a party of chn-kor (10 Nov 09:00–09:30)',
    ]);
  });
  it('accepts it for a request where that delegation is the counterpart', () => {
    expect(rules(placement(data, 'jpn-usa', '2017-11-10T09:00', 'usa-suite'))).toEqual([]);
  });
});

describe('room-venue', () => {
  it("rejects a room away from the request's venue", () => {
    const v = rules(placement(data, 'jpn-usa', '2017-11-10T09:00', 'b1'));
    expect(v.filter((x) => x.rule === 'room-venue').map((x) => x.message)).toEqual([
      'room-venue: jpn-usa (10 Nov 09:00–09:30) must meet at icdn but b1 is at ariyana',
    ]);
  });
  it("accepts a room at the request's venue", () => {
    expect(rules(placement(data, 'jpn-usa', '2017-11-10T09:00', 'usa-suite'))).toEqual([]);
  });
});

describe('pull-aside-no-room', () => {
  it('rejects a pull-aside given a room', () => {
    expect(rules(placement(data, 'kor-usa', '2017-11-10T09:00', 'b1')).map((v) => v.message)).toEqual([
      'pull-aside-no-room: kor-usa (10 Nov 09:00–09:30) is a pull-aside but takes room b1',
    ]);
  });
  it('rejects a bilateral without a room', () => {
    expect(rules(placement(data, 'chn-kor', '2017-11-10T09:00', null)).map((v) => v.message)).toEqual([
      'pull-aside-no-room: chn-kor (10 Nov 09:00–09:30) is a bilateral and needs a room',
    ]);
  });
  it('rejects a room the summit does not have', () => {
    expect(rules(placement(data, 'chn-kor', '2017-11-10T09:00', 'attic')).map((v) => v.message)).toEqual([
      'pull-aside-no-room: chn-kor (10 Nov 09:00–09:30) takes attic, which is not a room of this summit',
    ]);
  });
  it('accepts a pull-aside without a room', () => {
    expect(rules(placement(data, 'kor-usa', '2017-11-10T09:00', null))).toEqual([]);
  });
});
