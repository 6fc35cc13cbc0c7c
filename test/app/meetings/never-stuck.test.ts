// Never stuck: a write that would make a confirmed or pinned meeting impossible is refused, naming the
// meeting and the rule, unless its writer says `force` (then the meeting is flagged as broken and its
// parties are told); a plan is refused only for what it breaks itself, says which meetings and rules,
// and offers planning again only when that can succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { ConflictError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { busy, persons } from '../../../src/app/logistics/specs.js';
import { acceptPlan, proposePlan } from '../../../src/app/planning/plan.js';
import type { Person } from '../../../src/domain/summit/schema.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const rusLead = delegate(S, 'rus', 'delegation-lead');
const vnmPo = delegate(S, 'vnm', 'protocol-officer');
const hostStaff = host(S, 'host-staff');

/** Putin leaving at Saturday 12:00 in Da Nang: before the confirmed Russia-Viet Nam meeting at 15:00. */
const EARLY_DEPARTURE = [{ from: '2017-11-10T05:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];

/** The rejection a promise ends in. */
async function refusalOf(promise: Promise<unknown>): Promise<ConflictError> {
  const error = await promise.then(
    () => new Error('it was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describe.each(BACKENDS)('never stuck, on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  let putin: Person;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store, '2017-11-10T05:00:00.000Z');
    await loadDemo(ctx, SYSTEM);
    putin = await persons.get(ctx, rusLead, S, 'rus-president');
  });
  afterAll(() => t.dispose());

  const earlier = () => {
    const { version: _, ...record } = putin;
    return { ...record, presence: EARLY_DEPARTURE };
  };

  it('refuses a presence that would break a confirmed meeting, naming the meeting and the rule', async () => {
    const refused = await refusalOf(
      persons.change(ctx, rusLead, S, 'rus-president', earlier(), putin.version),
    );
    expect(refused.code).toBe('breaks-meeting');
    expect(refused.message).toMatch(/confirmed meeting rus-vnm \(11 Nov 15:00–16:00\): presence: /);
    expect(refused.message).toMatch(/with force/);
    expect(refused.details.conflicts).toContainEqual(
      expect.objectContaining({ request: 'rus-vnm', rule: 'presence' }),
    );
    expect((await persons.get(ctx, rusLead, S, 'rus-president')).version).toBe(putin.version);
  });

  it('makes it with force: the meeting is flagged as broken and both parties are told', async () => {
    putin = await persons.change(ctx, rusLead, S, 'rus-president', earlier(), putin.version, { force: true });
    expect(putin.presence).toEqual(EARLY_DEPARTURE);
    for (const reader of [vnmPo, hostStaff]) {
      const events = await readEventLog(ctx, reader, S, { limit: 1000 });
      const broken = events.filter((e) => e.type === 'meeting.broken');
      expect(broken).toHaveLength(1);
      expect(broken[0]!.payload).toMatchObject({
        request: 'rus-vnm',
        rules: ['presence'],
        forced: true,
        cause: 'person rus-president changed',
      });
    }
    const notice = await t.store.read((tx) => tx.notices.get(S, { request: 'rus-vnm', kind: 'broken' }));
    expect(notice?.detail).toMatchObject({ kind: 'broken', forced: true });
  });

  it('refuses a plan the summit changed under, naming meeting and rule, and plans again', async () => {
    const { plan, diff } = await proposePlan(ctx, hostStaff, S, { timeLimitMs: 1000, seed: 2 });
    const first = diff.placed.find((p) => p.request === 'usa-phl') ?? diff.placed[0];
    expect(first, 'the plan places something').toBeDefined();
    // a private commitment of the first attendee of a newly placed meeting, right then
    const request = (await t.store.read((tx) => tx.requests.get(S, first!.request)))!;
    const person = request.attendees[0]!;
    const delegation = (await t.store.read((tx) => tx.persons.get(S, person)))!.delegation;
    await busy.add(ctx, delegate(S, delegation, 'protocol-officer'), S, {
      id: `${delegation}-call`,
      person,
      from: first!.start,
      to: first!.end,
      venue: null,
      label: 'A call',
    });
    const refused = await refusalOf(acceptPlan(ctx, hostStaff, S, plan));
    expect(refused.code).toBe('plan-stale');
    expect(refused.details.planAgain).toBe(true);
    expect(refused.message).toMatch(/plan again/);
    expect(refused.details.conflicts).toContainEqual(
      expect.objectContaining({ request: first!.request, rule: 'person-overlap' }),
    );
    // the host may not read the label of the commitment
    expect(refused.message).not.toContain('A call');
  });
  it('plans again: new plans are accepted, keep the broken meeting and warn of it', async () => {
    const { plan } = await proposePlan(ctx, hostStaff, S, { timeLimitMs: 1500, seed: 1 });
    expect(plan.warnings?.join('\n')).toMatch(/rus-vnm/);
    const diff = await acceptPlan(ctx, hostStaff, S, plan);
    expect(diff.placed.length).toBeGreaterThan(0);
  });
});
