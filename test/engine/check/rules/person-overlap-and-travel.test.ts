import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../src/engine/check/check-plan.js';
import { placement, summitFixture } from '../fixtures.js';

const data = summitFixture({ grainMinutes: 5, bufferMinutes: 10 })
  .venue('ariyana')
  .venue('icdn')
  .travel('ariyana', 'icdn', 30)
  .room('b1', { venue: 'ariyana' })
  .room('b2', { venue: 'ariyana' })
  .room('i1', { venue: 'icdn' })
  .delegation('usa', { principal: 'usa-potus' })
  .delegation('jpn')
  .delegation('chn')
  .programme('ceo-summit-address-usa', {
    from: '2017-11-10T12:30',
    to: '2017-11-10T13:30',
    attendees: ['usa-potus'],
    venue: 'ariyana',
  })
  .programme('gala', {
    from: '2017-11-10T19:00',
    to: '2017-11-10T21:00',
    attendees: 'principals',
    venue: 'icdn',
  })
  .busy('staff-time', {
    person: 'usa-potus',
    from: '2017-11-10T09:00',
    to: '2017-11-10T10:00',
    label: 'Staff time',
  })
  .request('usa-jpn', { from: 'usa', to: ['jpn'], minutes: 30 })
  .request('usa-chn', { from: 'usa', to: ['chn'], minutes: 30 })
  .request('jpn-chn', { from: 'jpn', to: ['chn'], minutes: 30, format: 'pull-aside', venue: 'icdn' })
  .build();

const messages = (...ps: ReturnType<typeof placement>[]) =>
  checkPlan(data, ps).violations.map((v) => v.message);

describe('person-overlap', () => {
  it('rejects a meeting during a programme event its attendee attends', () => {
    expect(messages(placement(data, 'usa-jpn', '2017-11-10T13:00', 'b1'))).toEqual([
      'person-overlap: usa-potus in usa-jpn (10 Nov 13:00–13:30) and programme ceo-summit-address-usa (10 Nov 12:30–13:30)',
    ]);
  });
  it('rejects a meeting during a busy block', () => {
    expect(messages(placement(data, 'usa-jpn', '2017-11-10T09:30', 'b1'))).toEqual([
      'person-overlap: usa-potus in usa-jpn (10 Nov 09:30–10:00) and busy staff-time (10 Nov 09:00–10:00)',
    ]);
  });
  it('rejects two meetings of one person at once, in different rooms', () => {
    const v = checkPlan(data, [
      placement(data, 'usa-jpn', '2017-11-10T08:00', 'b1'),
      placement(data, 'usa-chn', '2017-11-10T08:15', 'b2'),
    ]).violations;
    expect(v).toEqual([
      {
        rule: 'person-overlap',
        requests: ['usa-jpn', 'usa-chn'],
        person: 'usa-potus',
        message: 'person-overlap: usa-potus in usa-jpn (10 Nov 08:00–08:30) and usa-chn (10 Nov 08:15–08:45)',
      },
    ]);
  });
  it("rejects a meeting during the principals' gala (attendees: principals)", () => {
    const v = checkPlan(data, [placement(data, 'jpn-chn', '2017-11-10T20:00', null)]).violations;
    expect(v.map((x) => `${x.rule} ${x.person}`)).toEqual([
      'person-overlap jpn-leader',
      'person-overlap chn-leader',
    ]);
  });

  it('accepts meetings of one person back to back with a programme event, when the buffer is kept', () => {
    expect(
      messages(
        placement(data, 'usa-jpn', '2017-11-10T11:50', 'b1'),
        placement(data, 'usa-chn', '2017-11-10T13:40', 'b2'),
      ),
    ).toEqual([]);
  });
});

describe('person-travel', () => {
  it('rejects too little time to travel between venues', () => {
    // usa-jpn ends 12:00 at ariyana; the pull-aside at icdn needs 30 travel + 10 buffer.
    expect(
      messages(
        placement(data, 'usa-jpn', '2017-11-10T11:30', 'b1'),
        placement(data, 'jpn-chn', '2017-11-10T12:30', null),
      ),
    ).toEqual([
      'person-travel: jpn-leader has 30 min from usa-jpn (10 Nov 11:30–12:00 at ariyana) to jpn-chn (10 Nov 12:30–13:00 at icdn); needs 30 travel + 10 buffer',
    ]);
  });
  it('rejects less than the buffer next to a busy block without a venue', () => {
    expect(messages(placement(data, 'usa-jpn', '2017-11-10T10:00', 'i1'))).toEqual([
      'person-travel: usa-potus has 0 min from busy staff-time (10 Nov 09:00–10:00 at no venue) to usa-jpn (10 Nov 10:00–10:30 at icdn); needs 0 travel + 10 buffer',
    ]);
  });
  it('rejects less than the buffer between two meetings at one venue', () => {
    expect(
      messages(
        placement(data, 'usa-jpn', '2017-11-10T10:30', 'b1'),
        placement(data, 'usa-chn', '2017-11-10T11:05', 'b2'),
      ),
    ).toEqual([
      'person-travel: usa-potus has 5 min from usa-jpn (10 Nov 10:30–11:00 at ariyana) to usa-chn (10 Nov 11:05–11:35 at ariyana); needs 0 travel + 10 buffer',
    ]);
  });
  it('accepts exactly the travel plus the buffer, and the buffer alone at one venue', () => {
    expect(
      messages(
        placement(data, 'usa-chn', '2017-11-10T10:10', 'b2'),
        placement(data, 'usa-jpn', '2017-11-10T11:30', 'b1'),
        placement(data, 'jpn-chn', '2017-11-10T12:40', null),
      ),
    ).toEqual([]);
    expect(
      messages(
        placement(data, 'usa-jpn', '2017-11-10T10:30', 'b1'),
        placement(data, 'usa-chn', '2017-11-10T11:10', 'b2'),
      ),
    ).toEqual([]);
  });
});
