// Rules 9 and 10 of summit-file.md in the engine: how many existing meetings may move, which are
// frozen, and what each move made room for.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import type { MovePolicy } from '../../src/engine/policy.js';
import type { Plan } from '../../src/engine/result.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import { SummitBuilder } from './test-support/builder.js';

/**
 * One morning, two rooms. usa-p meets chn-p 09:00–10:00 and jpn-p meets kor-p 10:00–11:00 (both
 * existing, unpinned). The new top-priority usa-jpn may only start before 11:00 and lasts an hour,
 * so one of the two existing meetings has to move (to 11:00 or later) to make room for it.
 */
function morning(o: { korArrives?: string } = {}): SummitBuilder {
  const b = new SummitBuilder({ dayWindow: ['09:00', '13:00'] })
    .venue('hall')
    .room('r1', { venue: 'hall' })
    .room('r2', { venue: 'hall' });
  for (const d of ['usa', 'jpn', 'chn', 'kor']) b.delegation(d);
  if (o.korArrives) b.presence('kor-p', [[o.korArrives, '2030-05-06T13:00']]);
  return b
    .request('usa-chn', { from: 'usa', to: ['chn'], attendees: ['usa-p', 'chn-p'], minutes: 60, priority: 2 })
    .request('jpn-kor', { from: 'jpn', to: ['kor'], attendees: ['jpn-p', 'kor-p'], minutes: 60, priority: 2 })
    .request('usa-jpn', {
      from: 'usa',
      to: ['jpn'],
      attendees: ['usa-p', 'jpn-p'],
      minutes: 60,
      priority: 5,
      allowed: [['2030-05-06T09:00', '2030-05-06T11:00']],
    })
    .meeting('usa-chn', '2030-05-06T09:00', 'r1')
    .meeting('jpn-kor', '2030-05-06T10:00', 'r2');
}

function plan(data: SummitData, policy: MovePolicy): Plan {
  const p = solve(data, { maxIterations: 400, policy });
  // Every plan is judged by the independent checker under the same policy.
  expect(checkPlan(data, p.meetings, policy).violations).toEqual([]);
  return p;
}

const placed = (p: Plan) => p.meetings.map((m) => m.request).sort();

describe('planning.maxMoves', () => {
  it('moves no meeting that still fits when the limit is 0, and says what stays unplaced', () => {
    const p = plan(morning().build(), { maxMoves: 0 });
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn']);
    expect(p.moves).toEqual([]);
    expect(p.unscheduled.find((u) => u.request === 'usa-jpn')?.reason).toBe('displaced');
  });

  it('moves one meeting to make room within a limit of 1, naming the request it made room for', () => {
    const p = plan(morning().build(), { maxMoves: 1 });
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn', 'usa-jpn']);
    expect(p.moves).toHaveLength(1);
    expect(p.moves[0]).toMatchObject({ for: 'usa-jpn', fits: true });
    expect(p.moves[0]!.to).not.toBeNull();
    expect(p.policy.maxMoves).toBe(1);
  });

  it('repairs a meeting that no longer fits without counting it, even with a limit of 0', () => {
    // kor-p now arrives at 10:30: jpn-kor (10:00) breaks a rule where it is.
    const p = plan(morning({ korArrives: '2030-05-06T10:30' }).build(), { maxMoves: 0 });
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn', 'usa-jpn']);
    const move = p.moves.find((m) => m.request === 'jpn-kor');
    expect(move).toMatchObject({ fits: false });
    expect(p.moves.filter((m) => m.fits)).toEqual([]);
  });

  it('without a limit, the objective alone decides', () => {
    const p = plan(morning().build(), {});
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn', 'usa-jpn']);
    expect(p.policy).toEqual({ maxMoves: null, now: null, freezeHours: null });
  });
});

describe('planning.now and planning.freezeHours', () => {
  it('keeps meetings inside the freeze where they are, whatever moving them would gain', () => {
    const b = morning();
    const p = plan(b.build(), { now: b.at('2030-05-06T08:30'), freezeHours: 2 });
    // Both existing meetings start before 10:30: usa-jpn cannot be placed.
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn']);
    expect(p.moves).toEqual([]);
  });

  it('places nothing new before the moment of planning', () => {
    const b = morning();
    const p = plan(b.build(), { now: b.at('2030-05-06T11:00') });
    // The two existing meetings already started (frozen); usa-jpn's window has passed.
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn']);
    for (const m of p.meetings) {
      if (m.request !== 'usa-chn' && m.request !== 'jpn-kor')
        expect(m.start >= b.at('2030-05-06T11:00')).toBe(true);
    }
    const late = new SummitBuilder({ dayWindow: ['09:00', '13:00'] })
      .venue('hall')
      .room('r1', { venue: 'hall' })
      .delegation('usa')
      .delegation('jpn')
      .request('usa-jpn', { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'], minutes: 30 });
    const q = plan(late.build(), { now: late.at('2030-05-06T10:10') });
    expect(q.meetings[0]!.start).toBe(late.at('2030-05-06T10:15'));
  });

  it('leaves meetings after the freeze free to move', () => {
    const b = morning();
    const p = plan(b.build(), { now: b.at('2030-05-06T08:30'), freezeHours: 1 });
    // usa-chn (09:00) is frozen, jpn-kor (10:00) is not: it moves for usa-jpn.
    expect(placed(p)).toEqual(['jpn-kor', 'usa-chn', 'usa-jpn']);
    expect(p.moves.map((m) => m.request)).toEqual(['jpn-kor']);
  });
});
