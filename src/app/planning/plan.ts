// Plans a stored summit with the engine and, once accepted, writes the plan as placements.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Placement, Plan } from '../../engine/result.js';
import type { Progress } from '../../engine/search/search.js';
import { NotFoundError, type PlanJob, type PlanJobPlanner, type Tx } from '../../store/store.js';
import { solveInWorker } from '../../engine/worker/run-in-worker.js';
import { partiesScope, requireCapability } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadSummitData } from '../summit/load.js';
import { diffPlan, type PlanDiff } from './diff.js';
import { judgePlan, planRefusal } from './judge.js';
import { settleBrokenFlags } from '../meetings/broken.js';
import { noticeSlot, recordBumps, type BumpInput } from '../meetings/bumps.js';
import { whyBumped } from './bump-reasons.js';
import { withHiddenAsOccupancy } from './occupancy.js';
import { planningMoment } from './frozen.js';
import { resolveRun, storedSettings, type ScheduleSettingsInput } from './run-settings.js';
import { hiddenRequests, planSeenBy } from './plan-view.js';

/** Limits and hooks of one planning run. */
export interface PlanOptions {
  timeLimitMs?: number;
  seed?: number;
  /** Keep the schedule or re-optimise, and the move policy (run-settings.ts; default: as a job's). */
  schedule?: ScheduleSettingsInput;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** A plan and what it would change. */
export interface PlanProposal {
  plan: Plan;
  diff: PlanDiff;
}

/**
 * What the engine may know: everything needed to honour private commitments, but not their labels,
 * so that no explanation shown to the host or another delegation says why a person is busy.
 */
export function planningInput(data: SummitData): SummitData {
  return { ...data, busy: data.busy.map((b) => ({ ...b, label: null })) };
}

/**
 * What the engine may know when `planner` plans: planningInput, less every request the planner may
 * not see (another delegation's draft, a confidential request of others). Their meetings stay as
 * fixed occupancy (the attendees busy, the room unavailable, nothing named), so the plan goes
 * around them but never moves them, nor counts them in its objective, bound or explanations. The
 * notice period is the run's freeze (run-settings.ts resolveRun), kept by the engine.
 */
export function planningInputFor(planner: Actor, data: SummitData): SummitData {
  return withHiddenAsOccupancy(planningInput(data), hiddenRequests(planner, data));
}

/**
 * Whom a planning job stored before jobs kept their starter's view was planned for: the host's
 * staff, with what every one of them may see.
 */
export function jobPlanner(summit: SummitId): Actor {
  return {
    user: 'host-planning' as UserId,
    grants: [{ kind: 'host', summit, role: 'host-staff' }],
    system: false,
  };
}

/** The grants a job keeps of its starter: those in the summit planned (or the system's). */
export function plannerSnapshot(actor: Actor, summit: SummitId): PlanJobPlanner {
  return {
    system: actor.system,
    grants: actor.grants.filter((g) => g.kind !== 'platform' && g.summit === summit),
  };
}

/**
 * Whom a job was planned for: its starter as they were when they started it, or, for a job stored
 * before jobs kept that, the host's planners (jobPlanner).
 */
export function plannerOfJob(job: Pick<PlanJob, 'summit' | 'requestedBy' | 'planner'>): Actor {
  if (!job.planner) return jobPlanner(job.summit);
  return { user: job.requestedBy, grants: job.planner.grants, system: job.planner.system };
}

/** Runs the engine on the stored summit (in a worker thread) and returns the proposal; nothing is written. */
export async function proposePlan(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  options: PlanOptions = {},
): Promise<PlanProposal> {
  requireCapability(actor, summit, 'place-meetings');
  const data = await ctx.store.read((tx) => loadSummitData(tx, summit));
  const run = resolveRun(storedSettings(options.schedule ?? {}), data, ctx.now());
  const plan = await solveInWorker(planningInputFor(actor, data), {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    mode: run.engineMode,
    policy: run.policy,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return proposalSeenBy(actor, data, plan);
}

/** The requests hidden from the plan's reader or writer, or from the planner it was made for. */
function hiddenFromEither(reader: Actor, planner: Actor, data: SummitData): Set<string> {
  return new Set([...hiddenRequests(reader, data), ...hiddenRequests(planner, data)]);
}

/**
 * A plan and its difference from the stored meetings, as `actor` may see them. A meeting the plan's
 * planner (`madeFor`) did not see is no part of the difference: writing the plan leaves it alone.
 */
export function proposalSeenBy(
  actor: Actor,
  data: SummitData,
  plan: Plan,
  madeFor: Actor = actor,
): PlanProposal {
  const shown = planSeenBy(actor, data, plan);
  const hidden = hiddenFromEither(actor, madeFor, data);
  const diff = diffPlan(
    data.meetings.filter((m) => !hidden.has(m.request)),
    shown,
    data.requests.filter((r) => !hidden.has(r.id)),
  );
  return { plan: shown, diff };
}

/**
 * Writes a proposal's placements. It is checked again against the summit as it is now, inside the
 * write, so a plan made before someone else's change cannot break a rule; then it must be re-planned.
 */
export function acceptPlan(ctx: AppContext, actor: Actor, summit: SummitId, plan: Plan): Promise<PlanDiff> {
  requireCapability(actor, summit, 'place-meetings');
  return writeWithEvents(ctx, async (tx) => writePlan(tx, ctx, actor, summit, plan));
}

/** Whose view a plan to write was made in, and what to do with a placement its writer may not see. */
export interface WriteOptions {
  /** The planner the plan was made for (default: the writer); meetings it did not see stay as they are. */
  madeFor?: Actor;
  /**
   * `refuse` (a plan from the caller): placing a request the writer may not see is "not found";
   * `drop` (a stored plan, made in a view the writer does not share): such placements are left out.
   */
  unseen?: 'refuse' | 'drop';
}

/** A plan to write: the placements it may write, and the stored meetings it must leave alone. */
interface ToWrite {
  plan: Plan;
  /** Requests whose stored meetings the plan keeps as they are, unseen by its writer or its planner. */
  kept: ReadonlySet<string>;
}

/**
 * The placements a plan may write: those of requests both the writer and the plan's planner may
 * see; every other stored meeting stays where it is, whatever the plan says (a host's plan never
 * holds the confidential meetings it was not shown, so it must not take them off the calendar).
 */
function placementsToWrite(actor: Actor, data: SummitData, plan: Plan, options: WriteOptions): ToWrite {
  if (actor.system && (options.madeFor ?? actor).system) return { plan, kept: new Set() };
  const hidden = hiddenFromEither(actor, options.madeFor ?? actor, data);
  const known = new Set<string>(data.requests.map((r) => r.id));
  for (const p of plan.meetings) {
    if (!known.has(p.request) || (hidden.has(p.request) && options.unseen !== 'drop'))
      throw new NotFoundError('request', p.request);
  }
  const kept = data.meetings
    .filter((m) => hidden.has(m.request))
    .map((m) => ({ request: m.request, start: m.start, end: m.end, room: m.room }));
  return {
    plan: {
      ...plan,
      meetings: [...plan.meetings.filter((p) => !hidden.has(p.request)), ...kept],
      unscheduled: plan.unscheduled.filter((u) => !hidden.has(u.request)),
    },
    kept: new Set(kept.map((m) => m.request)),
  };
}

/**
 * The bumps of a written plan (bump-reasons.ts): each meeting it moved or took off, with why, on
 * the calendar as the plan left it (so that the alternatives offered fit around the plan).
 */
async function recordPlanBumps(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  plan: Plan,
  diff: PlanDiff,
): Promise<void> {
  if (diff.moved.length + diff.removed.length === 0) return;
  const why = whyBumped(data, plan, diff);
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const bump = (request: string, previous: Placement, now: Placement | null): BumpInput => ({
    request: requests.get(request)!,
    previous: noticeSlot(previous),
    now: now && noticeSlot(now),
    cause: 'planner',
    why: why.get(request)!,
  });
  const after = await loadSummitData(tx, data.summit.id);
  await recordBumps(tx, ctx, actor, after, [
    ...diff.moved.map(({ from, to }) => bump(to.request, from, to)),
    ...diff.removed.map((p) => bump(p.request, p, null)),
  ]);
}

/**
 * acceptPlan's work inside a writeWithEvents transaction the caller opened (accepting a planning
 * job marks the job in the same transaction). Takes the summit's placement lock first.
 */
export async function writePlan(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  proposed: Plan,
  options: WriteOptions = {},
): Promise<PlanDiff> {
  await tx.lockSummit(summit);
  const data = await loadSummitData(tx, summit);
  const toWrite = placementsToWrite(actor, data, proposed, options);
  const plan = toWrite.plan;
  const judged = judgePlan(data, plan, toWrite.kept, planningMoment(data, ctx.now()), plan.policy);
  // the refusal names nothing the actor may not see (a confidential meeting, a busy block)
  if (judged.blocking.length > 0) throw planRefusal(actor, data, plan, judged.blocking);
  const diff = diffPlan(data.meetings, plan, data.requests);
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const now = ctx.now();
  for (const p of diff.placed) {
    const request = requests.get(p.request)!;
    const conditions = data.conditions.filter((c) => c.request === request.id);
    const next = applyTransition(request, conditions, 'schedule', { actor, summit }, now);
    await tx.requests.update(summit, next);
    await tx.meetings.insert(summit, {
      ...p,
      pinned: false,
      confirmedBy: [],
      announced: false,
      version: 1,
    });
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.placed', {
      ...p,
      by: 'planner',
    });
  }
  const meetings = new Map(data.meetings.map((m) => [m.request as string, m]));
  for (const { to } of diff.moved) {
    const m = meetings.get(to.request) as Meeting;
    await tx.meetings.update(summit, {
      ...m,
      start: to.start,
      end: to.end,
      room: to.room,
      confirmedBy: [],
    });
  }
  for (const p of diff.removed) {
    const request = requests.get(p.request)!;
    const m = meetings.get(p.request) as Meeting;
    await tx.meetings.remove(summit, m.request, m.version);
    if (request.status === 'scheduled') {
      const conditions = data.conditions.filter((c) => c.request === request.id);
      await tx.requests.update(
        summit,
        applyTransition(request, conditions, 'unschedule', { actor, summit }, now),
      );
    }
  }
  await recordPlanBumps(tx, ctx, actor, data, plan, diff);
  // the meetings it kept broken stay flagged (their parties told once); those it mended lose the flag
  await settleBrokenFlags(
    tx,
    ctx,
    actor,
    data,
    judged.after,
    'found breaking a rule when a plan was accepted',
  );
  return diff;
}
