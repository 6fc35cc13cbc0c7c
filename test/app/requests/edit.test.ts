// Editing a request in summit week, on both backends: who may change what, a change to what was
// agreed going back for the other parties' consent with its meeting kept where it still fits, their
// acceptance restoring it, a confirmed or pinned meeting kept from breaking unless forced, the request
// rules applied to the terms changed, and every edit an event with before and after.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../../src/app/demo/apec-2017.js';
import { ConflictError, ValidationError } from '../../../src/app/errors.js';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { answerRequestCondition, proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { editRequestTerms } from '../../../src/app/requests/edit.js';
import { requestHistory } from '../../../src/app/requests/history.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { EditError } from '../../../src/domain/request/edit.js';
import { NotFoundError, StaleVersionError } from '../../../src/store/store.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const S = 'apec-2017' as SummitId;
const demo = await readFile(DEMO_FILE, 'utf8');

describe.each(BACKENDS)('editing a request on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await importSummitFile(ctx, SYSTEM, { text: demo, format: 'yaml' });
  });
  afterAll(() => t.dispose());

  const korPo = delegate(S, 'kor', 'protocol-officer');
  const rusPo = delegate(S, 'rus', 'protocol-officer');
  const jpnLead = delegate(S, 'jpn', 'delegation-lead');
  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const events = async (id: string) =>
    (await requestHistory(ctx, SYSTEM, S, id)).map((e) => ({ type: e.type, payload: e.payload }));

  it('changes priority and topics without asking anyone again, recording before and after', async () => {
    const before = await getRequest(ctx, korPo, S, 'kor-rus');
    const { request, meeting } = await editRequestTerms(
      ctx,
      korPo,
      S,
      'kor-rus',
      { priority: 5, topics: ['dprk', 'energy'] },
      { expectedVersion: before.request.version },
    );
    expect(request).toMatchObject({ status: 'scheduled', priority: 5, topics: ['dprk', 'energy'] });
    expect(request.acceptedBy).toEqual(before.request.acceptedBy);
    expect(meeting).toEqual(before.meeting);
    expect((await events('kor-rus')).at(-1)).toEqual({
      type: 'request.edited',
      payload: {
        request: 'kor-rus',
        by: 'kor',
        changed: ['topics', 'priority'],
        before: { topics: ['dprk', 'energy', 'far-east'], priority: 4 },
        after: { topics: ['dprk', 'energy'], priority: 5 },
        reconsent: false,
      },
    });
  });

  it("sends a longer meeting back for Russia's consent, keeping its slot, and Russia's acceptance restores it", async () => {
    const before = await getRequest(ctx, korPo, S, 'kor-rus');
    const edited = await editRequestTerms(ctx, korPo, S, 'kor-rus', { minutes: 60 });
    expect(edited.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['kor'], minutes: 60 });
    expect(edited.meeting).toMatchObject({
      start: before.meeting!.start,
      end: '2017-11-10T08:00:00.000Z',
      room: 'ariyana-b2',
      confirmedBy: [],
    });
    const waiting = await getRequest(ctx, rusPo, S, 'kor-rus');
    expect(waiting.allowed).toContain('accept');
    const accepted = await transitionRequest(ctx, rusPo, S, 'kor-rus', { name: 'accept' });
    expect(accepted.status).toBe('scheduled');
    const after = await getRequest(ctx, korPo, S, 'kor-rus');
    expect(after.meeting?.end).toBe('2017-11-10T08:00:00.000Z');
    expect((await events('kor-rus')).map((e) => e.type).slice(-5)).toEqual([
      'request.edited',
      'meeting.changed',
      'request.amend',
      'request.accept',
      'request.restore',
    ]);
  });

  it('lets a counterpart change its own attendees only, and asks the requester again', async () => {
    const attendees = ['kor-president', 'kor-fm', 'rus-president', 'rus-fm', 'rus-aide'];
    const refusedMinutes = editRequestTerms(ctx, rusPo, S, 'kor-rus', { minutes: 30 });
    await expect(refusedMinutes).rejects.toBeInstanceOf(EditError);
    await expect(refusedMinutes).rejects.toThrow(/a counterpart changes only its own attendees, not minutes/);
    const refusedTheirs = editRequestTerms(ctx, rusPo, S, 'kor-rus', {
      attendees: ['kor-president', 'rus-president', 'rus-fm'],
    });
    await expect(refusedTheirs).rejects.toThrow(/rus changes only its own attendees; kor-fm belongs to kor/);
    const edited = await editRequestTerms(ctx, rusPo, S, 'kor-rus', { attendees });
    expect(edited.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['rus'], attendees });
    expect(edited.meeting).not.toBeNull();
    expect((await transitionRequest(ctx, korPo, S, 'kor-rus', { name: 'accept' })).status).toBe('scheduled');
  });

  it('takes a scheduled meeting off when the change no longer fits, and refuses it for a pinned, confirmed one unless forced', async () => {
    // two hours from 14:00 runs into the Korean minister's 16:00 meeting (with the 5-minute buffer)
    const long = await editRequestTerms(ctx, korPo, S, 'kor-rus', { minutes: 120 });
    expect(long.meeting).toBeNull();
    expect(long.request.status).toBe('under-consideration');
    const removed = (await events('kor-rus')).find((e) => e.type === 'meeting.removed');
    expect(removed?.payload).toMatchObject({ by: 'edit', rules: expect.arrayContaining(['person-overlap']) });
    // agreed again, there is no meeting to restore: it waits for a slot
    expect((await transitionRequest(ctx, rusPo, S, 'kor-rus', { name: 'accept' })).status).toBe('agreed');

    // jpn-rus is confirmed and pinned at 18:15; two hours run into the gala dinner at 19:30
    const breaks = editRequestTerms(ctx, jpnLead, S, 'jpn-rus', { minutes: 120 });
    await expect(breaks).rejects.toBeInstanceOf(ConflictError);
    await expect(breaks).rejects.toMatchObject({ code: 'meeting-would-break' });
    await expect(breaks).rejects.toThrow(/which is pinned, where it no longer fits: .*gala-dinner/);
    expect((await getRequest(ctx, jpnLead, S, 'jpn-rus')).request).toMatchObject({
      status: 'confirmed',
      minutes: 45,
    });
    const forced = await editRequestTerms(ctx, jpnLead, S, 'jpn-rus', { minutes: 120, force: true });
    expect(forced.meeting).toBeNull();
    expect(forced.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['jpn'] });
  });

  it('takes a meeting off without asking consent again when a room term no longer fits (venue)', async () => {
    const { request, meeting } = await editRequestTerms(ctx, usaPo, S, 'usa-jpn-kor', { venue: 'icdn' });
    expect(meeting).toBeNull();
    expect(request).toMatchObject({ status: 'agreed', venue: 'icdn' });
    expect((await events('usa-jpn-kor')).map((e) => e.type).slice(-3)).toEqual([
      'request.edited',
      'meeting.removed',
      'request.dislodge',
    ]);
  });

  it('applies the request rules to the terms changed, with their codes, and changes nothing', async () => {
    const attempt = editRequestTerms(ctx, usaPo, S, 'usa-jpn-kor', {
      minutes: 20,
      preferred: [{ from: '2017-11-10T09:00:00.000Z', to: '2017-11-10T08:00:00.000Z' }],
    }).catch((e: unknown) => e);
    expect(await attempt).toBeInstanceOf(ValidationError);
    expect(((await attempt) as ValidationError).issues).toEqual([
      {
        path: 'minutes',
        code: 'minutes-off-grain',
        message: "expected a multiple of the summit's 15-minute grain, such as 15 or 30, got 20",
      },
      {
        path: 'preferred[0].to',
        code: 'window-order',
        message: 'expected a time after from (2017-11-10T16:00), got "2017-11-10T15:00"',
      },
    ]);
    expect((await getRequest(ctx, usaPo, S, 'usa-jpn-kor')).request.minutes).toBe(45);
  });

  it('keeps a draft a draft, refuses a stale copy, the host, a viewer and an outsider', async () => {
    const draft = await editRequestTerms(ctx, usaPo, S, 'usa-jpn-trade', { minutes: 45 });
    expect(draft.request).toMatchObject({ status: 'draft', minutes: 45, acceptedBy: [] });
    const stale = editRequestTerms(ctx, usaPo, S, 'usa-jpn-trade', { minutes: 60 }, { expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(
      editRequestTerms(ctx, host(S, 'host-admin'), S, 'usa-jpn-kor', { priority: 1 }),
    ).rejects.toBeInstanceOf(EditError);
    await expect(
      editRequestTerms(ctx, delegate(S, 'usa', 'viewer'), S, 'usa-jpn-kor', { priority: 1 }),
    ).rejects.toThrow(/only a party's delegation-lead or protocol-officer may edit it/);
    await expect(
      editRequestTerms(ctx, delegate(S, 'chn', 'delegation-lead'), S, 'usa-jpn-kor', { priority: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(editRequestTerms(ctx, usaPo, S, 'usa-jpn-kor', {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps a meeting through a new condition and restores it once the condition is accepted', async () => {
    // png-usa is scheduled: a new US condition sends it back, its meeting kept; Papua New Guinea accepts
    const usaLead = delegate(S, 'usa', 'delegation-lead');
    const pngPo = delegate(S, 'png', 'protocol-officer');
    const proposed = await proposeRequestCondition(ctx, usaLead, S, 'png-usa', {
      kind: 'agenda',
      text: 'Energy first',
    });
    expect(proposed.request.status).toBe('conditions-pending');
    expect((await getRequest(ctx, pngPo, S, 'png-usa')).meeting).not.toBeNull();
    const c = proposed.conditions.find((x) => x.text === 'Energy first')!;
    const answered = await answerRequestCondition(ctx, pngPo, S, 'png-usa', c.id, 'accept');
    // a new term withdrew every acceptance: both parties accept again, and the meeting is restored
    expect(answered.request.status).toBe('under-consideration');
    expect((await transitionRequest(ctx, pngPo, S, 'png-usa', { name: 'accept' })).status).toBe(
      'under-consideration',
    );
    expect((await transitionRequest(ctx, usaLead, S, 'png-usa', { name: 'accept' })).status).toBe(
      'scheduled',
    );
  });
});
