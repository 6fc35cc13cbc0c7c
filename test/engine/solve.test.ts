import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { SummitBuilder } from './test-support/builder.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';

function twoLeaders(): SummitBuilder {
  return new SummitBuilder({ dayWindow: ['09:00', '11:00'] })
    .venue('hall')
    .room('r1', { venue: 'hall', capacity: 4 })
    .delegation('usa')
    .delegation('jpn')
    .delegation('chn');
}

describe('solve', () => {
  it('places agreed requests without clashes and leaves others with their state', () => {
    const data = twoLeaders()
      .request('usa-jpn', {
        from: 'usa',
        to: ['jpn'],
        attendees: ['usa-p', 'jpn-p'],
        minutes: 60,
        priority: 5,
      })
      .request('usa-chn', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-p', 'chn-p'],
        minutes: 60,
        priority: 4,
      })
      .request('jpn-chn', { from: 'jpn', to: ['chn'], attendees: ['jpn-p', 'chn-p'], status: 'requested' })
      .build();
    const plan = solve(data, { maxIterations: 200 });
    expect(plan.meetings.map((m) => m.request).sort()).toEqual(['usa-chn', 'usa-jpn']);
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
    expect(plan.objective).toEqual({ weight: 9, preferred: 0, moved: 0 });
    expect(plan.unscheduled).toEqual([expect.objectContaining({ request: 'jpn-chn', reason: 'requested' })]);
    expect(plan.bound).toBe(9);
  });

  it('leaves the lower priority out when only one fits, and names what blocks it', () => {
    const data = twoLeaders()
      .request('usa-jpn', {
        from: 'usa',
        to: ['jpn'],
        attendees: ['usa-p', 'jpn-p'],
        minutes: 120,
        priority: 5,
      })
      .request('usa-chn', {
        from: 'usa',
        to: ['chn'],
        attendees: ['usa-p', 'chn-p'],
        minutes: 60,
        priority: 2,
      })
      .build();
    const plan = solve(data, { maxIterations: 200 });
    expect(plan.meetings.map((m) => m.request)).toEqual(['usa-jpn']);
    expect(plan.bound).toBe(5);
    const [u] = plan.unscheduled;
    expect(u?.reason).toBe('displaced');
    expect(u?.detail).toContain('usa-p: meeting usa-jpn 6 May 09:00–11:00');
  });

  it('moves an existing meeting when that makes room for one more request', () => {
    // usa-p is free 09:00–12:00; the existing meeting at 09:30 leaves room for only one more hour.
    const data = twoLeaders()
      .venue('annex')
      .room('r2', { venue: 'annex' })
      .room('r3', { venue: 'annex' })
      .request('old', {
        from: 'usa',
        to: ['jpn'],
        attendees: ['usa-p', 'jpn-p'],
        minutes: 60,
        status: 'scheduled',
      })
      .request('a', { from: 'usa', to: ['chn'], attendees: ['usa-p', 'chn-p'], minutes: 60 })
      .request('b', { from: 'usa', to: ['chn'], attendees: ['usa-p'], minutes: 60 })
      .meeting('old', '2030-05-06T09:30', 'r1')
      .build();
    data.summit.dayWindow = { from: '09:00', to: '12:00' };
    data.summit.grainMinutes = 30;
    const plan = solve(data, { maxIterations: 300 });
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
    expect(plan.meetings).toHaveLength(3);
    expect(plan.objective).toEqual({ weight: 9, preferred: 0, moved: 1 });
    expect(plan.moved).toEqual(['old']);
  });
});
