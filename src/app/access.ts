// Authorisation at the one door: every use case asks here before it reads or writes a record.
import { can, delegationsOf, holdsRoleIn, type Capability } from '../domain/actor/authority.js';
import { canRead } from '../domain/visibility/read.js';
import { scopeOfDelegation, scopeOfRequest } from '../domain/visibility/scopes.js';
import type { Actor } from '../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../domain/ids.js';
import type { Request } from '../domain/request/schema.js';
import type { Scope } from '../domain/visibility/scope.js';
import { NotFoundError } from '../store/store.js';
import { ForbiddenError } from './errors.js';

/** True when the actor takes part in the summit at all (host, a delegation, or the system). */
export function participates(actor: Actor, summit: SummitId): boolean {
  return actor.system || holdsRoleIn(actor, summit);
}

/** Refuses an actor with no role in the summit; its records are not theirs to know of. */
export function requireParticipant(actor: Actor, summit: SummitId): void {
  if (!participates(actor, summit)) throw new NotFoundError('summit', summit);
}

/**
 * True when the actor may read a request: its parties always; the host for logistics unless the
 * request is confidential; nobody else learns it exists. A draft is its asking delegation's only.
 */
export function canSeeRequest(actor: Actor, summit: SummitId, request: Request): boolean {
  return canRead(actor, summit, partiesScope(request));
}

/** The request, when the actor may see it; otherwise "not found", so existence never leaks. */
export function requireVisibleRequest(
  actor: Actor,
  summit: SummitId,
  request: Request | undefined,
  id: string,
): Request {
  if (!request || !canSeeRequest(actor, summit, request)) throw new NotFoundError('request', id);
  return request;
}

/** True when the actor may read a record of this scope (the domain's one rule). */
export const canReadScope = canRead;

/**
 * The scope of a request's shared records (the request, its conditions, thread and slot). While it
 * is a draft, nothing of it is shared yet: it stays with the delegation asking.
 */
export const partiesScope = (request: Request): Scope =>
  request.status === 'draft' ? scopeOfDelegation(request.from) : scopeOfRequest(request);

/**
 * The delegation the actor acts for: the one named, or their only delegation among `among`.
 * Fails when they hold no role there or must say which of several they mean.
 */
export function actingDelegation(
  actor: Actor,
  summit: SummitId,
  among: readonly DelegationId[] | null,
  named?: DelegationId | null,
): DelegationId {
  const mine = delegationsOf(actor, summit).filter((d) => among === null || among.includes(d));
  if (named) {
    if (actor.system || mine.includes(named)) return named;
    throw new ForbiddenError(`you do not act for delegation ${named} here`);
  }
  if (mine.length === 1) return mine[0] as DelegationId;
  if (mine.length === 0) throw new ForbiddenError('you act for no delegation that is party to this');
  throw new ForbiddenError(`you act for several delegations here (${mine.join(', ')}): name one`);
}

/** Refuses unless the actor holds `capability` (for `delegation`, or as host when null). */
export function requireCapability(
  actor: Actor,
  summit: SummitId,
  capability: Capability,
  delegation: DelegationId | null = null,
): void {
  if (can(actor, summit, capability, delegation)) return;
  const who = delegation ? `for delegation ${delegation}` : 'as host';
  throw new ForbiddenError(`you may not ${capability.replace(/-/g, ' ')} ${who}`);
}
