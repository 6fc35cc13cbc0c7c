// Who is acting on a request: the user, the party they act for, and the roles that gives them.
import type { Actor, DelegationRole, HostRole } from '../actor/schema.js';
import { delegationRolesOf, delegationsOf, hostRolesOf, strongestRole } from '../actor/authority.js';
import type { DelegationId, SummitId } from '../ids.js';
import { partiesOf } from './agreement.js';
import type { Request } from './schema.js';

/** Who acts, in which summit, and for which delegation (omitted: the one party of the request they belong to). */
export interface ActorContext {
  actor: Actor;
  summit: SummitId;
  delegation?: DelegationId | null;
}

/** An actor context resolved against one request. */
export interface Acting {
  actor: Actor;
  summit: SummitId;
  /** The delegation acted for, or null (host, system, or no party of the request). */
  delegation: DelegationId | null;
  delegationRoles: DelegationRole[];
  hostRoles: HostRole[];
  /** How messages name the actor: `rus/protocol-officer (user ana)`. */
  label: string;
}

/** Resolves who acts for whom on a request; an actor in several parties must name the delegation. */
export function resolveActing(ctx: ActorContext, request: Pick<Request, 'from' | 'to'>): Acting {
  const { actor, summit } = ctx;
  let delegation = ctx.delegation ?? null;
  if (ctx.delegation === undefined) {
    const mine = delegationsOf(actor, summit).filter((d) => partiesOf(request).includes(d));
    delegation = mine.length === 1 ? (mine[0] ?? null) : null;
  }
  const delegationRoles = delegation === null ? [] : delegationRolesOf(actor, summit, delegation);
  const hostRoles = hostRolesOf(actor, summit);
  return { actor, summit, delegation, delegationRoles, hostRoles, label: describeActing(actor, delegation) };

  function describeActing(a: Actor, d: DelegationId | null): string {
    const user = `(user ${a.user})`;
    if (a.system) return d === null ? `system ${user}` : `system for ${d} ${user}`;
    const as = (del: DelegationId) =>
      `${del}/${strongestRole(delegationRolesOf(a, summit, del)) ?? 'no role'}`;
    // Not acting for a party: name what the actor is instead, so the message says why it was refused.
    const held = [
      ...(d === null ? delegationsOf(a, summit) : [d]).map(as),
      ...(d === null && hostRoles.length > 0 ? [`host/${strongestRole(hostRoles)}`] : []),
    ];
    return held.length === 0 ? `user ${a.user} with no role in ${summit}` : `${held.join(' and ')} ${user}`;
  }
}
