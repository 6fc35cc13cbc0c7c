// Plans a stored summit with the engine and, once accepted, writes the plan as placements.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { SummitData } from '../../domain/summit/data.js';
import { checkPlan } from '../../engine/check/check-plan.js';
import type { Plan } from '../../engine/result.js';
import type { Progress } from '../../engine/search/search.js';
import { NotFoundError, type Tx } from '../../store/store.js';
import { solveInWorker } from '../../engine/worker/run-in-worker.js';
import { canSeeRequest, partiesScope, requireCapability } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadSummitData } from '../summit/load.js';
import { redactViolations } from '../meetings/check.js';
import { diffPlan, type PlanDiff } from './diff.js';

/** Limits and hooks of one planning run. */
export interface PlanOptions {
  timeLimitMs?: number;
  seed?: number;
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

/** Runs the engine on the stored summit (in a worker thread) and returns the proposal; nothing is written. */
export async function proposePlan(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  options: PlanOptions = {},
): Promise<PlanProposal> {
  requireCapability(actor, summit, 'place-meetings');
  const data = await ctx.store.read((tx) => loadSummitData(tx, summit));
  const plan = await solveInWorker(planningInput(data), {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return proposalSeenBy(actor, data, plan);
}

/** The part of a summit a proposal's reader is judged against: which requests exist, which meetings are stored. */
export type ProposalContext = Pick<SummitData, 'requests' | 'meetings'> & { summit: { id: SummitId } };

/** A plan and its difference from the stored meetings, as `actor` may see them. */
export function proposalSeenBy(actor: Actor, data: ProposalContext, plan: Plan): PlanProposal {
  return {
    plan: visiblePlan(actor, data, plan),
    diff: visibleDiff(actor, data, diffPlan(data.meetings, plan, data.requests)),
  };
}

/** Confidential requests stay invisible to a host who plans: they are placed, but not shown. */
function visiblePlan(actor: Actor, data: ProposalContext, plan: Plan): Plan {
  if (actor.system) return plan;
  const hidden = hiddenRequests(actor, data);
  return {
    ...plan,
    meetings: plan.meetings.filter((m) => !hidden.has(m.request)),
    unscheduled: plan.unscheduled.filter((u) => !hidden.has(u.request)).map((u) => redact(u, hidden)),
    moved: plan.moved.filter((r) => !hidden.has(r)),
  };
}

function visibleDiff(actor: Actor, data: ProposalContext, diff: PlanDiff): PlanDiff {
  if (actor.system) return diff;
  const hidden = hiddenRequests(actor, data);
  return {
    placed: diff.placed.filter((p) => !hidden.has(p.request)),
    moved: diff.moved.filter((m) => !hidden.has(m.to.request)),
    removed: diff.removed.filter((p) => !hidden.has(p.request)),
    unplaced: diff.unplaced.filter((u) => !hidden.has(u.request)).map((u) => redact(u, hidden)),
  };
}

function hiddenRequests(actor: Actor, data: ProposalContext): Set<string> {
  return new Set(data.requests.filter((r) => !canSeeRequest(actor, data.summit.id, r)).map((r) => r.id));
}

/** An explanation that names a hidden meeting calls it a private engagement instead. */
function redact<T extends { detail: string; blockers: { kind: string; request?: string }[] }>(
  u: T,
  hidden: Set<string>,
): T {
  let detail = u.detail;
  for (const id of hidden) detail = detail.split(id).join('a private engagement');
  return {
    ...u,
    detail,
    blockers: u.blockers.map((b) =>
      b.kind === 'meeting' && b.request && hidden.has(b.request) ? { ...b, request: 'private' } : b,
    ),
  };
}

/**
 * Writes a proposal's placements. It is checked again against the summit as it is now, inside the
 * write, so a plan made before someone else's change cannot break a rule; then it must be re-planned.
 */
export function acceptPlan(ctx: AppContext, actor: Actor, summit: SummitId, plan: Plan): Promise<PlanDiff> {
  requireCapability(actor, summit, 'place-meetings');
  return writeWithEvents(ctx, async (tx) => {
    await tx.lockSummit(summit);
    return writePlan(tx, ctx, actor, summit, await planSeenBy(tx, actor, summit, plan));
  });
}

/**
 * A plan from the caller speaks only of what the caller may see: placing a request they may not see
 * is "not found", and the stored meetings of such requests stay where they are (a host's plan never
 * holds the confidential meetings it was not shown, so it must not take them off the calendar).
 */
async function planSeenBy(tx: Tx, actor: Actor, summit: SummitId, plan: Plan): Promise<Plan> {
  if (actor.system) return plan;
  const [requests, meetings] = await Promise.all([tx.requests.list(summit), tx.meetings.list(summit)]);
  const byId = new Map(requests.map((r) => [r.id as string, r]));
  const seen = (id: string) => {
    const request = byId.get(id);
    return request !== undefined && canSeeRequest(actor, summit, request);
  };
  for (const p of plan.meetings) if (!seen(p.request)) throw new NotFoundError('request', p.request);
  const kept = meetings
    .filter((m) => !seen(m.request))
    .map((m) => ({ request: m.request, start: m.start, end: m.end, room: m.room }));
  return { ...plan, meetings: [...plan.meetings, ...kept] };
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
  plan: Plan,
): Promise<PlanDiff> {
  await tx.lockSummit(summit);
  const data = await loadSummitData(tx, summit);
  const { violations } = checkPlan(data, plan.meetings);
  if (violations.length > 0) {
    // the example named must not name what the actor may not see (a confidential meeting, a busy block)
    const example = redactViolations(actor, data, violations)[0]!.message;
    throw new ConflictError(
      `the summit changed since this plan was made; plan again (${violations.length} conflicts, e.g. ${example})`,
      'plan-stale',
    );
  }
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
  for (const { from, to } of diff.moved) {
    const m = meetings.get(to.request) as Meeting;
    await tx.meetings.update(summit, {
      ...m,
      start: to.start,
      end: to.end,
      room: to.room,
      confirmedBy: [],
    });
    await recordEvent(tx, ctx, actor, summit, partiesScope(requests.get(to.request)!), 'meeting.moved', {
      ...to,
      previous: { start: from.start, room: from.room },
      by: 'planner',
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
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.removed', {
      request: p.request,
      by: 'planner',
    });
  }
  return diff;
}
