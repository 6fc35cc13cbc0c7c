// The store's parts for running several processes: calendar tokens, the planning-job queue,
// notices after commit, the placement lock, and (PostgreSQL) the room exclusion.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DelegationId, PersonId, SummitId, UserId } from '../../../src/domain/ids.js';
import {
  DuplicateError,
  NotFoundError,
  OverlapError,
  StaleVersionError,
  type PlanJob,
  type Store,
  type StoreNotice,
} from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

const job = (summit: SummitId, id: string, createdAt: string = f.at(0)): PlanJob => ({
  id,
  summit,
  status: 'queued',
  requestedBy: 'u1' as UserId,
  seed: 4294967295,
  timeLimitMs: 5000,
  settings: null,
  createdAt,
  startedAt: null,
  finishedAt: null,
  progress: null,
  result: null,
  error: null,
  worker: null,
  heartbeatAt: null,
  planner: null,
  version: 1,
});

/** Waits until `check` passes or a second has gone by. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await sleep(10);
}

/** Registers the contract of the scale-out parts. */
export function scaleOutContract(target: StoreTarget): void {
  const postgresOnly = postgresOnlyFor(target);
  describe('calendar tokens', () => {
    const ctx = useStore(target);
    it('stores a hash, finds it, lists per person, and revokes once', async () => {
      const s = await f.seedWorld(ctx.store);
      const token = {
        id: f.uniqueId('t'),
        hash: f.uniqueId('h'),
        summit: s,
        person: 'p1' as PersonId,
        createdBy: 'u1' as UserId,
        createdAt: f.at(0),
        revokedAt: null,
      };
      await ctx.store.write((tx) => tx.calendarTokens.insert(token));
      await expect(ctx.store.write((tx) => tx.calendarTokens.insert(token))).rejects.toBeInstanceOf(
        DuplicateError,
      );
      expect(await ctx.store.read((tx) => tx.calendarTokens.byHash(token.hash))).toEqual(token);
      expect(await ctx.store.read((tx) => tx.calendarTokens.listFor(s, 'p1' as PersonId))).toEqual([token]);
      expect(await ctx.store.read((tx) => tx.calendarTokens.listFor(s, 'p2' as PersonId))).toEqual([]);
      await ctx.store.write((tx) => tx.calendarTokens.revoke(s, token.id, f.at(5)));
      await ctx.store.write((tx) => tx.calendarTokens.revoke(s, token.id, f.at(9)));
      expect((await ctx.store.read((tx) => tx.calendarTokens.get(s, token.id)))?.revokedAt).toBe(f.at(5));
      await expect(
        ctx.store.write((tx) => tx.calendarTokens.revoke(s, 'nope', f.at(5))),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a token for a person the summit does not have', async () => {
      const s = await f.seedWorld(ctx.store);
      const token = {
        id: f.uniqueId('t'),
        hash: f.uniqueId('h'),
        summit: s,
        person: 'ghost' as PersonId,
        createdBy: 'u1' as UserId,
        createdAt: f.at(0),
        revokedAt: null,
      };
      await expect(ctx.store.write((tx) => tx.calendarTokens.insert(token))).rejects.toThrow(
        /does not exist/,
      );
    });
  });

  describe('plan jobs', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      [a, b] = [await target.open(), await target.open()];
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('round-trips a job, versions status changes, and refuses a stale one', async () => {
      const s = await f.seedWorld(a);
      const stored = await a.write((tx) => tx.planJobs.insert({ ...job(s, f.uniqueId('j')), version: 9 }));
      expect(stored.version).toBe(1);
      expect(await b.read((tx) => tx.planJobs.get(s, stored.id))).toEqual(stored);
      const discarded = await a.write((tx) => tx.planJobs.update({ ...stored, status: 'discarded' }));
      expect(discarded.version).toBe(2);
      await expect(
        b.write((tx) => tx.planJobs.update({ ...stored, status: 'accepted' })),
      ).rejects.toBeInstanceOf(StaleVersionError);
    });

    it('keeps the view a job is planned in: its starter’s grants in the summit', async () => {
      const s = await f.seedWorld(a);
      const planner = {
        system: false,
        grants: [
          { kind: 'host' as const, summit: s, role: 'host-staff' as const },
          {
            kind: 'delegation' as const,
            summit: s,
            delegation: 'usa' as DelegationId,
            role: 'viewer' as const,
          },
        ],
      };
      const stored = await a.write((tx) => tx.planJobs.insert({ ...job(s, f.uniqueId('j')), planner }));
      expect((await b.read((tx) => tx.planJobs.get(s, stored.id)))?.planner).toEqual(planner);
    });

    it('two runners claiming at once never take the same job; each job is taken once', async () => {
      const s = await f.seedWorld(a);
      const ids = [f.uniqueId('j'), f.uniqueId('j'), f.uniqueId('j')];
      await a.write(async (tx) => {
        for (const [i, id] of ids.entries()) await tx.planJobs.insert(job(s, id, f.at(i)));
      });
      const claims = await Promise.all(
        [a, b, a, b, a].map((store, i) =>
          store.write((tx) => tx.planJobs.claim(`w${i}`, f.at(10), f.at(-60))),
        ),
      );
      const taken = claims.flatMap((c) => (c && ids.includes(c.id) ? [c.id] : []));
      expect([...taken].sort()).toEqual([...ids].sort());
      const first = claims.find((c) => c?.id === ids[0]);
      expect(first?.status).toBe('running');
      expect(first?.startedAt).toBe(f.at(10));
    });

    it('progress and the result count only while the runner still holds the job', async () => {
      const s = await f.seedWorld(a);
      const id = f.uniqueId('j');
      // a job queued before every other test's: the first claim takes it
      await a.write((tx) => tx.planJobs.insert(job(s, id, '2000-01-01T00:00:00.000Z')));
      const claimed = await a.write((tx) => tx.planJobs.claim('w1', f.at(10), f.at(-60)));
      expect(claimed?.id).toBe(id);
      const progress = { elapsedMs: 250, objective: { weight: 7, preferred: 1, moved: 0 }, bound: 9 };
      expect(await a.write((tx) => tx.planJobs.report(id, 'w1', progress, f.at(11)))).toBe(true);
      expect(await a.write((tx) => tx.planJobs.report(id, 'w2', progress, f.at(11)))).toBe(false);
      expect((await b.read((tx) => tx.planJobs.get(s, id)))?.progress).toEqual(progress);
      // the owner cancels: the runner's next report and its result are refused
      const current = await b.read((tx) => tx.planJobs.get(s, id));
      await b.write((tx) => tx.planJobs.update({ ...current!, status: 'discarded' }));
      expect(await a.write((tx) => tx.planJobs.report(id, 'w1', progress, f.at(12)))).toBe(false);
      const plan = { meetings: [{ request: 'q1' }] };
      expect(
        await a.write((tx) => tx.planJobs.finish(id, 'w1', { status: 'done', result: plan }, f.at(13))),
      ).toBe(false);
      expect((await a.read((tx) => tx.planJobs.get(s, id)))?.status).toBe('discarded');
    });

    it('a runner that went quiet loses its job to another, whose result stands', async () => {
      const s = await f.seedWorld(a);
      const id = f.uniqueId('j');
      await a.write((tx) => tx.planJobs.insert(job(s, id, '2000-01-01T00:00:00.000Z')));
      expect((await a.write((tx) => tx.planJobs.claim('w1', f.at(0), f.at(-60))))?.id).toBe(id);
      // w1 last reported at f.at(0); by f.at(10) anything older than f.at(5) counts as gone
      const again = await b.write((tx) => tx.planJobs.claim('w2', f.at(10), f.at(5)));
      expect(again?.id).toBe(id);
      const plan = { meetings: [] };
      expect(
        await b.write((tx) => tx.planJobs.finish(id, 'w2', { status: 'done', result: plan }, f.at(11))),
      ).toBe(true);
      expect(
        await a.write((tx) => tx.planJobs.finish(id, 'w1', { status: 'failed', error: 'x' }, f.at(12))),
      ).toBe(false);
      const done = await a.read((tx) => tx.planJobs.get(s, id));
      expect(done).toMatchObject({ status: 'done', result: plan, worker: 'w2', finishedAt: f.at(11) });
      // the job says it was taken over, from whom, and that it took two attempts
      expect(done).toMatchObject({ attempts: 2, takenOverFrom: 'w1' });
      expect(done?.attemptErrors).toEqual(['the runner w1 stopped answering; taken over by w2']);
    });

    it('a job given back on shutdown is queued again at once and its attempt does not count', async () => {
      const s = await f.seedWorld(a);
      const id = f.uniqueId('j');
      await a.write((tx) => tx.planJobs.insert(job(s, id, '2000-01-01T00:00:00.000Z')));
      expect((await a.write((tx) => tx.planJobs.claim('w1', f.at(0), f.at(-60))))?.id).toBe(id);
      expect(await b.write((tx) => tx.planJobs.requeue(id, 'w2'))).toBe(false); // not w2's
      expect(await a.write((tx) => tx.planJobs.requeue(id, 'w1'))).toBe(true);
      expect(await a.read((tx) => tx.planJobs.get(s, id))).toMatchObject({
        status: 'queued',
        worker: null,
        attempts: 0,
      });
      // no staleness needed: the next claim, a moment later, takes it
      expect((await b.write((tx) => tx.planJobs.claim('w2', f.at(1), f.at(-60))))?.id).toBe(id);
      // a failed attempt counts and keeps its error
      expect(await b.write((tx) => tx.planJobs.requeue(id, 'w2', 'attempt 1: boom'))).toBe(true);
      expect(await a.read((tx) => tx.planJobs.get(s, id))).toMatchObject({
        status: 'queued',
        attempts: 1,
        attemptErrors: ['attempt 1: boom'],
      });
      // out of the way of the next tests' claims
      const queued = await a.read((tx) => tx.planJobs.get(s, id));
      await a.write((tx) => tx.planJobs.update({ ...queued!, status: 'discarded' }));
    });

    it('a job whose runner went silent on its last attempt is failed with every reason, not taken again', async () => {
      const s = await f.seedWorld(a);
      const id = f.uniqueId('j');
      await a.write((tx) => tx.planJobs.insert(job(s, id, '2000-01-01T00:00:00.000Z')));
      // two runners in a row die holding it (claimed, then silent past the stale mark)
      expect((await a.write((tx) => tx.planJobs.claim('w1', f.at(0), f.at(-60))))?.id).toBe(id);
      expect((await a.write((tx) => tx.planJobs.claim('w2', f.at(10), f.at(5))))?.id).toBe(id);
      expect(await a.write((tx) => tx.planJobs.failExhausted(2, f.at(12), f.at(5)))).toBe(0); // w2 not silent yet
      expect(await a.write((tx) => tx.planJobs.failExhausted(2, f.at(20), f.at(15)))).toBe(1);
      const failed = await a.read((tx) => tx.planJobs.get(s, id));
      expect(failed).toMatchObject({ status: 'failed', attempts: 2, finishedAt: f.at(20) });
      expect(failed?.error).toBe(
        'planning stopped 2 times without finishing: the runner w1 stopped answering; taken over by w2; the runner w2 stopped answering',
      );
      expect(await b.write((tx) => tx.planJobs.claim('w3', f.at(30), f.at(25)))).not.toMatchObject({ id });
    });
  });

  describe('notices', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      [a, b] = [await target.open(), await target.open()];
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('tell this store of committed events and jobs at once, and nothing of a rolled-back write', async () => {
      const s = await f.seedWorld(a);
      const heard: StoreNotice[] = [];
      const stop = await a.subscribe((n) => heard.push(n));
      try {
        const e = await a.write((tx) => tx.events.append(f.event(s, 'x.happened')));
        await a.write((tx) => tx.planJobs.insert(job(s, 'j-notice')));
        await a
          .write(async (tx) => {
            await tx.events.append(f.event(s, 'x.undone'));
            throw new Error('roll back');
          })
          .catch(() => undefined);
        await eventually(() => heard.filter((n) => 'summit' in n && n.summit === s).length >= 2);
        const mine = heard.filter((n) => 'summit' in n && n.summit === s);
        expect(mine).toContainEqual({ kind: 'event', summit: s, seq: e.seq });
        expect(mine).toContainEqual({ kind: 'plan-job', summit: s, job: 'j-notice' });
        const seqs = mine.flatMap((n) => (n.kind === 'event' ? [n.seq] : []));
        expect(new Set(seqs)).toEqual(new Set([e.seq]));
      } finally {
        await stop();
      }
    });

    // PostgreSQL's own mechanism, registered on that backend only (nothing is skipped on SQLite).
    postgresOnly('tell every store on the database, through LISTEN/NOTIFY', async () => {
      const s = await f.seedWorld(a);
      const heard: StoreNotice[] = [];
      const stop = await b.subscribe((n) => heard.push(n));
      try {
        const e = await a.write((tx) => tx.events.append(f.event(s, 'x.elsewhere')));
        await eventually(() => heard.some((n) => 'summit' in n && n.summit === s));
        expect(heard.filter((n) => 'summit' in n && n.summit === s)).toEqual([
          { kind: 'event', summit: s, seq: e.seq },
        ]);
      } finally {
        await stop();
      }
    });
  });

  describe('placements', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      [a, b] = [await target.open(), await target.open()];
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('lockSummit lets one placing transaction at a time read and write', async () => {
      const s = await f.seedWorld(a);
      await a.write((tx) => tx.requests.insert(s, f.request('q2')));
      // each writer places q1 or q2 at 08:00 unless the other already holds p1 then: one must see the other
      const place = (store: Store, request: string) =>
        store.write(async (tx) => {
          await tx.lockSummit(s);
          const taken = (await tx.meetings.list(s)).length > 0;
          await sleep(50); // both read before either writes, unless the lock orders them
          if (taken) return false;
          await tx.meetings.insert(s, { ...f.meeting(request, null) });
          return true;
        });
      const outcomes = await Promise.all([place(a, 'q1'), place(b, 'q2')]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await a.read((tx) => tx.meetings.list(s))).toHaveLength(1);
    });

    // PostgreSQL's own mechanism, registered on that backend only (nothing is skipped on SQLite).
    postgresOnly(
      'two meetings in one room at overlapping times never both commit, even concurrently',
      async () => {
        const s = await f.seedWorld(a);
        await a.write((tx) => tx.requests.insert(s, f.request('q2')));
        const outcomes = await Promise.allSettled([
          a.write((tx) => tx.meetings.insert(s, f.meeting('q1'))),
          b.write((tx) => tx.meetings.insert(s, { ...f.meeting('q2'), start: f.at(15), end: f.at(45) })),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(OverlapError);
        expect(String(refused?.status === 'rejected' && refused.reason.message)).toMatch(/room r1/);
        // back to back is fine, and so is a swap inside one transaction (checked at commit)
        const [kept] = await a.read((tx) => tx.meetings.list(s));
        // whichever won, the other fits right after it (q1 holds 0–30, q2 15–45)
        const other = kept!.request === 'q1' ? 'q2' : 'q1';
        const after = kept!.request === 'q1' ? 30 : 45;
        await a.write((tx) =>
          tx.meetings.insert(s, { ...f.meeting(other), start: f.at(after), end: f.at(after + 30) }),
        );
        await a.write(async (tx) => {
          const [first, second] = await tx.meetings.list(s);
          await tx.meetings.update(s, { ...first!, start: second!.start, end: second!.end });
          await tx.meetings.update(s, { ...second!, start: first!.start, end: first!.end });
        });
        expect(await a.read((tx) => tx.meetings.list(s))).toHaveLength(2);
      },
    );
  });
}

/** `it` on PostgreSQL; on SQLite the test is not registered at all rather than reported as skipped. */
function postgresOnlyFor(target: {
  dialect: string;
}): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  return (name, fn, timeout) => {
    if (target.dialect === 'postgres') it(name, fn, timeout);
  };
}
