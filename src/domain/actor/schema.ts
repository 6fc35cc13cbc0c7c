// Users act; their roles are granted per summit (host) or per delegation, and a few over the platform.
import { z } from 'zod';
import { DelegationId, SummitId, UserId } from '../ids.js';

export const HostRole = z.enum(['host-admin', 'host-staff']);
export const DelegationRole = z.enum(['delegation-lead', 'protocol-officer', 'adviser', 'viewer']);
export const Role = z.union([HostRole, DelegationRole]);
export type HostRole = z.infer<typeof HostRole>;
export type DelegationRole = z.infer<typeof DelegationRole>;
export type Role = z.infer<typeof Role>;
/** Roles held over the platform, in no summit: an operator may create summits. */
export const PlatformRole = z.enum(['operator']);
export type PlatformRole = z.infer<typeof PlatformRole>;

export const RoleGrant = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), summit: SummitId, role: HostRole }),
  z.object({
    kind: z.literal('delegation'),
    summit: SummitId,
    delegation: DelegationId,
    role: DelegationRole,
  }),
  // strict: a summit or delegation named on a platform grant is a mistake to report, not to drop
  z.object({ kind: z.literal('platform'), role: PlatformRole }).strict(),
]);
export type RoleGrant = z.infer<typeof RoleGrant>;
/** A grant held in one summit: a host or a delegation role. */
export type SummitGrant = Exclude<RoleGrant, { kind: 'platform' }>;

/** Who is acting: a user and the roles they hold. The system itself acts for imports and the engine. */
export const Actor = z.object({
  user: UserId,
  grants: z.array(RoleGrant),
  /**
   * True only for the system's own tools (the CLI on the server's own database): may do anything.
   * An operator account is not the system: it holds a platform grant, and roles in summits it made.
   */
  system: z.boolean().default(false),
});
export type Actor = z.infer<typeof Actor>;
