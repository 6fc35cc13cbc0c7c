// Re-planning from a previous plan: what stays, what moves, and why.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { replan } from '../../src/engine/replan.js';
import { SummitBuilder } from './test-support/builder.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import type { Plan } from '../../src/engine/result.js';
import type { SummitData } from '../../src/domain/summit/data.js';

function summit(): SummitBuilder {
  const b = new SummitBuilder({ dayWindow: ['09:00', '13:00'] }).venue('hall');
  b.room('r1', { venue: 'hall' }).room('r2', { venue: 'hall' });
  for (const d of ['usa', 'jpn', 'chn', 'kor', 'fra', 'deu']) b.delegation(d);
  return b
    .request('usa-jpn', { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'], minutes: 60, priority: 3 })
    .request('chn-kor', { from: 'chn', to: ['kor'], attendees: ['chn-p', 'kor-p'], minutes: 60, priority: 3 })
    .request('fra-deu', { from: 'fra', to: ['deu'], attendees: ['fra-p', 'deu-p'], minutes: 60, priority: 2 })
    .request('usa-chn', {
      from: 'usa',
      to: ['chn'],
      attendees: ['usa-p', 'chn-p'],
      minutes: 60,
      priority: 2,
    });
}

function starts(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.meetings.map((m) => [m.request, `${m.start} ${m.room}`]));
}

function valid(data: SummitData, plan: Plan): void {
  expect(checkPlan(data, plan.meetings).violations).toEqual([]);
}

describe('replan', () => {
  it('places a new request without moving any meeting when a slot is free', () => {
    const data = summit().build();
    const first = solve(data, { maxIterations: 200 });
    const added = summit()
      .request('kor-fra', { from: 'kor', to: ['fra'], attendees: ['kor-p', 'fra-p'], minutes: 30 })
      .build();
    const next = replan(added, first);
    valid(added, next);
    expect(next.moved).toEqual([]);
    expect(next.meetings.map((m) => m.request)).toContain('kor-fra');
    const before = starts(first);
    for (const [id, at] of Object.entries(before)) expect(starts(next)[id]).toBe(at);
  });

  it('moves only the meeting a changed availability breaks', () => {
    const data = summit().build();
    const first = solve(data, { maxIterations: 200 });
    const fraDeu = first.meetings.find((m) => m.request === 'fra-deu')!;
    const local = fraDeu.start.slice(0, 16);
    // fra-p becomes busy exactly when fra-deu was planned.
    const end = new Date(Date.parse(fraDeu.end)).toISOString().slice(0, 16);
    const changed = summit().busy('press', 'fra-p', local, end).build();
    const next = replan(changed, first);
    valid(changed, next);
    expect(next.moved).toEqual(['fra-deu']);
    expect(next.meetings.map((m) => m.request).sort()).toEqual(first.meetings.map((m) => m.request).sort());
  });

  it('never moves pinned or confirmed meetings, and moves others only for more weight', () => {
    // One room, one hour: a new priority-5 request can only take the hour of the existing meeting.
    const base = () =>
      new SummitBuilder({ dayWindow: ['09:00', '10:00'] })
        .venue('hall')
        .room('r1', { venue: 'hall' })
        .delegation('usa')
        .delegation('jpn')
        .delegation('chn')
        .request('old', {
          from: 'usa',
          to: ['jpn'],
          attendees: ['usa-p', 'jpn-p'],
          minutes: 60,
          priority: 2,
        });
    const first = solve(base().build(), { maxIterations: 50 });
    expect(first.meetings.map((m) => m.request)).toEqual(['old']);

    const urgent = base()
      .request('new', { from: 'chn', to: ['jpn'], attendees: ['chn-p', 'jpn-p'], minutes: 60, priority: 5 })
      .build();
    const next = replan(urgent, first);
    valid(urgent, next);
    expect(next.meetings.map((m) => m.request)).toEqual(['new']);
    expect(next.objective.weight).toBe(5);

    const equal = base()
      .request('new', { from: 'chn', to: ['jpn'], attendees: ['chn-p', 'jpn-p'], minutes: 60, priority: 2 })
      .build();
    expect(replan(equal, first).meetings.map((m) => m.request)).toEqual(['old']);

    const pinned = base()
      .request('new', { from: 'chn', to: ['jpn'], attendees: ['chn-p', 'jpn-p'], minutes: 60, priority: 5 })
      .meeting('old', '2030-05-06T09:00', 'r1', { pinned: true })
      .build();
    const kept = replan(pinned, first);
    valid(pinned, kept);
    expect(kept.meetings.map((m) => m.request)).toEqual(['old']);
    expect(kept.unscheduled.find((u) => u.request === 'new')?.reason).toBe('displaced');
  });

  it('keeps a pinned meeting that a new busy block now clashes with, and says so', () => {
    const data = new SummitBuilder()
      .venue('hall')
      .room('r1', { venue: 'hall' })
      .delegation('usa')
      .delegation('jpn')
      .request('old', { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'], minutes: 60 })
      .meeting('old', '2030-05-06T09:00', 'r1', { pinned: true })
      .busy('press', 'usa-p', '2030-05-06T09:30', '2030-05-06T10:30', { label: 'Press' })
      .build();
    const plan = replan(data, solve(data, { maxIterations: 10 }));
    expect(plan.meetings.map((m) => m.request)).toEqual(['old']);
    expect(plan.warnings).toEqual([
      'pinned meeting old (6 May 09:00–10:00) clashes for usa-p with busy Press (6 May 09:30–10:30)',
    ]);
  });
});
