// A request hidden from the planner is only time taken: its attendees busy, its room unavailable.
import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/engine/solve.js';
import { SummitBuilder } from '../../engine/test-support/builder.js';
import { SLUG } from '../../../src/domain/ids.js';
import { withHiddenAsOccupancy } from '../../../src/app/planning/occupancy.js';

/** UTC, 6 May 2030, 09:00–13:00; the US and Russia meet confidentially at 10:00 in b1. */
function summit(): SummitBuilder {
  return new SummitBuilder()
    .venue('hall')
    .room('b1', { venue: 'hall' })
    .room('b2', { venue: 'hall', available: [['2030-05-06T09:00', '2030-05-06T13:00']] })
    .delegation('usa', { principal: 'usa-p' })
    .delegation('rus', { principal: 'rus-p' })
    .delegation('chn', { principal: 'chn-p' })
    .request('usa-rus', {
      from: 'usa',
      to: ['rus'],
      attendees: ['usa-p', 'rus-p'],
      status: 'scheduled',
      priority: 5,
    })
    .meeting('usa-rus', '2030-05-06T10:00', 'b1')
    .request('usa-rus-old', { from: 'usa', to: ['rus'], attendees: ['usa-p', 'rus-p'], status: 'held' })
    .meeting('usa-rus-old', '2030-05-06T11:00', 'b2')
    .request('usa-chn', {
      from: 'usa',
      to: ['chn'],
      attendees: ['usa-p', 'chn-p'],
      minutes: 60,
      allowed: [['2030-05-06T09:30', '2030-05-06T11:30']],
    });
}

describe('withHiddenAsOccupancy', () => {
  const data = summit().build();
  const seen = withHiddenAsOccupancy(data, new Set(['usa-rus', 'usa-rus-old']));

  it('leaves the hidden requests and their meetings out', () => {
    expect(seen.requests.map((r) => r.id)).toEqual(['usa-chn']);
    expect(seen.meetings).toEqual([]);
  });

  it('keeps each attendee of a hidden meeting busy then, at its venue, with no label and no id a record can have', () => {
    const added = seen.busy.filter((b) => !data.busy.some((d) => d.id === b.id));
    expect(added.map(({ person, from, to, venue, label }) => ({ person, from, to, venue, label }))).toEqual(
      ['usa-p', 'rus-p'].map((person) => ({
        person,
        from: '2030-05-06T10:00:00.000Z',
        to: '2030-05-06T10:30:00.000Z',
        venue: 'hall',
        label: null,
      })),
    );
    for (const b of added) expect(b.id).not.toMatch(SLUG);
  });

  it('makes the room unavailable then; a held meeting blocks nothing, as for the engine', () => {
    const b1 = seen.rooms.find((r) => r.id === 'b1')!;
    expect(b1.available?.map((w) => [w.from, w.to])).toEqual([
      ['2030-05-05T09:00:00.000Z', '2030-05-06T10:00:00.000Z'],
      ['2030-05-06T10:30:00.000Z', '2030-05-07T13:00:00.000Z'],
    ]);
    expect(seen.rooms.find((r) => r.id === 'b2')).toEqual(data.rooms.find((r) => r.id === 'b2'));
  });

  it('lets a plan go around the hidden meeting without counting it', () => {
    const plan = solve(seen, { maxIterations: 100 });
    expect(plan.meetings.map((m) => m.request)).toEqual(['usa-chn']);
    expect(plan.objective.weight).toBe(3);
    const placed = plan.meetings[0]!;
    // usa-p is taken 10:00-10:30: the hour fits only from 10:30 on
    expect(Date.parse(placed.start)).toBeGreaterThanOrEqual(Date.parse('2030-05-06T10:30:00.000Z'));
    expect(JSON.stringify(plan)).not.toContain('usa-rus');
  });

  it('keeps the room turnover either side of a hidden meeting, as next to any other', () => {
    const b = summit().build();
    b.summit.roomTurnoverMinutes = 15;
    const b1 = withHiddenAsOccupancy(b, new Set(['usa-rus'])).rooms.find((r) => r.id === 'b1')!;
    expect(b1.available?.map((w) => [w.from, w.to])).toEqual([
      ['2030-05-05T09:00:00.000Z', '2030-05-06T09:45:00.000Z'],
      ['2030-05-06T10:45:00.000Z', '2030-05-07T13:00:00.000Z'],
    ]);
  });

  it('changes nothing when nothing is hidden', () => {
    expect(withHiddenAsOccupancy(data, new Set())).toBe(data);
  });
});
