// Planning jobs: a queue of solver runs in the database, claimed by one runner each, whose
// progress and plan any process can read.
import type { Selectable } from 'kysely';
import type { SummitId, UserId } from '../../domain/ids.js';
import type {
  PlanJob,
  PlanJobPlanner,
  PlanJobProgress,
  PlanJobSettings,
  PlanJobStatus,
  Tx,
} from '../store.js';
import { json, jsonOrNull, parseJsonOrNull } from './columns.js';
import type { PlanJobRow } from './rows.js';
import { insertVersioned, updateVersioned, type TableContext, type Target } from './versioned.js';

/** The statuses a job ends in: no runner will touch it again. */
const FINISHED: readonly PlanJobStatus[] = ['done', 'failed', 'accepted', 'discarded'];

/** A plan_jobs row as a PlanJob. */
export function rowToPlanJob(row: Selectable<PlanJobRow>): PlanJob {
  return {
    id: row.id,
    summit: row.summit_id as SummitId,
    status: row.status as PlanJobStatus,
    requestedBy: row.requested_by as UserId,
    seed: Number(row.seed),
    timeLimitMs: row.time_limit_ms,
    settings: parseJsonOrNull<PlanJobSettings>(row.settings),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: parseJsonOrNull<PlanJobProgress>(row.progress),
    result: parseJsonOrNull<unknown>(row.result),
    error: row.error,
    worker: row.worker,
    heartbeatAt: row.heartbeat_at,
    planner: parseJsonOrNull<PlanJobPlanner>(row.planner),
    version: row.version,
    attempts: Number(row.attempts ?? 0),
    takenOverFrom: row.taken_over_from ?? null,
    attemptErrors: parseJsonOrNull<string[]>(row.attempt_errors ?? null) ?? [],
  };
}

/** The attempt errors of a row with `error` added. */
function withError(row: { attempt_errors: string | null }, error: string): string {
  return JSON.stringify([...(parseJsonOrNull<string[]>(row.attempt_errors) ?? []), error]);
}

/** Every column a job's owner may change (all but the key and the version). */
function columnsOf(job: PlanJob): Record<string, unknown> {
  return {
    status: job.status,
    requested_by: job.requestedBy,
    seed: job.seed,
    time_limit_ms: job.timeLimitMs,
    settings: jsonOrNull(job.settings),
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    progress: jsonOrNull(job.progress),
    result: jsonOrNull(job.result),
    error: job.error,
    worker: job.worker,
    heartbeat_at: job.heartbeatAt,
    ...(job.attempts !== undefined ? { attempts: job.attempts } : {}),
    ...(job.takenOverFrom !== undefined ? { taken_over_from: job.takenOverFrom } : {}),
    ...(job.attemptErrors !== undefined ? { attempt_errors: JSON.stringify(job.attemptErrors) } : {}),
    planner: jsonOrNull(job.planner),
  };
}

/** The planJobs member of a transaction. */
export function planJobsTable(ctx: TableContext): Tx['planJobs'] {
  const target = (summit: string, id: string): Target => ({
    table: 'plan_jobs',
    entity: 'plan job',
    key: id,
    where: { summit_id: summit, id },
  });
  const byId = (id: string) =>
    ctx.db.selectFrom('plan_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  const tell = (job: { summit: SummitId; id: string }) =>
    ctx.notify({ kind: 'plan-job', summit: job.summit, job: job.id });

  return {
    async insert(job) {
      await insertVersioned(ctx, target(job.summit, job.id), {
        id: job.id,
        summit_id: job.summit,
        ...columnsOf(job),
      });
      await tell(job);
      return {
        ...job,
        version: 1,
        attempts: job.attempts ?? 0,
        takenOverFrom: job.takenOverFrom ?? null,
        attemptErrors: job.attemptErrors ?? [],
      };
    },
    async get(summit, id) {
      const row = await ctx.db
        .selectFrom('plan_jobs')
        .selectAll()
        .where('summit_id', '=', summit)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? rowToPlanJob(row) : undefined;
    },
    async update(job) {
      const version = await updateVersioned(ctx, target(job.summit, job.id), job.version, columnsOf(job));
      await tell(job);
      return { ...job, version };
    },
    async claim(worker, at, staleBefore) {
      let pick = ctx.db
        .selectFrom('plan_jobs')
        .select(['id', 'version', 'status', 'worker', 'attempts', 'attempt_errors'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(1);
      // Runners in other processes pass over the row this one holds instead of waiting for it.
      if (ctx.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const picked = await pick.executeTakeFirst();
      if (!picked) return undefined;
      // a running job here is one whose runner went silent (killed, or cut off): say so in the job
      const takeover = picked.status === 'running' ? picked.worker : null;
      const result = await ctx.db
        .updateTable('plan_jobs')
        .set({
          status: 'running',
          worker,
          started_at: at,
          heartbeat_at: at,
          progress: null,
          // an early answer of an earlier attempt is not this attempt's
          result: null,
          version: picked.version + 1,
          attempts: Number(picked.attempts) + 1,
          ...(takeover
            ? {
                taken_over_from: takeover,
                attempt_errors: withError(
                  picked,
                  `the runner ${takeover} stopped answering; taken over by ${worker}`,
                ),
              }
            : {}),
        })
        .where('id', '=', picked.id)
        .where('version', '=', picked.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      const row = await byId(picked.id);
      return row ? rowToPlanJob(row) : undefined;
    },
    async report(id, worker, progress, at) {
      const result = await ctx.db
        .updateTable('plan_jobs')
        .set({ progress: json(progress), heartbeat_at: at })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('worker', '=', worker)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async answer(id, worker, result, progress, at) {
      const done = await ctx.db
        .updateTable('plan_jobs')
        .set({ result: json(result), progress: json(progress), heartbeat_at: at })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('worker', '=', worker)
        .executeTakeFirst();
      return Number(done.numUpdatedRows) > 0;
    },
    async failExhausted(maxAttempts, at, staleBefore) {
      const exhausted = await ctx.db
        .selectFrom('plan_jobs')
        .select(['id', 'summit_id', 'version', 'worker', 'attempts', 'attempt_errors'])
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', staleBefore)
        .where('attempts', '>=', maxAttempts)
        .execute();
      let failed = 0;
      for (const row of exhausted) {
        const errors = [
          ...(parseJsonOrNull<string[]>(row.attempt_errors) ?? []),
          `the runner ${row.worker ?? '(unknown)'} stopped answering`,
        ];
        const result = await ctx.db
          .updateTable('plan_jobs')
          .set({
            status: 'failed',
            error: `planning stopped ${row.attempts} times without finishing: ${errors.join('; ')}`,
            attempt_errors: JSON.stringify(errors),
            finished_at: at,
            heartbeat_at: at,
            version: row.version + 1,
          })
          .where('id', '=', row.id)
          .where('version', '=', row.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) continue;
        failed++;
        await tell({ summit: row.summit_id as SummitId, id: row.id });
      }
      return failed;
    },
    async requeue(id, worker, error) {
      const row = await byId(id);
      if (!row || row.status !== 'running' || row.worker !== worker) return false;
      const result = await ctx.db
        .updateTable('plan_jobs')
        .set({
          status: 'queued',
          worker: null,
          heartbeat_at: null,
          started_at: null,
          progress: null,
          result: null,
          version: row.version + 1,
          // given back on shutdown: the attempt does not count
          ...(error === undefined
            ? { attempts: Math.max(0, Number(row.attempts) - 1) }
            : { attempt_errors: withError(row, error) }),
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await tell({ summit: row.summit_id as SummitId, id });
      return true;
    },
    async finish(id, worker, outcome, at) {
      const row = await byId(id);
      if (!row || row.status !== 'running' || row.worker !== worker) return false;
      const result = await ctx.db
        .updateTable('plan_jobs')
        .set({
          status: outcome.status,
          result: outcome.status === 'done' ? json(outcome.result) : null,
          error: outcome.status === 'failed' ? outcome.error : null,
          finished_at: at,
          heartbeat_at: at,
          version: row.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await tell({ summit: row.summit_id as SummitId, id });
      return true;
    },
    async removeFinishedBefore(finishedBefore, limit) {
      const result = await ctx.db
        .deleteFrom('plan_jobs')
        .where('id', 'in', () => {
          let oldest = ctx.db
            .selectFrom('plan_jobs')
            .select('id')
            .where('status', 'in', FINISHED)
            .where('finished_at', '<', finishedBefore)
            .orderBy('finished_at')
            .limit(limit);
          // a job being accepted or discarded right now is left for the next sweep
          if (ctx.dialect === 'postgres') oldest = oldest.forUpdate().skipLocked();
          return oldest;
        })
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async queueStats() {
      const rows = await ctx.db
        .selectFrom('plan_jobs')
        .select((eb) => [
          'status',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.min('created_at').as('oldest'),
        ])
        .where('status', 'in', ['queued', 'running'])
        .groupBy('status')
        .execute();
      const of = (status: string) => rows.find((r) => r.status === status);
      return {
        queued: Number(of('queued')?.n ?? 0),
        running: Number(of('running')?.n ?? 0),
        oldestQueuedAt: of('queued')?.oldest ?? null,
      };
    },
  };
}
