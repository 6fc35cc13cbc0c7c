// The confirmation deadline: a summit says by when each day's meetings must be confirmed; a scheduled
// meeting not confirmed by both sides by then is flagged to them and the host (never dropped
// silently), and, where the host chose so, its slot is released with notice and another offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { confirmMeeting } from '../../../src/app/meetings/confirm.js';
import { listAwaitingConfirmation, sweepConfirmationDeadlines } from '../../../src/app/meetings/deadlines.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { changeSummit, getSummit } from '../../../src/app/summit/summits.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import type { Lapse } from '../../../src/domain/meeting/confirmation-deadline.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const hostAdmin = host(S, 'host-admin');
const hostStaff = host(S, 'host-staff');
const pngLead = delegate(S, 'png', 'delegation-lead');
const chnPo = delegate(S, 'chn', 'protocol-officer');
const usaPo = delegate(S, 'usa', 'protocol-officer');

describe.each(BACKENDS)('the confirmation deadline, on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    // Thursday 9 November, 07:00 in Da Nang
    ctx = testContext(t.store, '2017-11-09T00:00:00.000Z');
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  /** Sets the summit's deadline: 18:00 the evening before, with `lapse`. */
  async function deadline(lapse: Lapse): Promise<void> {
    const { version, ...settings } = await getSummit(ctx, hostAdmin, S);
    await changeSummit(
      ctx,
      hostAdmin,
      S,
      { ...settings, confirmation: { at: '18:00', daysBefore: 1, lapse } },
      version,
    );
  }

  it('lists the meetings awaiting confirmation, each with its deadline, as each reader may see them', async () => {
    expect(await listAwaitingConfirmation(ctx, hostStaff, S)).toEqual([]);
    await deadline('keep');
    const awaiting = await listAwaitingConfirmation(ctx, hostStaff, S);
    expect(awaiting.map((a) => a.request)).toEqual(['kor-rus', 'png-usa', 'usa-jpn-kor', 'nzl-chn']);
    // Friday's meetings: by Thursday 18:00 in Da Nang (11:00 UTC)
    expect(awaiting[0]).toMatchObject({
      deadline: '2017-11-09T11:00:00.000Z',
      overdue: false,
      confirmedBy: [],
    });
    expect(awaiting[0]!.missing.sort()).toEqual(['kor', 'rus']);
    expect((await listAwaitingConfirmation(ctx, chnPo, S)).map((a) => a.request)).toEqual(['nzl-chn']);
  });

  it('flags the unconfirmed ones to both sides and the host once the deadline passes; keeps them', async () => {
    for (const side of ['kor', 'rus'] as DelegationId[]) {
      await confirmMeeting(ctx, delegate(S, side, 'protocol-officer'), S, 'kor-rus');
    }
    await expect(sweepConfirmationDeadlines(ctx, hostStaff, S)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sweepConfirmationDeadlines(ctx, usaPo, S)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await sweepConfirmationDeadlines(ctx, SYSTEM, S)).toEqual({ flagged: [], released: [] });
    ctx.advance(11 * 60); // Thursday 18:00 in Da Nang
    expect(await sweepConfirmationDeadlines(ctx, hostAdmin, S)).toEqual({
      flagged: ['png-usa', 'usa-jpn-kor'],
      released: [],
    });
    // once only
    expect(await sweepConfirmationDeadlines(ctx, SYSTEM, S)).toEqual({ flagged: [], released: [] });
    const view = await getRequest(ctx, pngLead, S, 'png-usa');
    expect(view.meeting).not.toBeNull();
    expect(view.notices.overdue).toMatchObject({ deadline: '2017-11-09T11:00:00.000Z', released: false });
    expect([...view.notices.overdue!.missing].sort()).toEqual(['png', 'usa']);
    for (const reader of [pngLead, usaPo, hostStaff]) {
      const events = await readEventLog(ctx, reader, S, { limit: 1000 });
      const overdue = events.filter(
        (e) => e.type === 'meeting.confirmation-overdue' && e.payload.request === 'png-usa',
      );
      expect(overdue, `told to ${reader.user}`).toHaveLength(1);
    }
    const chnEvents = await readEventLog(ctx, chnPo, S, { limit: 1000 });
    expect(chnEvents.filter((e) => e.type === 'meeting.confirmation-overdue')).toEqual([]);
    expect(
      (await listAwaitingConfirmation(ctx, hostStaff, S)).find((a) => a.request === 'png-usa')?.overdue,
    ).toBe(true);
  });

  it('releases the slot where the host chose so, telling the parties and offering another', async () => {
    await deadline('release');
    ctx.advance(24 * 60); // Friday 18:00: Saturday's nzl-chn is due
    const before = (await getRequest(ctx, chnPo, S, 'nzl-chn')).meeting!;
    expect(await sweepConfirmationDeadlines(ctx, SYSTEM, S)).toEqual({
      flagged: ['nzl-chn'],
      released: ['nzl-chn'],
    });
    const view = await getRequest(ctx, chnPo, S, 'nzl-chn');
    expect(view.meeting).toBeNull();
    expect(view.request.status).toBe('agreed');
    expect(view.notices.overdue).toMatchObject({ released: true, deadline: '2017-11-10T11:00:00.000Z' });
    expect(view.notices.bumped).toMatchObject({
      cause: 'deadline',
      moved: false,
      rule: 'confirmation-deadline',
    });
    expect(view.notices.bumped!.reason).toMatch(
      /^The confirmation deadline took it off the calendar: .* had not confirmed it by 10 Nov 18:00\.$/,
    );
    const offered = view.notices.bumped!.alternative;
    if (offered) expect(offered.start === before.start && offered.room === before.room).toBe(false);
    const removed = (await readEventLog(ctx, delegate(S, 'nzl', 'viewer'), S, { limit: 1000 })).filter(
      (e) => e.type === 'meeting.removed' && e.payload.request === 'nzl-chn',
    );
    expect(removed[0]?.payload).toMatchObject({ by: 'deadline' });
  });
});
