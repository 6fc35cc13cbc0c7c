// A delegation's private record on a request: who may record a position, and who may decide.
import { can, hasAuthority, rolesWith } from '../actor/authority.js';
import type { DelegationId, PositionId } from '../ids.js';
import { type ActorContext, resolveActing } from '../request/acting.js';
import { FINAL_STATES, isParty } from '../request/agreement.js';
import type { Request } from '../request/schema.js';
import type { Instant } from '../time.js';
import { type Consideration, Decision, type DecisionOutcome, Position, type Stance } from './schema.js';

/** A refused deliberation change: names the request, the delegation, the actor and what is wrong. */
export class DeliberationError extends Error {
  constructor(
    readonly action: string,
    readonly request: Request['id'],
    readonly delegation: DelegationId,
    readonly actor: string,
    readonly missing: readonly string[],
    /** The actor's role may not do this at all (HTTP 403). */
    readonly forbidden = false,
  ) {
    super(`cannot ${action} on request ${request} for ${delegation} as ${actor}: ${missing.join('; ')}`);
    this.name = 'DeliberationError';
  }
}

/** A position as its author words it. */
export interface PositionInput {
  id: PositionId;
  delegation: DelegationId;
  holder: string;
  stance: Stance;
  rationale: string;
  considerations: Consideration[];
}

/** A decision as the delegation's lead words it. */
export interface DecisionInput {
  delegation: DelegationId;
  outcome: DecisionOutcome;
  note: string | null;
}

function schemaProblems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`);
}

function notAParty(request: Request, delegation: DelegationId): string[] {
  return isParty(request, delegation) ? [] : [`${delegation} is not a party to this request`];
}

/**
 * Records (or, given the previous version, amends) a position: any adviser, protocol officer or lead
 * of a party may record one for their own delegation; only its author or the lead may amend it.
 */
export function recordPosition(
  request: Request,
  input: PositionInput,
  ctx: ActorContext,
  now: Instant,
  previous: Position | null = null,
): Position {
  const acting = resolveActing({ ...ctx, delegation: input.delegation }, request);
  const missing = notAParty(request, input.delegation);
  let forbidden = false;
  if (!can(ctx.actor, ctx.summit, 'record-position', input.delegation)) {
    forbidden = true;
    missing.push(
      `only ${input.delegation}'s ${rolesWith('record-position').join(', ')} may record positions`,
    );
  }
  if (previous !== null) {
    if (
      previous.id !== input.id ||
      previous.delegation !== input.delegation ||
      previous.request !== request.id
    ) {
      missing.push(`the previous version given is position ${previous.id} of ${previous.delegation}`);
    } else if (previous.author !== ctx.actor.user && !hasAuthority(ctx.actor, ctx.summit, input.delegation)) {
      forbidden = true;
      missing.push(
        `position ${previous.id} was recorded by ${previous.author}; only they or the lead may amend it`,
      );
    }
  }
  const parsed = Position.safeParse({
    ...input,
    request: request.id,
    author: ctx.actor.user,
    at: now,
    version: previous?.version ?? 1,
  });
  missing.push(...schemaProblems(parsed));
  if (missing.length > 0 || !parsed.success) {
    throw new DeliberationError(
      'record a position',
      request.id,
      input.delegation,
      acting.label,
      missing,
      forbidden,
    );
  }
  return parsed.data;
}

/**
 * Records the delegation's decision on a request (replacing `previous`): only a role with decision
 * authority for that delegation, and not once the request has ended.
 */
export function decide(
  request: Request,
  input: DecisionInput,
  ctx: ActorContext,
  now: Instant,
  previous: Decision | null = null,
): Decision {
  const acting = resolveActing({ ...ctx, delegation: input.delegation }, request);
  const missing = notAParty(request, input.delegation);
  const forbidden = !hasAuthority(ctx.actor, ctx.summit, input.delegation);
  if (forbidden) missing.push(`only ${input.delegation}'s ${rolesWith('decide').join(' or ')} may decide`);
  if (FINAL_STATES.includes(request.status))
    missing.push(`the request is ${request.status}; nothing is left to decide`);
  if (previous !== null && (previous.request !== request.id || previous.delegation !== input.delegation)) {
    missing.push(
      `the previous version given is the decision of ${previous.delegation} on ${previous.request}`,
    );
  }
  const parsed = Decision.safeParse({
    ...input,
    request: request.id,
    by: ctx.actor.user,
    at: now,
    version: previous?.version ?? 1,
  });
  missing.push(...schemaProblems(parsed));
  if (missing.length > 0 || !parsed.success) {
    throw new DeliberationError('decide', request.id, input.delegation, acting.label, missing, forbidden);
  }
  return parsed.data;
}
