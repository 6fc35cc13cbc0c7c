// What each role may do, written once as a table, and helpers that read an actor's grants through it.
import type { DelegationId, SummitId } from '../ids.js';
import type { Actor, DelegationRole, HostRole, Role } from './schema.js';

/** Something a role allows; delegation capabilities apply to the granting delegation only. */
export type Capability =
  | 'read'
  | 'record-position'
  | 'act-on-request'
  | 'decide'
  | 'read-logistics'
  | 'manage-logistics'
  | 'place-meetings'
  | 'manage-webhooks';

/**
 * The one table of authority. A delegation-lead decides; a protocol officer acts on requests,
 * conditions and slots; an adviser records positions; a viewer reads. The host's admin manages
 * logistics and places meetings; host staff read logistics and place meetings. The lead and the
 * host's admin manage the webhooks that tell their own systems of changes.
 */
export const CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  'delegation-lead': ['read', 'record-position', 'act-on-request', 'decide', 'manage-webhooks'],
  'protocol-officer': ['read', 'record-position', 'act-on-request'],
  adviser: ['read', 'record-position'],
  viewer: ['read'],
  'host-admin': ['read-logistics', 'manage-logistics', 'place-meetings', 'manage-webhooks'],
  'host-staff': ['read-logistics', 'place-meetings'],
};

/** Roles from the most to the least authority, for messages that name an actor's strongest role. */
export const ROLE_RANK: readonly Role[] = [
  'delegation-lead',
  'protocol-officer',
  'adviser',
  'viewer',
  'host-admin',
  'host-staff',
];

/** The roles whose row of the table holds `capability`, strongest first. */
export function rolesWith(capability: Capability): Role[] {
  return ROLE_RANK.filter((role) => CAPABILITIES[role].includes(capability));
}

/** The host roles an actor holds in a summit. */
export function hostRolesOf(actor: Actor, summit: SummitId): HostRole[] {
  return actor.grants.flatMap((g) => (g.kind === 'host' && g.summit === summit ? [g.role] : []));
}

/** The roles an actor holds for one delegation of a summit. */
export function delegationRolesOf(
  actor: Actor,
  summit: SummitId,
  delegation: DelegationId,
): DelegationRole[] {
  return actor.grants.flatMap((g) =>
    g.kind === 'delegation' && g.summit === summit && g.delegation === delegation ? [g.role] : [],
  );
}

/** Every role an actor holds in a summit, host and delegation roles alike, without repeats. */
export function rolesIn(actor: Actor, summit: SummitId): Role[] {
  const held = new Set<Role>(
    actor.grants.flatMap((g) => (g.kind !== 'platform' && g.summit === summit ? [g.role] : [])),
  );
  return ROLE_RANK.filter((role) => held.has(role));
}

/** True when the actor holds any role in the summit (granted; a platform role is in no summit). */
export function holdsRoleIn(actor: Actor, summit: SummitId): boolean {
  return actor.grants.some((g) => g.kind !== 'platform' && g.summit === summit);
}

/** True when the actor's account holds the operator's platform grant. */
export function isOperator(actor: Actor): boolean {
  return actor.grants.some((g) => g.kind === 'platform' && g.role === 'operator');
}

/**
 * True when the actor may create a summit: an operator account or the system. Creating one is all
 * the operator's grant allows; what it may do in the new summit comes from the host-admin role the
 * creator is given there.
 */
export function mayCreateSummits(actor: Actor): boolean {
  return actor.system || isOperator(actor);
}

/** True when the actor holds any host role in the summit (granted, not by being the system). */
export function isHost(actor: Actor, summit: SummitId): boolean {
  return hostRolesOf(actor, summit).length > 0;
}

/** The delegations of a summit the actor holds any role in, in grant order, without repeats. */
export function delegationsOf(actor: Actor, summit: SummitId): DelegationId[] {
  const out: DelegationId[] = [];
  for (const g of actor.grants) {
    if (g.kind === 'delegation' && g.summit === summit && !out.includes(g.delegation)) out.push(g.delegation);
  }
  return out;
}

/** True when the actor may use `capability`: for a delegation's capability, `delegation` must be given. */
export function can(
  actor: Actor,
  summit: SummitId,
  capability: Capability,
  delegation: DelegationId | null = null,
): boolean {
  if (actor.system) return true;
  const roles: Role[] =
    delegation === null ? hostRolesOf(actor, summit) : delegationRolesOf(actor, summit, delegation);
  return roles.some((role) => CAPABILITIES[role].includes(capability));
}

/** True when the actor has decision authority for the delegation (its lead, or the system). */
export function hasAuthority(actor: Actor, summit: SummitId, delegation: DelegationId): boolean {
  return can(actor, summit, 'decide', delegation);
}

/** The strongest of some roles, or null when there are none. */
export function strongestRole(roles: readonly Role[]): Role | null {
  return ROLE_RANK.find((role) => roles.includes(role)) ?? null;
}
