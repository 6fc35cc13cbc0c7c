import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { answerRequestCondition, proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { getRequest, listRequests } from '../../../src/app/requests/read.js';
import { postToThread, readThread } from '../../../src/app/requests/thread.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { announceMeeting, confirmMeeting } from '../../../src/app/meetings/confirm.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { ValidationError } from '../../../src/app/errors.js';
import { NotFoundError, StaleVersionError } from '../../../src/store/store.js';

const S = 'apec-2017' as SummitId;
const example = await readFile(new URL('../../../examples/apec-2017-danang.yaml', import.meta.url), 'utf8');

describe.each(BACKENDS)('request use cases on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await importSummitFile(ctx, SYSTEM, { text: example, format: 'yaml' });
  });
  afterAll(() => t.dispose());

  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const jpnPo = delegate(S, 'jpn', 'protocol-officer');
  const chnPo = delegate(S, 'chn', 'protocol-officer');

  it('takes a request with a condition from request to agreed, scheduled and confirmed', async () => {
    const { request, conditions } = await requestMeeting(ctx, usaPo, S, {
      id: 'usa-jpn-test',
      to: ['jpn'],
      format: 'bilateral',
      level: 'ministers',
      minutes: 30,
      topics: ['dprk'],
      attendees: ['usa-sos', 'jpn-fm'],
      conditions: [{ kind: 'agenda', text: 'North Korea first' }],
    });
    expect(request.status).toBe('conditions-pending');
    expect(conditions.map((c) => c.id)).toEqual(['c1']);

    await transitionRequest(ctx, jpnPo, S, 'usa-jpn-test', { name: 'accept' });
    const answered = await answerRequestCondition(ctx, jpnPo, S, 'usa-jpn-test', 'c1', 'accept');
    expect(answered.request.status).toBe('agreed');

    const view = await getRequest(ctx, usaPo, S, 'usa-jpn-test');
    expect(view.request.status).toBe('agreed');
  });

  it('refuses a request naming unknown persons, listing every path, and stores nothing', async () => {
    const attempt = requestMeeting(ctx, usaPo, S, {
      id: 'bad-one',
      to: ['rus', 'atlantis'],
      format: 'bilateral',
      level: 'leaders',
      minutes: 20,
      attendees: ['usa-potus', 'rus-nobody'],
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(
      /to\[1\]: unknown delegation "atlantis".*minutes: expected a multiple of the summit's 15-minute grain, such as 15 or 30, got 20.*attendees\[1\]: unknown person "rus-nobody"/,
    );
    await expect(getRequest(ctx, SYSTEM, S, 'bad-one')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('hides a request from delegations that are not party to it', async () => {
    await expect(getRequest(ctx, chnPo, S, 'usa-rus')).rejects.toBeInstanceOf(NotFoundError);
    const seen = await listRequests(ctx, chnPo, S);
    expect(seen.every((r) => r.from === 'chn' || r.to.includes('chn' as never))).toBe(true);
    expect(seen.some((r) => r.id === 'usa-rus')).toBe(false);
  });

  it('keeps the US-Russia request pending while US conditions are open', async () => {
    const rusPo = delegate(S, 'rus', 'protocol-officer');
    await expect(transitionRequest(ctx, rusPo, S, 'usa-rus', { name: 'accept' })).resolves.toMatchObject({
      status: 'conditions-pending',
    });
    const view = await getRequest(ctx, rusPo, S, 'usa-rus');
    expect(view.conditions.filter((c) => c.status === 'open').length).toBeGreaterThan(0);
  });

  it('reopens an agreed request when a party proposes a new condition, and a stale answer changes nothing', async () => {
    await requestMeeting(ctx, chnPo, S, {
      id: 'chn-jpn-test',
      to: ['jpn'],
      format: 'bilateral',
      level: 'ministers',
      minutes: 30,
      attendees: ['chn-fm', 'jpn-fm'],
    });
    const agreed = await transitionRequest(ctx, jpnPo, S, 'chn-jpn-test', { name: 'accept' });
    expect(agreed.status).toBe('agreed');
    const reopened = await proposeRequestCondition(ctx, jpnPo, S, 'chn-jpn-test', {
      kind: 'agenda',
      text: 'East China Sea',
    });
    expect(reopened.request.status).toBe('conditions-pending');
    await expect(
      answerRequestCondition(ctx, chnPo, S, 'chn-jpn-test', 'c1', 'accept', { expectedVersion: 7 }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await getRequest(ctx, chnPo, S, 'chn-jpn-test')).conditions[0]?.status).toBe('open');
  });

  it('lets parties talk in the thread, and no one else', async () => {
    await postToThread(ctx, usaPo, S, 'usa-jpn-test', { text: 'Proposing the afternoon of the 10th.' });
    expect((await readThread(ctx, jpnPo, S, 'usa-jpn-test')).map((m) => m.text)).toEqual([
      'Proposing the afternoon of the 10th.',
    ]);
    await expect(readThread(ctx, chnPo, S, 'usa-jpn-test')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('places, confirms by both sides and announces; a stale version changes nothing', async () => {
    const hostAdmin = host(S);
    // Tillerson and Kono on Saturday morning before the leaders' meeting, at the InterContinental.
    const meeting = await placeMeeting(ctx, hostAdmin, S, 'usa-jpn-test', {
      start: '2017-11-11T00:30:00.000Z',
      room: 'icdn-b1',
    });
    expect(meeting.room).toBe('icdn-b1');
    await expect(
      confirmMeeting(ctx, usaPo, S, 'usa-jpn-test', { expectedVersion: 99 }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await confirmMeeting(ctx, usaPo, S, 'usa-jpn-test');
    const { request } = await confirmMeeting(ctx, jpnPo, S, 'usa-jpn-test');
    expect(request.status).toBe('confirmed');
    const announced = await announceMeeting(ctx, usaPo, S, 'usa-jpn-test');
    expect(announced.announced).toBe(true);
  });
});
