// Each hard rule of summit-file.md as the engine applies it: one small summit per rule, asserting
// exactly where the rule puts a meeting or why it leaves one out.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { SummitBuilder } from './test-support/builder.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { formatSummitTime } from '../../src/domain/time.js';
import type { Plan } from '../../src/engine/result.js';
import type { SummitData } from '../../src/domain/summit/data.js';

/** Two leaders, one room; a 09:00–13:00 day on 6 May 2030 (UTC). */
function base(o: ConstructorParameters<typeof SummitBuilder>[0] = {}): SummitBuilder {
  return new SummitBuilder(o)
    .venue('hall', 'Hall')
    .room('r1', { venue: 'hall', capacity: 10 })
    .delegation('usa')
    .delegation('jpn');
}

const usaJpn = { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'] };

function run(data: SummitData): Plan {
  const plan = solve(data, { maxIterations: 300 });
  expect(checkPlan(data, plan.meetings).violations).toEqual([]);
  return plan;
}

/** "q 10:00 r1" for each meeting, in local time. */
function placed(data: SummitData, plan: Plan): string[] {
  return plan.meetings.map(
    (m) => `${m.request} ${formatSummitTime(m.start, data.summit.timezone).slice(11)} ${m.room ?? '-'}`,
  );
}

describe('hard rules', () => {
  it('places only agreed, scheduled or confirmed requests', () => {
    const data = base()
      .request('a', { ...usaJpn, status: 'agreed' })
      .request('b', { ...usaJpn, status: 'under-consideration' })
      .request('c', { ...usaJpn, status: 'scheduled' })
      .build();
    const plan = run(data);
    expect(plan.meetings.map((m) => m.request).sort()).toEqual(['a', 'c']);
    expect(plan.unscheduled.map((u) => [u.request, u.reason])).toEqual([['b', 'under-consideration']]);
  });

  it('starts on the grid counted from the day window', () => {
    const data = base({ dayWindow: ['09:10', '10:10'], grain: 20 })
      .request('a', { ...usaJpn, minutes: 40 })
      .build();
    expect(placed(data, run(data))).toEqual(['a 09:10 r1']);
  });

  it('keeps a meeting inside one day window: too long is no slot', () => {
    const data = base({ dayWindow: ['09:00', '10:00'] })
      .request('a', { ...usaJpn, minutes: 90 })
      .build();
    const plan = run(data);
    expect(plan.unscheduled[0]).toMatchObject({ reason: 'no-slot' });
    expect(plan.unscheduled[0]!.detail).toContain('90 min is longer than the day window');
  });

  it('keeps a meeting inside its allowed windows', () => {
    const data = base()
      .request('a', { ...usaJpn, allowed: [['2030-05-06T11:30', '2030-05-06T12:00']] })
      .build();
    expect(placed(data, run(data))).toEqual(['a 11:30 r1']);
  });

  it('keeps a meeting inside every attendee’s presence', () => {
    const data = base()
      .presence('jpn-p', [['2030-05-06T12:00', '2030-05-06T18:00']])
      .request('a', { ...usaJpn, minutes: 60 })
      .build();
    expect(placed(data, run(data))).toEqual(['a 12:00 r1']);
  });

  it('keeps attendees out of programme events they attend (principals) and their busy blocks', () => {
    const data = base()
      .event('plenary', { from: '2030-05-06T09:00', to: '2030-05-06T11:00', attendees: 'principals' })
      .busy('b1', 'jpn-p', '2030-05-06T11:00', '2030-05-06T12:00')
      .request('a', { ...usaJpn, minutes: 60 })
      .build();
    expect(placed(data, run(data))).toEqual(['a 12:00 r1']);
  });

  it('leaves travel plus buffer between engagements at different venues', () => {
    const data = new SummitBuilder({ buffer: 5 })
      .venue('a')
      .venue('b')
      .travel('a', 'b', 30)
      .room('rb', { venue: 'b' })
      .delegation('usa')
      .delegation('jpn')
      .event('talk', { from: '2030-05-06T09:00', to: '2030-05-06T10:00', attendees: ['usa-p'], venue: 'a' })
      .request('q', { ...usaJpn, minutes: 30, allowed: [['2030-05-06T10:00', '2030-05-06T11:15']] })
      .build();
    // 10:00 + 30 travel + 5 buffer = 10:35: 10:30 is too early, the next grid start 10:45 fits.
    expect(placed(data, run(data))).toEqual(['q 10:45 rb']);
  });

  it('chooses a room with enough seats, at the required venue', () => {
    const data = new SummitBuilder()
      .venue('hall')
      .venue('hotel')
      .room('small', { venue: 'hall', capacity: 4 })
      .room('big', { venue: 'hall', capacity: 20 })
      .room('hotel-big', { venue: 'hotel', capacity: 30 })
      .delegation('usa')
      .delegation('jpn')
      .request('q', { ...usaJpn, seats: 12, venue: 'hall' })
      .build();
    expect(placed(data, run(data))).toEqual(['q 09:00 big']);
  });

  it('gives a lent room only to requests with that delegation as a party', () => {
    const data = base()
      .delegation('chn')
      .room('usa-room', { venue: 'hall', delegation: 'usa' })
      .request('a', { ...usaJpn, minutes: 240, priority: 5 })
      .request('b', { from: 'chn', to: ['jpn'], attendees: ['chn-p'], minutes: 240 })
      .request('c', { from: 'chn', to: ['usa'], attendees: ['chn-p'], minutes: 60, priority: 1 })
      .build();
    const plan = run(data);
    // a takes the lent room (only usa may use it), b the open room; c finds chn-p busy.
    expect(placed(data, plan).sort()).toEqual(['a 09:00 usa-room', 'b 09:00 r1']);
  });

  it('holds one meeting at a time in a room, within its available windows', () => {
    const data = base()
      .delegation('chn')
      .delegation('kor')
      .room('r1b', { venue: 'hall', available: [['2030-05-06T12:00', '2030-05-06T13:00']] })
      .request('a', { ...usaJpn, minutes: 240, priority: 4 })
      .request('b', { from: 'chn', to: ['kor'], attendees: ['chn-p', 'kor-p'], minutes: 60, priority: 2 })
      .build();
    const plan = run(data);
    expect(placed(data, plan).sort()).toEqual(['a 09:00 r1', 'b 12:00 r1b']);
  });

  it('places a pull-aside without a room, with travel from its venue', () => {
    const data = new SummitBuilder()
      .venue('a')
      .venue('b')
      .travel('a', 'b', 45)
      .delegation('usa')
      .delegation('jpn')
      .event('talk', { from: '2030-05-06T09:00', to: '2030-05-06T10:00', attendees: ['usa-p'], venue: 'a' })
      .request('pa', {
        ...usaJpn,
        format: 'pull-aside',
        minutes: 15,
        venue: 'b',
        allowed: [['2030-05-06T10:00', '2030-05-06T11:00']],
      })
      .build();
    expect(placed(data, run(data))).toEqual(['pa 10:45 -']);
  });

  it('keeps confirmed and pinned meetings at their start and room, even when others lose out', () => {
    const data = base()
      .delegation('chn')
      .request('pinned', { ...usaJpn, minutes: 60, priority: 1 })
      .request('confirmed', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-p', 'chn-p'],
        status: 'confirmed',
        priority: 1,
      })
      .request('big', { ...usaJpn, minutes: 240, priority: 5 })
      .meeting('pinned', '2030-05-06T10:00', 'r1', { pinned: true })
      .meeting('confirmed', '2030-05-06T12:00', 'r1')
      .build();
    const plan = run(data);
    expect(placed(data, plan)).toEqual(['pinned 10:00 r1', 'confirmed 12:00 r1']);
    expect(plan.unscheduled.map((u) => u.request)).toEqual(['big']);
  });

  it('prefers a start inside a preferred window, and leaves existing meetings where they are', () => {
    const data = base()
      .delegation('chn')
      .request('p', { ...usaJpn, preferred: [['2030-05-06T11:00', '2030-05-06T12:00']] })
      .request('e', { from: 'chn', to: ['jpn'], attendees: ['chn-p'], status: 'scheduled' })
      .meeting('e', '2030-05-06T09:30', 'r1')
      .build();
    const plan = run(data);
    expect(placed(data, plan).sort()).toEqual(['e 09:30 r1', 'p 11:00 r1']);
    expect(plan.objective).toEqual({ weight: 6, preferred: 1, moved: 0 });
    expect(plan.moved).toEqual([]);
  });
});
