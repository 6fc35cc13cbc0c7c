// What happened at a meeting: recorded after its start by a party or the host's staff, corrected
// under If-Match, refused before the start, to outsiders and for bad input; on both backends.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { recordMeetingOutcome } from '../../../src/app/meetings/outcome.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { requestHistory } from '../../../src/app/requests/history.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { ValidationError } from '../../../src/app/errors.js';
import { DEMO_FILE } from '../../../src/app/demo/apec-2017.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { TransitionError } from '../../../src/domain/request/transition.js';
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

describe.each(BACKENDS)('what happened at a meeting, on %s', (backend) => {
  let t: TestStore;
  // usa-vnm (confirmed) starts at 13:45 on 10 Nov in Da Nang: 06:45 UTC
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store, '2017-11-10T06:30:00.000Z');
    await importSummitFile(ctx, SYSTEM, { text: demo, format: 'yaml' });
  });
  afterAll(() => t.dispose());

  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const vnmLead = delegate(S, 'vnm', 'delegation-lead');
  const usaViewer = delegate(S, 'usa', 'viewer');
  const chnPo = delegate(S, 'chn', 'protocol-officer');
  const staff = host(S, 'host-staff');

  it('refuses to record a meeting before its start, and does not offer it', async () => {
    const view = await getRequest(ctx, usaPo, S, 'usa-vnm');
    expect(view.allowed).not.toContain('hold');
    const early = transitionRequest(ctx, usaPo, S, 'usa-vnm', { name: 'hold' });
    await expect(early).rejects.toBeInstanceOf(TransitionError);
    await expect(early).rejects.toThrow(/the meeting starts at 2017-11-10T06:45/);
  });

  it('records it as held through the hold transition once it started, and the request is held', async () => {
    ctx.advance(20); // 06:50 UTC, five minutes in
    const before = await getRequest(ctx, usaPo, S, 'usa-vnm');
    expect(before.allowed).toEqual(expect.arrayContaining(['hold', 'miss']));
    const held = await transitionRequest(
      ctx,
      usaPo,
      S,
      'usa-vnm',
      { name: 'hold' },
      { expectedVersion: before.request.version },
    );
    expect(held.status).toBe('held');
    const after = await getRequest(ctx, vnmLead, S, 'usa-vnm');
    expect(after.meeting?.outcome).toEqual({
      kind: 'held',
      lateMinutes: null,
      by: [],
      note: null,
      recorded: { by: usaPo.user, at: ctx.now() },
    });
    const events = (await requestHistory(ctx, vnmLead, S, 'usa-vnm')).map((e) => e.type);
    expect(events.slice(-2)).toEqual(['request.hold', 'meeting.outcome-recorded']);
  });

  it('corrects it under If-Match: held late by Viet Nam, then a no-show, then held again', async () => {
    const { meeting } = await getRequest(ctx, usaPo, S, 'usa-vnm');
    const late = await recordMeetingOutcome(
      ctx,
      staff,
      S,
      'usa-vnm',
      { kind: 'held-late', lateMinutes: 20, by: ['vnm'], note: 'Motorcade held at the bridge' },
      { expectedMeetingVersion: meeting!.version },
    );
    expect(late.request.status).toBe('held');
    expect(late.meeting.outcome).toMatchObject({ kind: 'held-late', lateMinutes: 20, by: ['vnm'] });
    // a second writer who read the meeting before that correction changes nothing
    const stale = recordMeetingOutcome(
      ctx,
      vnmLead,
      S,
      'usa-vnm',
      { kind: 'held' },
      { expectedMeetingVersion: meeting!.version },
    );
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    const missed = await recordMeetingOutcome(ctx, vnmLead, S, 'usa-vnm', {
      kind: 'no-show',
      by: ['usa'],
    });
    expect(missed.request.status).toBe('not-held');
    const back = await transitionRequest(ctx, usaPo, S, 'usa-vnm', { name: 'hold', lateMinutes: 5 });
    expect(back.status).toBe('held');
    const view = await getRequest(ctx, usaPo, S, 'usa-vnm');
    expect(view.meeting?.outcome).toMatchObject({ kind: 'held-late', lateMinutes: 5, by: [] });
    const history = await requestHistory(ctx, usaPo, S, 'usa-vnm');
    const recorded = history.filter((e) => e.type === 'meeting.outcome-recorded');
    expect(recorded.map((e) => e.payload.kind)).toEqual(['held', 'held-late', 'no-show', 'held-late']);
    expect(recorded[2]!.payload.previous).toEqual({ kind: 'held-late', lateMinutes: 20, by: ['vnm'] });
  });

  it('refuses an outcome that does not add up, naming each field, and changes nothing', async () => {
    const attempt = (input: Record<string, unknown>) =>
      recordMeetingOutcome(ctx, usaPo, S, 'usa-vnm', input).catch((e: unknown) => e);
    const issues = async (input: Record<string, unknown>) =>
      ((await attempt(input)) as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(await issues({ kind: 'no-show' })).toEqual(['by: a no-show names which parties did not come']);
    expect(await issues({ kind: 'held', lateMinutes: 10 })).toEqual([
      'lateMinutes: only a meeting held late has late minutes, not held',
    ]);
    expect(await issues({ kind: 'held-late' })).toEqual([
      'lateMinutes: a meeting held late says how many minutes late it began',
    ]);
    expect(await issues({ kind: 'cancelled-late', by: ['chn'] })).toEqual([
      'by[0]: chn is not a party of this request (usa, vnm)',
    ]);
    expect(await issues({ kind: 'cancelled-late', by: ['usa', 'usa'] })).toEqual([
      'by[1]: usa is already listed',
    ]);
    expect(await attempt({ kind: 'maybe' })).toBeInstanceOf(ValidationError);
    const view = await getRequest(ctx, usaPo, S, 'usa-vnm');
    expect(view.meeting?.outcome?.kind).toBe('held-late');
  });

  it('lets no viewer, outsider or host of a confidential request record it', async () => {
    await expect(recordMeetingOutcome(ctx, usaViewer, S, 'usa-vnm', { kind: 'held' })).rejects.toBeInstanceOf(
      TransitionError,
    );
    await expect(recordMeetingOutcome(ctx, chnPo, S, 'usa-vnm', { kind: 'held' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // a request with no meeting has nothing to record
    await expect(recordMeetingOutcome(ctx, usaPo, S, 'usa-rus', { kind: 'held' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
