// Runs queued planning jobs: claims one from the store, solves it in a worker thread, reports
// progress and a heartbeat, and stores the plan. The server runs one on SQLite; `sideline worker`
// processes run them on PostgreSQL. Several runners share one queue: each job is claimed once.
import { hostname } from 'node:os';
import type { Progress } from '../../engine/search/search.js';
import { PlannerThread } from '../../engine/worker/planner-thread.js';
import type { PlanJob, PlanJobProgress, StoreNotice } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';
import { plannerOfJob, planningInputFor } from './plan.js';
import { resolveRun } from './run-settings.js';

/**
 * How long a keep-the-schedule run may take to answer (its time limit, when shorter, wins). What the
 * change displaced or added is always tried whatever the clock says; this budget only bounds the
 * extra attempts for requests left off before, so it stays well inside the 300 ms a re-plan may take.
 */
export const KEEP_ANSWER_MS = 120;

/** How a runner behaves; every field has a default. */
export interface RunnerOptions {
  /** This runner's name in the job rows (default: host, process id and a counter). */
  worker?: string;
  /** Jobs solved at once, each in its own thread (default 1). */
  concurrency?: number;
  /** How often to store progress and say "still alive" (default 1000 ms). */
  heartbeatMs?: number;
  /** A running job whose runner has been silent this long is taken over (default 30 000 ms). */
  staleAfterMs?: number;
  /** How often to look for jobs without being told (default 5000 ms; notices usually come first). */
  pollMs?: number;
  /** Attempts a job gets before it is marked failed (default 3): a failure or a silent runner each count one. */
  maxAttempts?: number;
  /** Told of each job a runner starts and ends, and of failures outside a job. */
  log?: (message: string) => void;
}

/** A running runner. */
export interface PlanJobRunner {
  readonly worker: string;
  /** Jobs this runner is solving now. */
  running(): string[];
  /** Stops taking jobs, gives the ones running back to the queue at once (another runner starts them again) and waits. */
  close(): Promise<void>;
}

let runners = 0;

/** Attempts a planning job gets before it is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Milliseconds of an ISO instant `ms` before `at`. */
function before(at: string, ms: number): string {
  return new Date(Date.parse(at) - ms).toISOString();
}

function progressOf(p: Progress): PlanJobProgress {
  return { elapsedMs: Math.round(p.elapsedMs), objective: p.objective, bound: p.bound };
}

/** Starts a runner on the context's store; it listens for queued jobs until closed. */
export async function startPlanJobRunner(
  ctx: AppContext,
  options: RunnerOptions = {},
): Promise<PlanJobRunner> {
  const worker = options.worker ?? `${hostname()}:${process.pid}:${++runners}`;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const pollMs = options.pollMs ?? 5000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const log = options.log ?? (() => undefined);
  const active = new Map<string, { abort: AbortController; done: Promise<void> }>();
  // One planner thread per job slot, alive across jobs: each keeps what its last runs of a summit
  // compiled, so a re-plan after one change is warm.
  const idle = Array.from({ length: concurrency }, () => new PlannerThread());
  let closed = false;
  let claiming = false;
  let again = false;

  /** Puts a job this runner holds back in the queue (on shutdown); the attempt does not count. */
  const giveBack = async (job: PlanJob): Promise<void> => {
    const back = await ctx.store
      .write((tx) => tx.planJobs.requeue(job.id, worker))
      .catch((e: unknown) => {
        log(
          `planning job ${job.id}: giving it back failed (${String(e)}); another runner takes it over later`,
        );
        return false;
      });
    if (back) log(`planning job ${job.id} given back to the queue`);
  };

  /** Solves one claimed job to its end, whatever happens. */
  const run = async (job: PlanJob, abort: AbortController, thread: PlannerThread): Promise<void> => {
    let latest: PlanJobProgress = { elapsedMs: 0, objective: null, bound: null };
    let answered: Promise<void> = Promise.resolve();
    const started = Date.now();
    const beat = async (): Promise<void> => {
      const progress = { ...latest, elapsedMs: Math.max(latest.elapsedMs, Date.now() - started) };
      const holding = await ctx.store.write((tx) => tx.planJobs.report(job.id, worker, progress, ctx.now()));
      if (!holding) abort.abort(); // discarded, or taken over: stop searching
    };
    const timer = setInterval(
      () => void beat().catch((e: unknown) => log(`heartbeat failed: ${String(e)}`)),
      heartbeatMs,
    );
    try {
      log(`planning job ${job.id} of summit ${job.summit} started`);
      const data = await ctx.store.read((tx) => loadSummitData(tx, job.summit));
      const settings = resolveRun(job.settings, data, ctx.now());
      // made in its starter's view; other readers of the job see of it what they may see
      const plan = await thread.plan(
        planningInputFor(plannerOfJob(job), data),
        {
          seed: job.seed,
          timeLimitMs:
            settings.engineMode === 'repair' ? Math.min(job.timeLimitMs, KEEP_ANSWER_MS) : job.timeLimitMs,
          mode: settings.engineMode,
          policy: settings.policy,
          session: job.summit,
        },
        {
          onProgress: (p) => {
            latest = progressOf(p);
          },
          // The answer is readable at once; the bound and the explanations follow.
          onAnswer: (answer) => {
            latest = {
              elapsedMs: Math.round(answer.stats.millis),
              objective: answer.objective,
              bound: answer.bound,
            };
            const stored = { ...latest };
            answered = answered
              .then(() =>
                ctx.store.write((tx) => tx.planJobs.answer(job.id, worker, answer, stored, ctx.now())),
              )
              .then(
                () => undefined,
                // the whole plan is stored at the end anyway; only its early sight is lost
                (e: unknown) => log(`storing the answer of planning job ${job.id} failed: ${String(e)}`),
              );
          },
          onBound: (bound) => {
            latest = { ...latest, bound };
          },
          signal: abort.signal,
        },
      );
      // The answer is written before the whole plan.
      await answered;
      // Closing mid-search gives the job back: another runner starts it again at once.
      if (closed) {
        await giveBack(job);
        return;
      }
      const final = { elapsedMs: plan.stats.millis, objective: plan.objective, bound: plan.bound };
      const stored = await ctx.store.write(
        async (tx) =>
          (await tx.planJobs.report(job.id, worker, final, ctx.now())) &&
          tx.planJobs.finish(job.id, worker, { status: 'done', result: plan }, ctx.now()),
      );
      log(`planning job ${job.id} ${stored ? 'done' : 'ended; it was discarded or taken over'}`);
    } catch (error) {
      if (closed) {
        await giveBack(job);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const attempts = job.attempts ?? 1;
      if (attempts < maxAttempts) {
        log(`planning job ${job.id} attempt ${attempts} of ${maxAttempts} failed, queued again: ${message}`);
        await ctx.store
          .write((tx) => tx.planJobs.requeue(job.id, worker, `attempt ${attempts}: ${message}`))
          .catch(() => undefined);
        return;
      }
      log(`planning job ${job.id} failed (attempt ${attempts} of ${maxAttempts}): ${message}`);
      const earlier = job.attemptErrors ?? [];
      const reason =
        earlier.length > 0
          ? `${message} (attempt ${attempts} of ${maxAttempts}; before: ${earlier.join('; ')})`
          : message;
      await ctx.store
        .write((tx) => tx.planJobs.finish(job.id, worker, { status: 'failed', error: reason }, ctx.now()))
        .catch(() => undefined);
    } finally {
      clearInterval(timer);
    }
  };

  /** Claims jobs while there is room; one claim loop at a time, re-run when told meanwhile. */
  const fill = async (): Promise<void> => {
    if (claiming) {
      again = true;
      return;
    }
    claiming = true;
    try {
      do {
        again = false;
        while (!closed && active.size < concurrency) {
          const now = ctx.now();
          const staleBefore = before(now, staleAfterMs);
          const job = await ctx.store.write(async (tx) => {
            // jobs that crashed their runner maxAttempts times are not taken again
            await tx.planJobs.failExhausted(maxAttempts, now, staleBefore);
            return tx.planJobs.claim(worker, now, staleBefore);
          });
          if (!job) break;
          const thread = idle.pop()!;
          const entry = { abort: new AbortController(), done: Promise.resolve() };
          entry.done = run(job, entry.abort, thread).finally(() => {
            active.delete(job.id);
            idle.push(thread);
            void fill();
          });
          active.set(job.id, entry);
        }
      } while (again && !closed);
    } catch (error) {
      log(`looking for planning jobs failed: ${String(error)}`);
    } finally {
      claiming = false;
    }
  };

  /** A notice about a job this runner holds may be its cancellation: look at once. */
  const onNotice = (notice: StoreNotice): void => {
    if (closed || notice.kind !== 'plan-job') return;
    const held = active.get(notice.job);
    if (!held) {
      void fill();
      return;
    }
    void ctx.store
      .read((tx) => tx.planJobs.get(notice.summit, notice.job))
      .then((job) => {
        if (!job || job.status !== 'running' || job.worker !== worker) held.abort.abort();
      })
      .catch(() => undefined);
  };

  const unsubscribe = await ctx.store.subscribe(onNotice);
  const poll = setInterval(() => void fill(), pollMs);
  void fill();

  return {
    worker,
    running: () => [...active.keys()],
    async close() {
      closed = true;
      clearInterval(poll);
      await unsubscribe();
      for (const entry of active.values()) entry.abort.abort();
      await Promise.all([...active.values()].map((entry) => entry.done));
      await Promise.all(idle.map((t) => t.close()));
    },
  };
}

/** Where a server's planning jobs run. */
export interface PlanJobService {
  /** `in-process`: in worker threads of this process; `queue`: by `sideline worker` processes. */
  readonly mode: 'in-process' | 'queue';
  close(): Promise<void>;
}

/**
 * How a server runs planning jobs. On SQLite (one machine) a runner in the server solves them in
 * worker threads; on PostgreSQL they wait in the queue for `sideline worker` processes, so a long
 * solve never competes with the API for its process. `mode` overrides the choice.
 */
export async function servePlanJobs(
  ctx: AppContext,
  options: RunnerOptions & { mode?: PlanJobService['mode'] } = {},
): Promise<PlanJobService> {
  const { mode = ctx.store.dialect === 'sqlite' ? 'in-process' : 'queue', ...runnerOptions } = options;
  if (mode === 'queue') return { mode, close: () => Promise.resolve() };
  const runner = await startPlanJobRunner(ctx, runnerOptions);
  return { mode, close: () => runner.close() };
}
