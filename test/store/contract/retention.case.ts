// Retention: the bounded deletes that keep remembered idempotent answers and finished planning
// jobs from piling up. Each suite runs on a database of its own, since a sweep is not per summit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import type { IdempotentResponse, PlanJob, PlanJobStatus, Store } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import type { StoreTarget } from './target.js';

const answer = (user: UserId, key: string, createdAt: string): IdempotentResponse => ({
  key,
  user,
  fingerprint: `fp-${key}`,
  status: 201,
  body: '{"ok":true}',
  createdAt,
});

const job = (summit: SummitId, id: string, status: PlanJobStatus, finishedAt: string | null): PlanJob => ({
  id,
  summit,
  status,
  requestedBy: 'u1' as UserId,
  seed: 1,
  timeLimitMs: 1000,
  settings: null,
  createdAt: f.at(0),
  startedAt: status === 'queued' ? null : f.at(0),
  finishedAt,
  progress: null,
  result: status === 'done' || status === 'accepted' ? { placements: ['x'.repeat(1000)] } : null,
  error: status === 'failed' ? 'no plan' : null,
  worker: status === 'queued' ? null : 'w1',
  heartbeatAt: null,
  planner: null,
  version: 1,
});

/** Registers the retention contract. */
export function retentionContract(target: StoreTarget): void {
  describe('retention', () => {
    let store: Store;
    let other: Store;
    beforeAll(async () => {
      const fresh = await target.fresh();
      [store, other] = [await fresh.open(), await fresh.open()];
    });
    afterAll(async () => {
      await Promise.all([store?.close(), other?.close()]);
    });

    const newUser = async (): Promise<UserId> => {
      const id = f.uniqueId('u');
      await store.write((tx) => tx.users.insert(f.user(id)));
      return id as UserId;
    };
    const keysOf = async (user: UserId, keys: string[]) => {
      const found = await store.read((tx) => Promise.all(keys.map((k) => tx.idempotency.get(user, k))));
      return found.flatMap((r) => (r ? [r.key] : []));
    };

    it('idempotency: deletes answers stored before the cutoff, oldest first and at most `limit` at once', async () => {
      const user = await newUser();
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k30'];
      await store.write(async (tx) => {
        // stored out of order, so "oldest first" is the order of the times, not of the inserts
        for (const minute of [3, 0, 30, 4, 1, 2]) {
          await tx.idempotency.put(answer(user, `k${minute}`, f.at(minute)));
        }
      });
      expect(await store.write((tx) => tx.idempotency.removeStoredBefore(f.at(10), 2))).toBe(2);
      expect(await keysOf(user, keys)).toEqual(['k2', 'k3', 'k4', 'k30']);
      expect(await store.write((tx) => tx.idempotency.removeStoredBefore(f.at(10), 100))).toBe(3);
      expect(await store.write((tx) => tx.idempotency.removeStoredBefore(f.at(10), 100))).toBe(0);
      expect(await keysOf(user, keys)).toEqual(['k30']);
      // the cutoff itself is not "before": an answer stored at that instant stays
      expect(await store.write((tx) => tx.idempotency.removeStoredBefore(f.at(30), 100))).toBe(0);
      expect(await keysOf(user, keys)).toEqual(['k30']);
    });

    it('idempotency: forget drops only that user’s key, and only when stored before the instant', async () => {
      const [alice, bob] = [await newUser(), await newUser()];
      await store.write(async (tx) => {
        await tx.idempotency.put(answer(alice, 'same', f.at(0)));
        await tx.idempotency.put(answer(bob, 'same', f.at(0)));
      });
      await store.write((tx) => tx.idempotency.forget(alice, 'same', f.at(0)));
      expect(await keysOf(alice, ['same'])).toEqual(['same']);
      await store.write((tx) => tx.idempotency.forget(alice, 'same', f.at(1)));
      expect(await keysOf(alice, ['same'])).toEqual([]);
      expect(await keysOf(bob, ['same'])).toEqual(['same']);
      // forgotten, the key takes a new answer
      await store.write((tx) => tx.idempotency.put(answer(alice, 'same', f.at(5))));
      expect((await store.read((tx) => tx.idempotency.get(alice, 'same')))?.createdAt).toBe(f.at(5));
    });

    it('plan jobs: deletes finished jobs that finished before the cutoff, oldest first; never queued or running ones', async () => {
      const s = await f.seedWorld(store);
      const jobs = [
        job(s, 'queued', 'queued', null),
        job(s, 'running', 'running', null),
        // a running job never has a finish time, but if one had, its status still protects it
        job(s, 'running-odd', 'running', f.at(1)),
        job(s, 'accepted', 'accepted', f.at(4)),
        job(s, 'done', 'done', f.at(2)),
        job(s, 'failed', 'failed', f.at(3)),
        job(s, 'discarded', 'discarded', f.at(5)),
        job(s, 'done-late', 'done', f.at(30)),
      ];
      await store.write(async (tx) => {
        for (const j of jobs) await tx.planJobs.insert(j);
      });
      const left = async () => {
        const found = await store.read((tx) => Promise.all(jobs.map((j) => tx.planJobs.get(s, j.id))));
        return found.flatMap((j) => (j ? [j.id] : []));
      };
      const revision = await store.read((tx) => tx.revisions.get(s));
      expect(await store.write((tx) => tx.planJobs.removeFinishedBefore(f.at(10), 2))).toBe(2);
      expect(await left()).toEqual([
        'queued',
        'running',
        'running-odd',
        'accepted',
        'discarded',
        'done-late',
      ]);
      expect(await store.write((tx) => tx.planJobs.removeFinishedBefore(f.at(10), 100))).toBe(2);
      expect(await store.write((tx) => tx.planJobs.removeFinishedBefore(f.at(10), 100))).toBe(0);
      expect(await left()).toEqual(['queued', 'running', 'running-odd', 'done-late']);
      expect(await store.write((tx) => tx.planJobs.removeFinishedBefore(f.at(30), 100))).toBe(0);
      expect(await store.write((tx) => tx.planJobs.removeFinishedBefore(f.at(31), 100))).toBe(1);
      expect(await left()).toEqual(['queued', 'running', 'running-odd']);
      // a sweep is housekeeping, not a change of the summit's records
      expect(await store.read((tx) => tx.revisions.get(s))).toBe(revision);
    });

    if (target.dialect === 'postgres') {
      it('PostgreSQL: rows another transaction holds are passed over, not waited for', async () => {
        // older than anything the other tests left, so the sweeps below see only these rows
        const s = await f.seedWorld(store);
        const user = await newUser();
        await store.write(async (tx) => {
          await tx.planJobs.insert(job(s, 'held', 'done', f.at(-59)));
          await tx.planJobs.insert(job(s, 'free', 'done', f.at(-58)));
          await tx.idempotency.put(answer(user, 'held', f.at(-59)));
          await tx.idempotency.put(answer(user, 'free', f.at(-58)));
        });
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        // another process accepts the job and re-stores the answer: both rows locked until it commits
        const holder = other.write(async (tx) => {
          const found = await tx.planJobs.get(s, 'held');
          await tx.planJobs.update({ ...found!, status: 'accepted' });
          await tx.idempotency.forget(user, 'held', f.at(-58));
          holding();
          await gate;
        });
        await held;
        const removed = await store.write(async (tx) => [
          await tx.planJobs.removeFinishedBefore(f.at(-50), 100),
          await tx.idempotency.removeStoredBefore(f.at(-50), 100),
        ]);
        release();
        await holder;
        expect(removed).toEqual([1, 1]);
        expect(await store.read((tx) => tx.planJobs.get(s, 'held'))).toMatchObject({ status: 'accepted' });
        expect(await store.read((tx) => tx.planJobs.get(s, 'free'))).toBeUndefined();
        expect(await keysOf(user, ['held', 'free'])).toEqual([]);
      });
    }
  });
}
