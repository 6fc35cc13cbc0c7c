// Planning as jobs: the host starts a run, anyone of the host's staff follows its progress, then
// accepts the plan or discards it. The job's row is the truth, so any server process answers. A job
// plans what its starter may see (a host planner who is also a party sees that party's confidential
// requests); every other reader sees of it only what they may see.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Plan } from '../../engine/result.js';
import { gapOf } from '../../engine/gap.js';
import { NO_POLICY } from '../../engine/policy.js';
import {
  NotFoundError,
  type PlanJob,
  type PlanJobProgress,
  type PlanJobSettings,
  type PlanJobStatus,
} from '../../store/store.js';
import { ScheduleSettingsInput, storedSettings } from './run-settings.js';
import { requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import type { PlanDiff } from './diff.js';
import { plannerOfJob, plannerSnapshot, proposalSeenBy, writePlan, type PlanProposal } from './plan.js';
import { hiddenRequests } from './plan-view.js';
import { PLAN_JOB_RETENTION_MS, PLAN_JOB_SWEEP_LIMIT } from './retention.js';

/** The longest search a job may ask for. */
export const MAX_PLAN_SECONDS = 600;

/**
 * What starting a job takes: how long to search, the seed (same summit, seed and limit: same plan),
 * and how to treat the schedule (run-settings.ts).
 */
export const PlanJobInput = z
  .strictObject({
    timeLimitSeconds: z.number().positive().max(MAX_PLAN_SECONDS).default(10),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    ...ScheduleSettingsInput.shape,
  })
  .refine((i) => i.mode !== 're-optimise' || i.maxMoves === undefined, {
    message: 're-optimise moves as many meetings as it gains from; maxMoves is for keep-schedule',
    path: ['maxMoves'],
  });
export type PlanJobInput = z.input<typeof PlanJobInput>;

/** A job as its reader sees it: where it is, how far it got, and (once done) the plan and its diff. */
export interface PlanJobView {
  id: string;
  status: PlanJobStatus;
  version: number;
  seed: number;
  timeLimitSeconds: number;
  /** How the job was asked to treat the schedule (null: the default); the plan says what applied. */
  settings: PlanJobSettings;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: PlanJobProgress & {
    /** How far the best plan may be from the optimum: (bound − weight) / bound, or null without a bound. */
    gap: number | null;
  };
  /**
   * The plan and what it would change now: for a job that is done (or was accepted), and for a
   * running job as soon as it has an answer (its `pending` says what is still coming).
   */
  result: PlanProposal | null;
  /** Why a failed job failed. */
  error: string | null;
  /** Times a runner took the job up (a runner stopping politely gives it back without counting). */
  attempts: number;
  /**
   * What happened to earlier attempts, oldest first: an attempt that failed, or a runner that went
   * silent (killed, or cut off) and whose job another runner took over.
   */
  recoveries: string[];
}

const NO_PROGRESS: PlanJobProgress = { elapsedMs: 0, objective: null, bound: null };

/** Loads a job of the summit for a planner; "not found" for any other summit's. */
async function requireJob(ctx: AppContext, summit: SummitId, id: string): Promise<PlanJob> {
  const job = await ctx.store.read((tx) => tx.planJobs.get(summit, id));
  if (!job) throw new NotFoundError('plan job', id);
  return job;
}

/** Who may start and follow planning: the host's staff who place meetings. */
function requirePlanner(actor: Actor, summit: SummitId): void {
  requireParticipant(actor, summit);
  requireCapability(actor, summit, 'place-meetings');
}

/**
 * True when the job's planner saw requests `reader` may not see: the running objective and bound,
 * which count them, are then not the reader's to know.
 */
async function sawMoreThan(ctx: AppContext, reader: Actor, job: PlanJob): Promise<boolean> {
  const planner = plannerOfJob(job);
  if (reader.system || planner === reader) return false;
  const requests = await ctx.store.read((tx) => tx.requests.list(job.summit));
  const data = { summit: { id: job.summit }, requests };
  const plannerHides = hiddenRequests(planner, data);
  return [...hiddenRequests(reader, data)].some((id) => !plannerHides.has(id));
}

/** The job as `actor` sees it; the plan is judged against the meetings stored now. */
async function viewOf(ctx: AppContext, actor: Actor, job: PlanJob): Promise<PlanJobView> {
  let result: PlanProposal | null = null;
  let progress = job.progress ?? NO_PROGRESS;
  if ((job.status === 'done' || job.status === 'accepted' || job.status === 'running') && job.result) {
    const data = await ctx.store.read((tx) => loadSummitData(tx, job.summit));
    result = proposalSeenBy(actor, data, storedPlan(job.result), plannerOfJob(job));
    // a plan cut down for its reader (made with more than they may see) reports what is left
    if (result.plan !== job.result) {
      progress = { ...progress, objective: result.plan.objective, bound: result.plan.bound };
    }
  } else if (job.progress && (await sawMoreThan(ctx, actor, job))) {
    progress = { ...job.progress, objective: null, bound: null };
  }
  return {
    id: job.id,
    status: job.status,
    version: job.version,
    seed: job.seed,
    timeLimitSeconds: job.timeLimitMs / 1000,
    settings: job.settings ?? storedSettings({}),
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    progress: { ...progress, gap: gapOf(progress.objective?.weight ?? null, progress.bound) },
    result,
    error: job.error,
    attempts: job.attempts ?? 0,
    recoveries: job.attemptErrors ?? [],
  };
}

/** A stored plan as a Plan: plans stored before moves and policies were recorded get none. */
export function storedPlan(result: unknown): Plan {
  const plan = result as Plan;
  return { ...plan, moves: plan.moves ?? [], policy: plan.policy ?? NO_POLICY };
}

/** Queues a planning run of the summit; a runner (this process's, or a worker's) picks it up. */
export async function startPlanJob(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  input: unknown,
): Promise<PlanJobView> {
  const settings = parseInput(PlanJobInput, input ?? {});
  requirePlanner(actor, summit);
  const job = await ctx.store.write(async (tx) => {
    if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
    // finished jobs past their retention (any summit's) go as new ones come, a few at a time
    const expired = new Date(Date.parse(ctx.now()) - PLAN_JOB_RETENTION_MS).toISOString();
    await tx.planJobs.removeFinishedBefore(expired, PLAN_JOB_SWEEP_LIMIT);
    return tx.planJobs.insert({
      id: ctx.newId(),
      summit,
      status: 'queued',
      requestedBy: actor.user,
      seed: settings.seed,
      timeLimitMs: Math.round(settings.timeLimitSeconds * 1000),
      settings: storedSettings(settings),
      createdAt: ctx.now(),
      startedAt: null,
      finishedAt: null,
      progress: null,
      result: null,
      error: null,
      worker: null,
      heartbeatAt: null,
      planner: plannerSnapshot(actor, summit),
      version: 1,
    });
  });
  return viewOf(ctx, actor, job);
}

/** One job of the summit, with its progress and, once done, its plan as the reader may see it. */
export async function readPlanJob(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
): Promise<PlanJobView> {
  requirePlanner(actor, summit);
  return viewOf(ctx, actor, await requireJob(ctx, summit, id));
}

/**
 * Writes a finished job's plan (checked again against the summit as it is now, as acceptPlan does)
 * and marks the job accepted, in one transaction. `expectedVersion` is the job's version read.
 */
export async function acceptPlanJob(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  expectedVersion: number,
): Promise<{ job: PlanJobView; diff: PlanDiff }> {
  requirePlanner(actor, summit);
  const { job, diff } = await writeWithEvents(ctx, async (tx) => {
    const found = await tx.planJobs.get(summit, id);
    if (!found) throw new NotFoundError('plan job', id);
    if (found.status !== 'done' || !found.result) {
      throw new ConflictError(
        `plan job ${id} is ${found.status}: only a job that is done can be accepted`,
        'plan-not-done',
      );
    }
    const accepted = await tx.planJobs.update({ ...found, status: 'accepted', version: expectedVersion });
    // made in its starter's view: what the writer or the starter may not see is left out of it,
    // and stays where it is on the calendar
    const written = await writePlan(tx, ctx, actor, summit, storedPlan(found.result), {
      madeFor: plannerOfJob(found),
      unseen: 'drop',
    });
    await recordEvent(tx, ctx, actor, summit, { kind: 'host' }, 'plan.accepted', {
      job: id,
      placed: written.placed.length,
      moved: written.moved.length,
      removed: written.removed.length,
    });
    return { job: accepted, diff: written };
  });
  const view = await viewOf(ctx, actor, job);
  return { job: view, diff: view.result?.diff ?? diff };
}

/**
 * Cancels a queued or running job (its runner stops searching) or discards a finished one; an
 * accepted plan is on the calendar and stays. `expectedVersion` is the job's version read.
 */
export async function discardPlanJob(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  expectedVersion: number,
): Promise<PlanJobView> {
  requirePlanner(actor, summit);
  const job = await ctx.store.write(async (tx) => {
    const found = await tx.planJobs.get(summit, id);
    if (!found) throw new NotFoundError('plan job', id);
    if (found.status === 'accepted' || found.status === 'discarded') {
      throw new ConflictError(`plan job ${id} is already ${found.status}`, `plan-${found.status}`);
    }
    return tx.planJobs.update({
      ...found,
      status: 'discarded',
      result: null,
      finishedAt: found.finishedAt ?? ctx.now(),
      version: expectedVersion,
    });
  });
  return viewOf(ctx, actor, job);
}
