// Users act; their roles are granted per summit (host) or per delegation.
import { z } from 'zod';
import { DelegationId, SummitId, UserId } from '../ids.js';

export const HostRole = z.enum(['host-admin', 'host-staff']);
export const DelegationRole = z.enum(['delegation-lead', 'protocol-officer', 'adviser', 'viewer']);
export const Role = z.union([HostRole, DelegationRole]);
export type HostRole = z.infer<typeof HostRole>;
export type DelegationRole = z.infer<typeof DelegationRole>;
export type Role = z.infer<typeof Role>;

export const RoleGrant = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), summit: SummitId, role: HostRole }),
  z.object({
    kind: z.literal('delegation'),
    summit: SummitId,
    delegation: DelegationId,
    role: DelegationRole,
  }),
]);
export type RoleGrant = z.infer<typeof RoleGrant>;

/** Who is acting: a user and the roles they hold. The system itself acts for imports and the engine. */
export const Actor = z.object({
  user: UserId,
  grants: z.array(RoleGrant),
  /** True only for operator tools (CLI on the server's own database): may do anything. */
  system: z.boolean().default(false),
});
export type Actor = z.infer<typeof Actor>;
