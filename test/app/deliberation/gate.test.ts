// The decision gate, on both backends: a delegation's recorded "defer" or "decline" holds back its
// own send, accept, condition accept and confirm (409 decision-blocks, naming the decision, nothing
// changed); its lead overrides it with a reason, which stays in the delegation's deliberation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { decideOnRequest, readDeliberation } from '../../../src/app/deliberation/deliberation.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { confirmMeeting } from '../../../src/app/meetings/confirm.js';
import { answerRequestCondition, proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

describe.each(BACKENDS)('the decision gate on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM); // the US lead decided "defer" on usa-rus
  });
  afterAll(() => t.dispose());

  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const usaLead = delegate(S, 'usa', 'delegation-lead', 'demo-usa-lead');
  const rusPo = delegate(S, 'rus', 'protocol-officer');
  const korPo = delegate(S, 'kor', 'protocol-officer');
  const korLead = delegate(S, 'kor', 'delegation-lead');
  const staff = host(S);
  const c3 = async () => (await getRequest(ctx, usaPo, S, 'usa-rus')).conditions.find((c) => c.id === 'c3')!;

  it("refuses the US accepting Russia's condition while its decision is defer, changing nothing", async () => {
    const before = await c3();
    const refused = await answerRequestCondition(ctx, usaPo, S, 'usa-rus', 'c3', 'accept').catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe('decision-blocks');
    expect(refused.message).toContain('usa decided "defer" on request usa-rus');
    expect(refused.message).toContain('delegation lead may override');
    expect(await c3()).toEqual(before);
  });

  it('lets only the lead override, and only with a reason', async () => {
    const notLead = answerRequestCondition(ctx, usaPo, S, 'usa-rus', 'c3', 'accept', {
      override: { reason: 'the President wants it' },
    });
    await expect(notLead).rejects.toBeInstanceOf(ForbiddenError);
    await expect(notLead).rejects.toThrow("only usa's delegation lead may override");
    const blank = transitionRequest(ctx, usaLead, S, 'usa-rus', {
      name: 'accept',
      override: { reason: '  ' },
    });
    await expect(blank).rejects.toBeInstanceOf(ValidationError);
    expect((await c3()).status).toBe('open');
  });

  it("takes the lead's override, keeping the reason in the US deliberation only", async () => {
    const reason = 'Moscow conceded the Syria language in the corridor; accept the format';
    const done = await answerRequestCondition(ctx, usaLead, S, 'usa-rus', 'c3', 'accept', {
      override: { reason },
    });
    expect(done.conditions.find((c) => c.id === 'c3')?.status).toBe('accepted');
    const mine = await readDeliberation(ctx, usaLead, S, 'usa-rus');
    expect(mine.decision?.outcome).toBe('defer'); // the decision stands; the override is for this step
    expect(mine.overrides).toEqual([
      expect.objectContaining({ step: 'accept-condition', outcome: 'defer', reason, by: 'demo-usa-lead' }),
    ]);
    const usLog = await readEventLog(ctx, usaPo, S, { limit: 1000 });
    expect(usLog.filter((e) => e.type === 'decision.overridden').map((e) => e.payload)).toEqual([
      { request: 'usa-rus', step: 'accept-condition', outcome: 'defer', reason },
    ]);
    for (const other of [rusPo, staff, korPo]) {
      const log = await readEventLog(ctx, other, S, { limit: 1000 });
      expect(log.some((e) => e.type === 'decision.overridden')).toBe(false);
      expect(JSON.stringify(log)).not.toContain('corridor');
    }
  });

  it('gates the next step again: each step the decision stands against needs its own override', async () => {
    const { conditions } = await proposeRequestCondition(ctx, rusPo, S, 'usa-rus', {
      kind: 'other',
      text: 'Press pool of six on each side',
    });
    const added = conditions.find((c) => c.by === 'rus' && c.status === 'open')!;
    expect(added).toBeDefined();
    await expect(answerRequestCondition(ctx, usaPo, S, 'usa-rus', added.id, 'accept')).rejects.toMatchObject({
      code: 'decision-blocks',
    });
    expect((await readDeliberation(ctx, usaLead, S, 'usa-rus')).overrides).toHaveLength(1);
  });

  it("gates confirming: Korea's decline holds back its confirmation of kor-rus until its lead overrides", async () => {
    await decideOnRequest(ctx, korLead, S, 'kor-rus', { outcome: 'decline', note: null });
    const refused = await confirmMeeting(ctx, korPo, S, 'kor-rus').catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toContain('kor decided "decline" on request kor-rus');
    const meeting = (await getRequest(ctx, korPo, S, 'kor-rus')).meeting!;
    expect(meeting.confirmedBy).not.toContain('kor');
    const done = await transitionRequest(ctx, korLead, S, 'kor-rus', {
      name: 'confirm',
      override: { reason: 'Seoul instructs to keep the slot' },
    });
    expect(done.status).toBe('scheduled'); // Korea has confirmed; Russia not yet
    expect((await getRequest(ctx, korPo, S, 'kor-rus')).meeting?.confirmedBy).toContain('kor');
    // pursue lets the step through with no override
    await decideOnRequest(ctx, korLead, S, 'kor-rus', { outcome: 'pursue', note: null });
    expect((await readDeliberation(ctx, korLead, S, 'kor-rus')).overrides).toHaveLength(1);
  });

  it('gates sending: a draft its own delegation deferred is not sent without the lead', async () => {
    const { request } = await requestMeeting(ctx, usaPo, S, {
      id: 'usa-chn-gate',
      to: ['chn'],
      format: 'bilateral',
      level: 'leaders',
      minutes: 30,
      priority: 3,
      attendees: ['usa-potus'],
      allowed: [{ from: '2017-11-10T07:00:00Z', to: '2017-11-11T12:00:00Z' }],
      submit: false,
    });
    await decideOnRequest(ctx, usaLead, S, request.id, { outcome: 'defer', note: null });
    await expect(transitionRequest(ctx, usaPo, S, request.id, { name: 'submit' })).rejects.toMatchObject({
      code: 'decision-blocks',
    });
    const sent = await transitionRequest(ctx, usaLead, S, request.id, {
      name: 'submit',
      override: { reason: 'Beijing asked through the embassy' },
    });
    expect(sent.status).toBe('requested');
  });
});
