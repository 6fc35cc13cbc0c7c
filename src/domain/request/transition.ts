// Runs the life-cycle table: checks state, side, role and guard, then applies the effect to a copy.
import type { Meeting } from '../meeting/schema.js';
import { instantMillis, type Instant } from '../time.js';
import { type Acting, type ActorContext, resolveActing } from './acting.js';
import { isParty, partiesOf } from './agreement.js';
import {
  LIFECYCLE,
  type PlainTransitionName,
  type Situation,
  type TransitionCommand,
  type TransitionName,
  type TransitionRule,
  type Who,
} from './lifecycle.js';
import type { Condition, Request, RequestStatus } from './schema.js';

/** An illegal transition: names the request, its state, the actor and everything that is missing. */
export class TransitionError extends Error {
  constructor(
    readonly request: Request['id'],
    readonly transition: TransitionName,
    readonly state: RequestStatus,
    readonly actor: string,
    readonly missing: readonly string[],
    verb: string,
    /** The actor's side or role may not take this transition at all, whatever the state (HTTP 403). */
    readonly forbidden = false,
  ) {
    super(`cannot ${verb} request ${request} in state ${state} as ${actor}: ${missing.join('; ')}`);
    this.name = 'TransitionError';
  }
}

function fits(who: Who, rule: TransitionRule, request: Request, acting: Acting): boolean {
  const hasRole = (roles: readonly string[]) => roles.some((r) => rule.roles.includes(r as never));
  switch (who) {
    case 'system':
      return acting.actor.system;
    case 'host':
      return hasRole(acting.hostRoles);
    case 'requester':
      return acting.delegation === request.from && hasRole(acting.delegationRoles);
    case 'counterpart':
      return (
        acting.delegation !== request.from &&
        isParty(request, acting.delegation) &&
        hasRole(acting.delegationRoles)
      );
    case 'any-party':
      return isParty(request, acting.delegation) && hasRole(acting.delegationRoles);
  }
}

function describeWho(who: Who, rule: TransitionRule, request: Request): string {
  const roles = (kind: 'host' | 'delegation') =>
    rule.roles.filter((r) => r.startsWith('host-') === (kind === 'host')).join(' or ');
  switch (who) {
    case 'system':
      return 'the system';
    case 'host':
      return `the host as ${roles('host')}`;
    case 'requester':
      return `the requester ${request.from} as ${roles('delegation')}`;
    case 'counterpart':
      return `a counterpart (${request.to.join(', ')}) as ${roles('delegation')}`;
    case 'any-party':
      return `a party (${partiesOf(request).join(', ')}) as ${roles('delegation')}`;
  }
}

/** Whether the actor's side and role let it take `rule` at all, whatever the request's state. */
function mayTake(s: Situation, rule: TransitionRule): boolean {
  return s.acting.actor.system || rule.who.some((w) => fits(w, rule, s.request, s.acting));
}

/** Everything that stops `command`, in the order state, side and role, guard; empty when it may go ahead. */
function obstacles(s: Situation, rule: TransitionRule): string[] {
  const { request } = s;
  const missing: string[] = [];
  const inState = rule.from.includes(request.status);
  if (!inState) missing.push(`${rule.name} applies only in state ${rule.from.join(', ')}`);
  if (!mayTake(s, rule)) {
    missing.push(
      `only ${rule.who.map((w) => describeWho(w, rule, request)).join(' or ')} may ${rule.verb} it`,
    );
  }
  // A guard speaks about the state it expects; outside it, its findings would only confuse.
  if (inState) missing.push(...(rule.guard as (x: Situation) => string[])(s));
  return missing;
}

function situation(
  request: Request,
  conditions: readonly Condition[],
  command: TransitionCommand,
  ctx: ActorContext,
  now: Instant,
): Situation {
  const acting = resolveActing(ctx, request);
  return { request, conditions: conditions.filter((c) => c.request === request.id), command, acting, now };
}

/**
 * Applies one transition and returns the new request (the input is never changed), or throws a
 * TransitionError naming the state, the actor and what is missing.
 */
export function applyTransition(
  request: Request,
  conditions: readonly Condition[],
  transition: TransitionCommand | PlainTransitionName,
  ctx: ActorContext,
  now: Instant,
): Request {
  const command: TransitionCommand = typeof transition === 'string' ? { name: transition } : transition;
  const rule = LIFECYCLE[command.name] as TransitionRule;
  const s = situation(request, conditions, command, ctx, now);
  const missing = obstacles(s, rule);
  if (missing.length > 0) {
    throw new TransitionError(
      request.id,
      rule.name,
      request.status,
      s.acting.label,
      missing,
      rule.verb,
      !mayTake(s, rule),
    );
  }
  const effect = (rule.effect as (x: Situation) => ReturnType<TransitionRule['effect']>)(s);
  return {
    ...request,
    to: [...request.to],
    topics: [...request.topics],
    attendees: [...request.attendees],
    allowed: request.allowed === null ? null : request.allowed.map((w) => ({ ...w })),
    preferred: request.preferred.map((w) => ({ ...w })),
    acceptedBy: [...(effect.acceptedBy ?? request.acceptedBy)],
    downgrade: effect.downgrade === undefined ? request.downgrade : effect.downgrade,
    status: effect.status,
  };
}

/** Facts some transitions need; a transition whose facts are not given is not offered. */
export interface Circumstances {
  meeting?: Meeting | null;
  now?: Instant;
  summitEndsAt?: Instant;
}

function probe(name: TransitionName, c: Circumstances): TransitionCommand | null {
  switch (name) {
    case 'confirm':
      return c.meeting ? { name, meeting: c.meeting } : null;
    case 'hold':
      return c.meeting && c.now ? { name, meeting: c.meeting } : null;
    case 'downgrade':
      // Both downgrades share one guard; probing one answers for both.
      return { name, to: 'encounter' };
    case 'lapse':
      return c.summitEndsAt && c.now ? { name, summitEndsAt: c.summitEndsAt } : null;
    default:
      return { name };
  }
}

/** The transitions this actor could take on the request now, in table order (for UIs). */
export function allowedTransitions(
  request: Request,
  conditions: readonly Condition[],
  ctx: ActorContext,
  circumstances: Circumstances = {},
): TransitionName[] {
  // Only hold and lapse read the time, and they are not probed without it.
  const now = circumstances.now ?? ('1970-01-01T00:00:00.000Z' as Instant);
  return (Object.keys(LIFECYCLE) as TransitionName[]).filter((name) => {
    const command = probe(name, circumstances);
    if (command === null) return false;
    return (
      obstacles(situation(request, conditions, command, ctx, now), LIFECYCLE[name] as TransitionRule)
        .length === 0
    );
  });
}

/**
 * The first instant after `circumstances.now` at which allowedTransitions, with nothing else
 * changed, could answer differently because of the time alone (a meeting starting, the summit
 * ending); null when its answer does not depend on the time. For caches of the answer.
 */
export function allowedChangesAt(circumstances: Circumstances): Instant | null {
  const { now, meeting, summitEndsAt } = circumstances;
  if (now === undefined) return null; // hold and lapse are not probed without the time
  const later = [meeting?.start, summitEndsAt].filter(
    (t): t is Instant => t !== undefined && instantMillis(t) > instantMillis(now),
  );
  if (later.length === 0) return null;
  return later.reduce((a, b) => (instantMillis(a) <= instantMillis(b) ? a : b));
}
