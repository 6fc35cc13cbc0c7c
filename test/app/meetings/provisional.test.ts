// A provisional meeting — kept on the calendar while its request is back with its parties for consent
// after an edit — is on the calendar for everything that guards the calendar: a change of presence
// takes it off (or, confirmed by every party, is refused unless forced), the confirmation deadline
// counts it, and a plan inside the notice period is not refused for planning around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { ConflictError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { persons } from '../../../src/app/logistics/specs.js';
import { confirmMeeting } from '../../../src/app/meetings/confirm.js';
import { listAwaitingConfirmation } from '../../../src/app/meetings/deadlines.js';
import { acceptPlan, proposePlan } from '../../../src/app/planning/plan.js';
import { editRequestTerms } from '../../../src/app/requests/edit.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { changeSummit, getSummit } from '../../../src/app/summit/summits.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const nzlPo = delegate(S, 'nzl', 'protocol-officer');
const chnPo = delegate(S, 'chn', 'protocol-officer');
const korPo = delegate(S, 'kor', 'protocol-officer');
const rusPo = delegate(S, 'rus', 'protocol-officer');
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

describe.each(BACKENDS)('provisional meetings on the calendar, on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    // Thursday 9 November, 07:00 in Da Nang: the meetings of 10 and 11 November are ahead
    ctx = testContext(t.store, '2017-11-09T00:00:00.000Z');
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  it('counts a provisional meeting among those awaiting confirmation, naming who has not confirmed', async () => {
    const { version, ...settings } = await getSummit(ctx, hostAdmin, S);
    await changeSummit(
      ctx,
      hostAdmin,
      S,
      { ...settings, confirmation: { at: '18:00', daysBefore: 1, lapse: 'keep' } },
      version,
    );
    // the demo's New Zealand edit sent nzl-chn back for China's consent, its meeting kept
    const view = await getRequest(ctx, chnPo, S, 'nzl-chn');
    expect(view.request.status).toBe('under-consideration');
    expect(view.meeting).not.toBeNull();
    const awaiting = await listAwaitingConfirmation(ctx, chnPo, S);
    expect(awaiting).toEqual([
      expect.objectContaining({ request: 'nzl-chn', start: view.meeting!.start, overdue: false }),
    ]);
    expect([...awaiting[0]!.missing].sort()).toEqual(['chn', 'nzl']);
  });

  it('takes a provisional meeting off when its attendee leaves before it; consent then leaves the request agreed, without a slot', async () => {
    const before = (await getRequest(ctx, chnPo, S, 'nzl-chn')).meeting!;
    const { version, ...record } = await persons.get(ctx, nzlPo, S, 'nzl-pm');
    // Ms Ardern leaves at noon on Saturday, before nzl-chn at 15:30
    const presence = [{ from: '2017-11-08T00:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];
    await persons.change(ctx, nzlPo, S, 'nzl-pm', { ...record, presence }, version);
    const view = await getRequest(ctx, chnPo, S, 'nzl-chn');
    expect(view.meeting).toBeNull();
    expect(view.request.status, 'still awaiting China').toBe('under-consideration');
    expect(view.notices.bumped).toMatchObject({
      cause: 'presence',
      moved: false,
      previous: { start: before.start, room: before.room },
      // it may not be placed before China consents: no slot is offered
      alternative: null,
    });
    const removed = (await readEventLog(ctx, chnPo, S, { limit: 1000 })).filter(
      (e) => e.type === 'meeting.removed' && e.payload.request === 'nzl-chn',
    );
    expect(removed.map((e) => e.payload.by)).toEqual(['presence']);
    const accepted = await transitionRequest(ctx, chnPo, S, 'nzl-chn', { name: 'accept' });
    expect(accepted.status).toBe('agreed');
    expect((await getRequest(ctx, chnPo, S, 'nzl-chn')).meeting).toBeNull();
  });

  it('keeps a provisional meeting every party had confirmed as a confirmed one: refused unless forced', async () => {
    for (const side of ['kor', 'rus'] as DelegationId[]) {
      await confirmMeeting(ctx, delegate(S, side, 'protocol-officer'), S, 'kor-rus');
    }
    const edited = await editRequestTerms(ctx, korPo, S, 'kor-rus', {
      attendees: ['kor-president', 'kor-fm', 'kor-trade', 'rus-president', 'rus-fm'],
    });
    expect(edited.request.status).toBe('under-consideration');
    expect([...edited.meeting!.confirmedBy].sort()).toEqual(['kor', 'rus']);
    const moon = await persons.get(ctx, korPo, S, 'kor-president');
    const { version, ...record } = moon;
    // President Moon now arrives at 15:00 on Friday, after kor-rus at 14:00
    const late = {
      ...record,
      presence: [{ from: '2017-11-10T08:00:00.000Z', to: '2017-11-11T15:00:00.000Z' }],
    };
    const refused = await refusalOf(persons.change(ctx, korPo, S, 'kor-president', late, version));
    expect(refused.code).toBe('breaks-meeting');
    expect(refused.message).toMatch(/confirmed meeting kor-rus \(10 Nov 14:00–14:45\): presence: /);
    expect((await persons.get(ctx, korPo, S, 'kor-president')).version).toBe(version);

    await persons.change(ctx, korPo, S, 'kor-president', late, version, { force: true });
    const view = await getRequest(ctx, rusPo, S, 'kor-rus');
    expect(view.meeting, 'flagged, not taken off').not.toBeNull();
    expect(view.request.status).toBe('under-consideration');
    expect(view.notices.broken).toMatchObject({ forced: true });
  });

  it('accepts a plan inside the notice period that plans around a provisional meeting', async () => {
    const { version, ...settings } = await getSummit(ctx, hostAdmin, S);
    // every meeting of the summit lies inside a 96-hour notice period
    await changeSummit(
      ctx,
      hostAdmin,
      S,
      { ...settings, planning: { ...settings.planning, freezeHours: 96 } },
      version,
    );
    const provisional = (await getRequest(ctx, rusPo, S, 'kor-rus')).meeting!;
    const { plan } = await proposePlan(ctx, hostStaff, S, { timeLimitMs: 1000, seed: 1 });
    expect(plan.meetings.map((p) => p.request)).not.toContain('kor-rus');
    await acceptPlan(ctx, hostStaff, S, plan);
    expect((await getRequest(ctx, rusPo, S, 'kor-rus')).meeting).toEqual(provisional);
  });
});
