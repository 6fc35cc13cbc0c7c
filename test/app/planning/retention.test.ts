// Finished planning jobs are deleted a week after they finished, a few at a time as new jobs are
// queued; queued and running jobs stay, however old.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, host, openTestStore, SYSTEM, testContext, type TestStore } from '../../support/app.js';
import type { UserId } from '../../../src/domain/ids.js';
import { NotFoundError, type PlanJob, type PlanJobStatus } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { readPlanJob, startPlanJob } from '../../../src/app/planning/jobs.js';
import { PLAN_JOB_RETENTION_MS, PLAN_JOB_SWEEP_LIMIT } from '../../../src/app/planning/retention.js';

const DAY_MINUTES = 24 * 60;

describe.each(BACKENDS)('planning job retention on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const planner = host(S);
  /** A job as a runner would have left it, finished `ageMs` before now (or never, if unfinished). */
  const job = (id: string, status: PlanJobStatus, ageMs: number): PlanJob => {
    const at = new Date(Date.parse(ctx.now()) - ageMs).toISOString();
    const finished = status !== 'queued' && status !== 'running';
    return {
      id,
      summit: S,
      status,
      requestedBy: 'host-host-admin' as UserId,
      seed: 1,
      timeLimitMs: 1000,
      settings: null,
      createdAt: at,
      startedAt: status === 'queued' ? null : at,
      finishedAt: finished ? at : null,
      progress: null,
      result: status === 'done' || status === 'accepted' ? { placements: [], note: 'x'.repeat(2000) } : null,
      error: status === 'failed' ? 'no plan' : null,
      worker: status === 'queued' ? null : 'w1',
      heartbeatAt: status === 'running' ? at : null,
      planner: null,
      version: 1,
    };
  };
  const present = async (ids: string[]) => {
    const found = await t.store.read((tx) => Promise.all(ids.map((id) => tx.planJobs.get(S, id))));
    return found.flatMap((j) => (j ? [j.id] : []));
  };

  it('a new job deletes finished jobs older than the retention period; queued, running and recent ones stay', async () => {
    const week = PLAN_JOB_RETENTION_MS;
    const jobs = [
      job('old-done', 'done', week + 60_000),
      job('old-failed', 'failed', week + 60_000),
      job('old-accepted', 'accepted', week + 60_000),
      job('old-discarded', 'discarded', week + 60_000),
      job('old-queued', 'queued', 30 * week),
      job('old-running', 'running', 30 * week),
      job('recent-done', 'done', week - 60_000),
    ];
    await t.store.write(async (tx) => {
      for (const j of jobs) await tx.planJobs.insert(j);
    });
    const ids = jobs.map((j) => j.id);
    // still readable until a sweep comes
    expect((await readPlanJob(ctx, planner, S, 'old-failed')).status).toBe('failed');

    const started = await startPlanJob(ctx, planner, S, { timeLimitSeconds: 1 });
    expect(await present(ids)).toEqual(['old-queued', 'old-running', 'recent-done']);
    await expect(readPlanJob(ctx, planner, S, 'old-failed')).rejects.toBeInstanceOf(NotFoundError);
    expect((await readPlanJob(ctx, planner, S, started.id)).status).toBe('queued');

    // a day later the recent one has had its week too
    ctx.advance(DAY_MINUTES);
    await startPlanJob(ctx, planner, S, { timeLimitSeconds: 1 });
    expect(await present(ids)).toEqual(['old-queued', 'old-running']);
  });

  it('deletes a bounded batch per new job, oldest first, so a backlog never makes a start slow', async () => {
    const backlog = Array.from({ length: PLAN_JOB_SWEEP_LIMIT + 5 }, (_, i) =>
      // backlog-0 finished last: the higher the number, the older the job
      job(`backlog-${i}`, 'done', PLAN_JOB_RETENTION_MS + (i + 1) * 60_000),
    );
    await t.store.write(async (tx) => {
      for (const j of backlog) await tx.planJobs.insert(j);
    });
    const ids = backlog.map((j) => j.id);
    await startPlanJob(ctx, planner, S, {});
    expect(await present(ids)).toEqual(ids.slice(0, 5));
    await startPlanJob(ctx, planner, S, {});
    expect(await present(ids)).toEqual([]);
  });
});
