// Explanations with summit practice (rules 5–8): an unplaced request names the quota, the busy
// interpreters, the missing or taken room features, or the room turnover, in a protocol officer's words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from '../../../src/engine/solve.js';
import { checkPlan } from '../../../src/engine/check/check-plan.js';
import { suggest } from '../../../src/engine/suggest.js';
import { whatIf } from '../../../src/engine/what-if.js';
import { describeBlocker } from '../../../src/engine/explain/describe.js';
import { namesOf } from '../../../src/engine/explain/explain.js';
import { compileModel } from '../../../src/engine/model/compile.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Plan } from '../../../src/engine/result.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import { SummitBuilder } from '../test-support/builder.js';
import { summitDataArbitrary } from '../check/arbitrary.js';
import { withPractice } from '../check/arbitrary-practice.js';
import { withExistingMeetings } from '../check/arbitrary-meetings.js';

const ZONE = 'Asia/Ho_Chi_Minh';

/** The phrases naming why `request` is not on the plan. */
function phrases(data: SummitData, plan: Plan, request: string): string[] {
  const u = plan.unscheduled.find((x) => x.request === request);
  if (!u) throw new Error(`${request} was placed`);
  const names = namesOf(compileModel(data));
  return u.blockers.map((b) => describeBlocker(b, names));
}

const base = () =>
  new SummitBuilder({ zone: ZONE, days: ['2017-11-10', '2017-11-10'], dayWindow: ['14:00', '16:00'] })
    .venue('ariyana', 'Ariyana')
    .delegation('usa')
    .delegation('jpn')
    .delegation('chn')
    .delegation('kor');

describe('explanations of summit practice', () => {
  it('names the quota: "quota: usa has 2 meetings on 10 Nov (limit 2)"', () => {
    const data = new SummitBuilder({
      zone: ZONE,
      days: ['2017-11-10', '2017-11-10'],
      dayWindow: ['14:00', '18:00'],
      quotas: [{ delegation: 'usa' as DelegationId, per: 'day', meetings: 2, minutes: null, as: 'party' }],
    })
      .venue('ariyana')
      .room('ariyana-b1', { venue: 'ariyana' })
      .delegation('usa', { members: ['usa-sos', 'usa-nsa'] })
      .delegation('jpn')
      .delegation('chn')
      .delegation('kor')
      .request('usa-jpn', { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'], priority: 5 })
      .request('usa-chn', { from: 'usa', to: ['chn'], attendees: ['usa-sos', 'chn-p'], priority: 4 })
      .request('usa-kor', { from: 'usa', to: ['kor'], attendees: ['usa-nsa', 'kor-p'], priority: 1 })
      .build();
    const plan = solve(data, { maxIterations: 200 });
    expect(plan.meetings.map((m) => m.request).sort()).toEqual(['usa-chn', 'usa-jpn']);
    expect(phrases(data, plan, 'usa-kor')).toEqual(['quota: usa has 2 meetings on 10 Nov (limit 2)']);
    expect(plan.unscheduled.find((u) => u.request === 'usa-kor')?.reason).toBe('displaced');
  });

  it('names the interpreters and the meetings that need them', () => {
    // Everyone else speaks English; each meeting with Russia needs a Russian interpreter, and Russia brings two.
    const b = new SummitBuilder({
      zone: ZONE,
      days: ['2017-11-10', '2017-11-10'],
      dayWindow: ['14:00', '16:00'],
    })
      .venue('ariyana', 'Ariyana')
      .room('ariyana-b1', { venue: 'ariyana' })
      .room('ariyana-b2', { venue: 'ariyana' })
      .room('ariyana-b3', { venue: 'ariyana' })
      .delegation('rus', { members: ['rus-fm', 'rus-dm'], languages: ['ru'], interpreters: 2 });
    for (const d of ['jpn', 'chn', 'kor']) b.delegation(d, { languages: ['en'] });
    const request = (id: string, attendees: string[], priority: number) =>
      b.request(id, {
        from: 'rus',
        to: [id.split('-')[1]!],
        attendees,
        priority,
        allowed: [['2017-11-10T15:00', '2017-11-10T15:30']],
      });
    request('rus-jpn', ['rus-p', 'jpn-p'], 5);
    request('rus-chn', ['rus-fm', 'chn-p'], 4);
    request('rus-kor', ['rus-dm', 'kor-p'], 1);
    const data = b.build();
    const plan = solve(data, { maxIterations: 200 });
    expect(checkPlan(data, plan.meetings).violations).toEqual([]);
    expect(phrases(data, plan, 'rus-kor')).toEqual([
      'outside the allowed windows',
      'rus interpreters (2) busy 10 Nov 15:00–15:30 in rus-jpn and rus-chn',
    ]);
    const answer = whatIf(data, plan, 'rus-kor', plan.unscheduled[0]!.blockers[1]!);
    expect(answer.assumption).toBe('rus brings one more interpreter');
    expect(answer.slot?.start).toBe(data.requests[2]!.allowed![0]!.from);
  });

  it('names the features no room has, and the rooms with them taken', () => {
    const none = base()
      .room('ariyana-b1', { venue: 'ariyana', features: ['flags'] })
      .request('usa-jpn', {
        from: 'usa',
        to: ['jpn'],
        attendees: ['usa-p', 'jpn-p'],
        needs: ['flags', 'press'],
      })
      .build();
    expect(phrases(none, solve(none, { maxIterations: 50 }), 'usa-jpn')).toEqual([
      'no room with flags and press',
    ]);
    const taken = base()
      .room('ariyana-b1', { venue: 'ariyana', features: ['flags', 'press'] })
      .room('ariyana-b2', { venue: 'ariyana' })
      .request('usa-jpn', {
        from: 'usa',
        to: ['jpn'],
        minutes: 120,
        priority: 5,
        needs: ['flags', 'press'],
        attendees: ['usa-p', 'jpn-p'],
      })
      .request('chn-kor', {
        from: 'chn',
        to: ['kor'],
        minutes: 60,
        priority: 1,
        needs: ['press'],
        attendees: ['chn-p', 'kor-p'],
      })
      .build();
    const plan = solve(taken, { maxIterations: 200 });
    expect(phrases(taken, plan, 'chn-kor')).toEqual(['no Ariyana room with press free 10 Nov 14:00–16:00']);
  });

  it('names the room turnover: "room turnover: ariyana-b1 frees at 10 Nov 15:15"', () => {
    const data = new SummitBuilder({
      zone: ZONE,
      days: ['2017-11-10', '2017-11-10'],
      dayWindow: ['14:00', '17:00'],
      turnover: 15,
    })
      .venue('ariyana')
      .room('ariyana-b1', { venue: 'ariyana' })
      .delegation('usa')
      .delegation('jpn')
      .delegation('chn')
      .delegation('kor')
      .request('usa-jpn', { from: 'usa', to: ['jpn'], attendees: ['usa-p', 'jpn-p'], minutes: 60 })
      .meeting('usa-jpn', '2017-11-10T14:00', 'ariyana-b1', { pinned: true })
      .request('chn-kor', {
        from: 'chn',
        to: ['kor'],
        attendees: ['chn-p', 'kor-p'],
        allowed: [['2017-11-10T15:00', '2017-11-10T15:30']],
      })
      .build();
    const plan = solve(data, { maxIterations: 50 });
    expect(phrases(data, plan, 'chn-kor')).toEqual([
      'outside the allowed windows',
      'room turnover: ariyana-b1 frees at 10 Nov 15:15',
    ]);
    const answer = whatIf(data, plan, 'chn-kor', plan.unscheduled[0]!.blockers[1]!);
    expect(answer.assumption).toBe('rooms need no turnover between meetings');
    expect(answer.slot?.start).toBe(data.requests[1]!.allowed![0]!.from);
  });

  it('explains every request it leaves out on random summits, and suggests only slots the checker accepts', () => {
    const small = summitDataArbitrary({
      maxRequests: 12,
      maxRooms: 3,
      maxDays: 2,
      maxDelegations: 5,
      meetings: false,
    })
      .chain(withPractice)
      .chain(withExistingMeetings);
    fc.assert(
      fc.property(small, (data) => {
        const plan = solve(data, { maxIterations: 200 });
        for (const u of plan.unscheduled) {
          if (u.reason !== 'no-slot' && u.reason !== 'displaced') continue;
          expect(u.blockers.length).toBeGreaterThan(0);
          for (const s of suggest(data, plan, u.request, 3)) {
            const placement = { request: u.request, start: s.start, end: s.end, room: s.room };
            expect(checkPlan(data, [...plan.meetings, placement]).violations).toEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
