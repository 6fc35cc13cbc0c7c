// Bump with notice: a meeting moved or taken off by the host, the planner or a change of presence
// tells its parties why, in words they may see, and offers them the engine's best slot for it, taken
// in one step; inside the summit's notice period only a host admin moves a meeting, saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { ConflictError, ForbiddenError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { persons } from '../../../src/app/logistics/specs.js';
import { takeAlternative } from '../../../src/app/meetings/alternative.js';
import { placeMeeting, unplaceMeeting } from '../../../src/app/meetings/place.js';
import { acceptPlan, proposePlan } from '../../../src/app/planning/plan.js';
import { currentPlan, suggestSlots } from '../../../src/app/planning/suggest.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { changeSummit, getSummit } from '../../../src/app/summit/summits.js';
import { loadSummitData } from '../../../src/app/summit/load.js';
import type { Meeting } from '../../../src/domain/meeting/schema.js';
import { insideNoticePeriod } from '../../../src/domain/meeting/notice-period.js';
import { PLACEABLE_STATES } from '../../../src/engine/model/compile.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const usaPo = delegate(S, 'usa', 'protocol-officer');
const usaViewer = delegate(S, 'usa', 'viewer');
const pngLead = delegate(S, 'png', 'delegation-lead');
const nzlPo = delegate(S, 'nzl', 'protocol-officer');
const chnPo = delegate(S, 'chn', 'protocol-officer');
const hostStaff = host(S, 'host-staff');
const hostAdmin = host(S, 'host-admin');

/** The rejection a promise ends in. */
async function refusalOf(promise: Promise<unknown>): Promise<ConflictError> {
  const error = await promise.then(
    () => new Error('it was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describe.each(BACKENDS)('bumps with notice, on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    // Thursday 9 November, 07:00 in Da Nang: the meetings of 10 and 11 November are ahead
    ctx = testContext(t.store, '2017-11-09T00:00:00.000Z');
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const meetingOf = async (request: string): Promise<Meeting> =>
    (await t.store.read((tx) => tx.meetings.get(S, request)))!;

  it('tells the parties why the host moved a meeting, and offers them a slot they take in one step', async () => {
    const before = await meetingOf('png-usa');
    const [elsewhere] = await suggestSlots(ctx, hostStaff, S, 'png-usa', { k: 3 });
    const moved = await placeMeeting(
      ctx,
      hostStaff,
      S,
      'png-usa',
      {
        start: elsewhere!.start,
        room: elsewhere!.room,
        reason: 'The room is needed for the leaders’ retreat',
      },
      { expectedVersion: before.version },
    );
    const view = await getRequest(ctx, usaPo, S, 'png-usa');
    const bump = view.notices.bumped!;
    expect(bump).toMatchObject({
      cause: 'host',
      moved: true,
      previous: { start: before.start, end: before.end, room: before.room },
    });
    expect(bump.reason).toBe('The host moved it (“The room is needed for the leaders’ retreat”).');
    expect(bump.alternative, 'an alternative is offered').not.toBeNull();
    // neither where the host put it nor where it was
    expect(bump.alternative!.start === moved.start && bump.alternative!.room === moved.room).toBe(false);
    expect(bump.alternative!.start === before.start && bump.alternative!.room === before.room).toBe(false);
    const event = (await readEventLog(ctx, pngLead, S, { limit: 1000 })).find(
      (e) => e.type === 'meeting.moved' && e.payload.request === 'png-usa',
    );
    expect(event?.payload).toMatchObject({
      reason: { cause: 'host', text: bump.reason },
      alternative: bump.alternative,
    });

    // a viewer may not take it; a protocol officer takes it as offered, once
    await expect(takeAlternative(ctx, usaViewer, S, 'png-usa', bump.alternative!)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const other = { start: elsewhere!.start, room: elsewhere!.room };
    expect((await refusalOf(takeAlternative(ctx, usaPo, S, 'png-usa', other))).code).toBe(
      'alternative-changed',
    );
    const taken = await takeAlternative(ctx, usaPo, S, 'png-usa', bump.alternative!);
    expect({ start: taken.start, room: taken.room }).toEqual({
      start: bump.alternative!.start,
      room: bump.alternative!.room,
    });
    expect((await getRequest(ctx, usaPo, S, 'png-usa')).notices.bumped).toBeNull();
    expect((await refusalOf(takeAlternative(ctx, usaPo, S, 'png-usa', bump.alternative!))).code).toBe(
      'no-alternative',
    );
  });

  it('takes a meeting off when an attendee’s presence no longer covers it, and says so', async () => {
    const before = await meetingOf('nzl-chn');
    const pm = await persons.get(ctx, nzlPo, S, 'nzl-pm');
    const { version, ...record } = pm;
    // Ms Ardern leaves at noon on Saturday, before nzl-chn at 15:30
    const presence = [{ from: '2017-11-08T00:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];
    await persons.change(ctx, nzlPo, S, 'nzl-pm', { ...record, presence }, version);
    expect(await meetingOf('nzl-chn')).toBeUndefined();
    const view = await getRequest(ctx, chnPo, S, 'nzl-chn');
    expect(view.request.status).toBe('agreed');
    expect(view.notices.bumped).toMatchObject({
      cause: 'presence',
      moved: false,
      rule: 'presence',
      previous: { start: before.start, room: before.room },
    });
    expect(view.notices.bumped!.reason).toMatch(/^A change of presence took it off the calendar: .*nzl-pm/);
    const removed = (await readEventLog(ctx, chnPo, S, { limit: 1000 })).find(
      (e) => e.type === 'meeting.removed' && e.payload.request === 'nzl-chn',
    );
    expect(removed?.payload).toMatchObject({
      by: 'presence',
      reason: { cause: 'presence', rule: 'presence' },
    });
    // the slot offered lies where Ms Ardern still is
    const offered = view.notices.bumped!.alternative;
    if (offered) expect(Date.parse(offered.end)).toBeLessThanOrEqual(Date.parse('2017-11-11T05:00:00.000Z'));
  });

  it('keeps meetings inside the notice period for a host admin who says why', async () => {
    const summit = await getSummit(ctx, hostAdmin, S);
    const { version, ...settings } = summit;
    // 36 hours from Thursday 07:00: every meeting of Friday 10 November lies inside it
    await changeSummit(
      ctx,
      hostAdmin,
      S,
      { ...settings, planning: { ...settings.planning, freezeHours: 36 } },
      version,
    );
    const kor = await meetingOf('kor-rus');
    const [elsewhere] = await suggestSlots(ctx, hostAdmin, S, 'kor-rus', { k: 1 });
    const slot = { start: elsewhere!.start, room: elsewhere!.room };
    const staff = await refusalOf(
      placeMeeting(ctx, hostStaff, S, 'kor-rus', slot, { expectedVersion: kor.version }),
    );
    expect(staff.code).toBe('notice-period');
    expect(staff.message).toMatch(/notice period \(36 hours\): only a host admin/);
    const silent = await refusalOf(
      placeMeeting(ctx, hostAdmin, S, 'kor-rus', slot, { expectedVersion: kor.version }),
    );
    expect(silent.code).toBe('reason-required');
    expect(
      (await refusalOf(unplaceMeeting(ctx, hostStaff, S, 'usa-jpn-kor', { expectedVersion: 1 }))).code,
    ).toBe('notice-period');
    expect(await meetingOf('kor-rus')).toEqual(kor);

    await placeMeeting(
      ctx,
      hostAdmin,
      S,
      'kor-rus',
      { ...slot, reason: 'President Moon’s arrival slipped' },
      { expectedVersion: kor.version },
    );
    const bump = (await getRequest(ctx, delegate(S, 'rus', 'viewer'), S, 'kor-rus')).notices.bumped!;
    expect(bump.reason).toBe('The host moved it (“President Moon’s arrival slipped”).');

    // a plan may not move or leave off a meeting inside the period either
    const data = await t.store.read((tx) => loadSummitData(tx, S));
    const plan = currentPlan(data);
    const without = { ...plan, meetings: plan.meetings.filter((m) => m.request !== 'usa-jpn-kor') };
    const refused = await refusalOf(acceptPlan(ctx, hostAdmin, S, without));
    expect(refused.details.conflicts).toContainEqual(
      expect.objectContaining({ request: 'usa-jpn-kor', rule: 'fixed-meetings-kept' }),
    );
    expect(refused.message).toMatch(/notice period of 36 hours/);
  });
  it('plans around the notice period: a run may not shorten it, and the plan it makes can be accepted', async () => {
    // the period of 36 hours set above still holds: every meeting of Friday 10 November lies inside it
    const before = await t.store.read((tx) => loadSummitData(tx, S));
    const summit = before.summit;
    expect(summit.planning.freezeHours).toBe(36);
    const placeable = new Set(
      before.requests.filter((r) => PLACEABLE_STATES.has(r.status)).map((r) => r.id as string),
    );
    const inside = before.meetings.filter(
      (m) => placeable.has(m.request) && insideNoticePeriod(summit, m.start, ctx.now()),
    );
    expect(inside.length).toBeGreaterThan(0);
    for (const schedule of [{ mode: 're-optimise' as const }, { freezeHours: 0 }]) {
      const { plan } = await proposePlan(ctx, hostAdmin, S, { timeLimitMs: 1_500, schedule });
      expect(plan.policy?.freezeHours).toBe(36);
      const planned = new Map(plan.meetings.map((p) => [p.request as string, p]));
      for (const m of inside) {
        expect(planned.get(m.request), m.request).toMatchObject({ start: m.start, room: m.room });
      }
    }
    const { plan } = await proposePlan(ctx, hostAdmin, S, {
      timeLimitMs: 1_500,
      schedule: { mode: 're-optimise' },
    });
    await acceptPlan(ctx, hostAdmin, S, plan);
    for (const m of inside)
      expect(await meetingOf(m.request)).toMatchObject({ start: m.start, room: m.room });
  });
});
