// Suggestions and what-if questions against a plan, without re-planning.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { suggest, suggestEach, UnknownRequestError } from '../../src/engine/suggest.js';
import { whatIf } from '../../src/engine/what-if.js';
import { SummitBuilder } from './test-support/builder.js';

function summit(): SummitBuilder {
  return new SummitBuilder({ dayWindow: ['09:00', '12:00'], grain: 30 })
    .venue('hall', 'Hall')
    .room('r1', { venue: 'hall' })
    .delegation('usa')
    .delegation('jpn')
    .delegation('chn')
    .event('plenary', {
      title: 'Plenary',
      from: '2030-05-06T09:00',
      to: '2030-05-06T10:00',
      attendees: 'principals',
    })
    .request('usa-jpn', {
      from: 'usa',
      to: ['jpn'],
      attendees: ['usa-p', 'jpn-p'],
      minutes: 60,
      priority: 5,
      allowed: [['2030-05-06T10:00', '2030-05-06T11:00']],
    });
}

describe('suggest', () => {
  it('ranks the free slots: preferred first, then earlier, one room per start', () => {
    const data = summit()
      .request('usa-chn', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-p', 'chn-p'],
        minutes: 30,
        preferred: [['2030-05-06T11:30', '2030-05-06T12:00']],
      })
      .build();
    const plan = solve(data, { maxIterations: 50 });
    // usa-jpn holds usa-p 10:00–11:00; the plenary holds 09:00–10:00.
    const s = suggest(data, plan, 'usa-chn', 3);
    expect(s.map((x) => [x.start, x.room, x.preferred])).toEqual([
      ['2030-05-06T11:30:00.000Z', 'r1', true],
      ['2030-05-06T11:00:00.000Z', 'r1', false],
    ]);
  });

  it('refuses an unknown request', () => {
    const data = summit().build();
    expect(() => suggest(data, solve(data, { maxIterations: 10 }), 'nope')).toThrow(UnknownRequestError);
    expect(() => suggestEach(data, solve(data, { maxIterations: 10 }), ['usa-jpn', 'nope'])).toThrow(
      UnknownRequestError,
    );
  });

  it('offers several requests a slot each, never one person’s time or one room twice', () => {
    // two requests of the US president, each of 30 minutes, with one room: they cannot share a slot
    const data = summit()
      .request('usa-chn', { from: 'usa', to: ['chn'], attendees: ['usa-p', 'chn-p'], minutes: 30 })
      .request('usa-chn-2', { from: 'usa', to: ['chn'], attendees: ['usa-p', 'chn-p'], minutes: 30 })
      .build();
    const plan = solve(data, { maxIterations: 50 });
    const each = suggestEach(data, plan, ['usa-chn', 'usa-chn-2'], 1);
    const first = each.get('usa-chn')![0]!;
    const second = each.get('usa-chn-2')![0]!;
    // each alone would take the first free half hour; the second is offered the next
    expect(first.start).toBe(suggest(data, plan, 'usa-chn', 1)[0]!.start);
    expect(second.start).not.toBe(first.start);
    expect(Date.parse(second.start)).toBeGreaterThanOrEqual(Date.parse(first.end));
  });
});

describe('whatIf', () => {
  it('finds the slot a request would get if its blocker went away', () => {
    const data = summit()
      .request('jpn-chn', {
        from: 'jpn',
        to: ['chn'],
        attendees: ['jpn-p', 'chn-p'],
        minutes: 60,
        allowed: [['2030-05-06T09:00', '2030-05-06T11:00']],
      })
      .build();
    const plan = solve(data, { maxIterations: 100 });
    const u = plan.unscheduled.find((x) => x.request === 'jpn-chn')!;
    expect(u.reason).toBe('displaced');
    const plenary = u.blockers.find((b) => b.kind === 'programme' && b.person === 'jpn-p')!;
    const a = whatIf(data, plan, 'jpn-chn', plenary);
    // Without jpn-p in the plenary the 09:00 hour is still chn-p's plenary: that goes too, and the
    // explanation names it as well (lifting everything it names frees a slot).
    expect(a.also).toEqual([expect.objectContaining({ kind: 'programme', person: 'chn-p' })]);
    expect(u.blockers).toContainEqual(a.also[0]);
    expect(a.slot?.start).toBe('2030-05-06T09:00:00.000Z');
    expect(a.assumption).toBe('jpn-p skips Plenary; chn-p skips Plenary');
    const meeting = u.blockers.find((b) => b.kind === 'meeting')!;
    const b = whatIf(data, plan, 'jpn-chn', meeting);
    expect(b.also).toEqual([]);
    expect(b.slot?.start).toBe('2030-05-06T10:00:00.000Z');
    expect(b.displaces).toEqual(['usa-jpn']);
    expect(b.assumption).toBe('meeting usa-jpn moves');
  });
});
