// Conditions a party sets before it will meet: proposed by a party, accepted or rejected by the
// others, withdrawn by its setter; a counter-proposal is a rejection plus a new condition.
import { can, rolesWith } from '../actor/authority.js';
import type { ConditionId } from '../ids.js';
import type { Instant } from '../time.js';
import { type Acting, type ActorContext, resolveActing } from './acting.js';
import { isParty, partiesOf } from './agreement.js';
import { followConditions } from './follow-up.js';
import type { PlainTransitionName } from './lifecycle.js';
import {
  Condition,
  type ConditionKind,
  type ConditionStatus,
  type Request,
  type RequestStatus,
} from './schema.js';

/** A refused condition change: names the condition, its state, the actor and what is wrong. */
export class ConditionError extends Error {
  constructor(
    readonly action: string,
    readonly condition: string,
    readonly state: ConditionStatus | null,
    readonly request: Request['id'],
    readonly actor: string,
    readonly missing: readonly string[],
    setBy: string | null = null,
    /** The actor's side or role may not do this at all, whatever the state (HTTP 403). */
    readonly forbidden = false,
  ) {
    const what =
      state === null ? `condition ${condition}` : `condition ${condition} (set by ${setBy}, ${state})`;
    super(`cannot ${action} ${what} on request ${request} as ${actor}: ${missing.join('; ')}`);
    this.name = 'ConditionError';
  }
}

/** A new condition as a party words it. */
export interface NewCondition {
  id: ConditionId;
  kind: ConditionKind;
  text: string;
}

/** What a condition change produced: the conditions written, the request after it, the transitions taken. */
export interface ConditionChange {
  conditions: Condition[];
  request: Request;
  transitions: PlainTransitionName[];
}

/** States in which the parties negotiate terms: after submission, before the request ends. */
const NEGOTIABLE: readonly RequestStatus[] = [
  'requested',
  'under-consideration',
  'conditions-pending',
  'agreed',
  'scheduled',
  'confirmed',
];

/** Why this actor may not touch the request's conditions at all; empty when it may. */
/** Whether the actor is a party acting in a role that sets and answers conditions. */
function mayActOnConditions(request: Request, acting: Acting): boolean {
  return (
    isParty(request, acting.delegation) &&
    can(acting.actor, acting.summit, 'act-on-request', acting.delegation)
  );
}

function partyObstacles(request: Request, acting: Acting): string[] {
  const missing: string[] = [];
  if (!NEGOTIABLE.includes(request.status)) {
    missing.push(`the request is ${request.status}; conditions are set between submission and the meeting`);
  }
  if (!mayActOnConditions(request, acting)) {
    const roles = rolesWith('act-on-request').join(' or ');
    missing.push(`only a party (${partiesOf(request).join(', ')}) as ${roles} may set or answer conditions`);
  }
  return missing;
}

function settle(
  request: Request,
  all: readonly Condition[],
  changed: Condition[],
  ctx: ActorContext,
  now: Instant,
): ConditionChange {
  const byId = new Map(all.filter((c) => c.request === request.id).map((c) => [c.id, c]));
  for (const c of changed) byId.set(c.id, c);
  const { request: next, transitions } = followConditions(request, [...byId.values()], ctx, now);
  return { conditions: changed, request: next, transitions };
}

/** Proposes a new open condition; an agreed, scheduled or confirmed request is reopened to conditions-pending. */
export function proposeCondition(
  request: Request,
  conditions: readonly Condition[],
  input: NewCondition,
  ctx: ActorContext,
  now: Instant,
  counters: ConditionId | null = null,
): ConditionChange {
  const acting = resolveActing(ctx, request);
  const missing = partyObstacles(request, acting);
  if (conditions.some((c) => c.request === request.id && c.id === input.id)) {
    missing.push(`condition ${input.id} already exists on this request`);
  }
  const parsed = Condition.safeParse({
    ...input,
    request: request.id,
    by: acting.delegation,
    status: 'open',
    counters,
    version: 1,
  });
  if (!parsed.success && acting.delegation !== null) {
    missing.push(...parsed.error.issues.map((i) => `${i.path.join('.') || 'condition'}: ${i.message}`));
  }
  if (missing.length > 0 || !parsed.success) {
    const forbidden = !mayActOnConditions(request, acting);
    throw new ConditionError('propose', input.id, null, request.id, acting.label, missing, null, forbidden);
  }
  return settle(request, conditions, [parsed.data], ctx, now);
}

type Answer = 'accept' | 'reject' | 'withdraw';
const ANSWERED: Record<Answer, ConditionStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

function answer(
  action: Answer,
  request: Request,
  conditions: readonly Condition[],
  id: ConditionId,
  ctx: ActorContext,
): { answered: Condition; request: Request } {
  const acting = resolveActing(ctx, request);
  const target = conditions.find((c) => c.request === request.id && c.id === id);
  if (target === undefined) {
    throw new ConditionError(action, id, null, request.id, acting.label, [
      'no such condition on this request',
    ]);
  }
  const missing = partyObstacles(request, acting);
  if (target.status !== 'open') missing.push(`only an open condition can be ${ANSWERED[action]}`);
  const setter = target.by === acting.delegation;
  const wrongSide = action === 'withdraw' ? !setter : setter;
  if (action === 'withdraw' && !setter) missing.push(`only ${target.by}, which set it, may withdraw it`);
  if (action !== 'withdraw' && setter) {
    const others = partiesOf(request).filter((d) => d !== target.by);
    missing.push(`${target.by} set it; only the other parties (${others.join(', ')}) may ${action} it`);
  }
  if (missing.length > 0) {
    const forbidden = wrongSide || !mayActOnConditions(request, acting);
    throw new ConditionError(
      action,
      id,
      target.status,
      request.id,
      acting.label,
      missing,
      target.by,
      forbidden,
    );
  }
  const answered = { ...target, status: ANSWERED[action] };
  // A rejected term leaves its setter free to reconsider: its earlier acceptance no longer stands.
  const after =
    action === 'reject'
      ? { ...request, acceptedBy: request.acceptedBy.filter((d) => d !== target.by) }
      : request;
  return { answered, request: after };
}

/** Another party accepts an open condition; the request is agreed if nothing else stands in the way. */
export function acceptCondition(
  request: Request,
  conditions: readonly Condition[],
  id: ConditionId,
  ctx: ActorContext,
  now: Instant,
): ConditionChange {
  const done = answer('accept', request, conditions, id, ctx);
  return settle(done.request, conditions, [done.answered], ctx, now);
}

/** Another party rejects an open condition; the setter's acceptance of the request is cleared. */
export function rejectCondition(
  request: Request,
  conditions: readonly Condition[],
  id: ConditionId,
  ctx: ActorContext,
  now: Instant,
): ConditionChange {
  const done = answer('reject', request, conditions, id, ctx);
  return settle(done.request, conditions, [done.answered], ctx, now);
}

/** The setter withdraws its own open condition. */
export function withdrawCondition(
  request: Request,
  conditions: readonly Condition[],
  id: ConditionId,
  ctx: ActorContext,
  now: Instant,
): ConditionChange {
  const done = answer('withdraw', request, conditions, id, ctx);
  return settle(done.request, conditions, [done.answered], ctx, now);
}

/** Rejects an open condition of another party and proposes `input` in its place (its `counters` set). */
export function counterCondition(
  request: Request,
  conditions: readonly Condition[],
  id: ConditionId,
  input: NewCondition,
  ctx: ActorContext,
  now: Instant,
): ConditionChange {
  const done = answer('reject', request, conditions, id, ctx);
  const rest = conditions.map((c) => (c.request === request.id && c.id === id ? done.answered : c));
  const proposed = proposeCondition(done.request, rest, input, ctx, now, id);
  return { ...proposed, conditions: [done.answered, ...proposed.conditions] };
}
