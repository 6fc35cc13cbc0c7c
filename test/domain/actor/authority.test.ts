import { describe, expect, it } from 'vitest';
import { Actor, RoleGrant, type Role } from '../../../src/domain/actor/schema.js';
import { canRead } from '../../../src/domain/visibility/read.js';
import {
  CAPABILITIES,
  type Capability,
  can,
  delegationRolesOf,
  delegationsOf,
  hasAuthority,
  holdsRoleIn,
  hostRolesOf,
  isHost,
  isOperator,
  mayCreateSummits,
  rolesIn,
  rolesWith,
  strongestRole,
} from '../../../src/domain/actor/authority.js';
import { SUMMIT, SYSTEM, del, host, member } from '../test-support.js';
import type { SummitId } from '../../../src/domain/ids.js';

const OTHER_SUMMIT = 'g20-2017' as SummitId;

/** The authority table as the product describes it; a change to CAPABILITIES must change this too. */
const EXPECTED: Record<Role, Capability[]> = {
  'delegation-lead': ['read', 'record-position', 'act-on-request', 'decide', 'manage-webhooks'],
  'protocol-officer': ['read', 'record-position', 'act-on-request'],
  adviser: ['read', 'record-position'],
  viewer: ['read'],
  'host-admin': ['read-logistics', 'manage-logistics', 'place-meetings', 'manage-webhooks'],
  'host-staff': ['read-logistics', 'place-meetings'],
};

describe('the authority table', () => {
  for (const [role, capabilities] of Object.entries(EXPECTED) as [Role, Capability[]][]) {
    it(`grants ${role} exactly ${capabilities.join(', ')}`, () => {
      expect([...CAPABILITIES[role]].sort()).toEqual([...capabilities].sort());
    });
  }

  it('lists the roles holding a capability, strongest first', () => {
    expect(rolesWith('act-on-request')).toEqual(['delegation-lead', 'protocol-officer']);
    expect(rolesWith('place-meetings')).toEqual(['host-admin', 'host-staff']);
    expect(rolesWith('decide')).toEqual(['delegation-lead']);
  });
});

describe('an actor in a summit', () => {
  const both = Actor.parse({
    user: 'vnm-1',
    grants: [
      { kind: 'host', summit: SUMMIT, role: 'host-staff' },
      { kind: 'delegation', summit: SUMMIT, delegation: 'vnm', role: 'adviser' },
      { kind: 'delegation', summit: SUMMIT, delegation: 'vnm', role: 'protocol-officer' },
      { kind: 'delegation', summit: OTHER_SUMMIT, delegation: 'usa', role: 'delegation-lead' },
    ],
  });

  it('holds only the roles granted in that summit', () => {
    expect(rolesIn(both, SUMMIT)).toEqual(['protocol-officer', 'adviser', 'host-staff']);
    expect(rolesIn(both, OTHER_SUMMIT)).toEqual(['delegation-lead']);
  });

  it('belongs to the delegations granted in that summit, once each', () => {
    expect(delegationsOf(both, SUMMIT)).toEqual(['vnm']);
    expect(delegationsOf(both, OTHER_SUMMIT)).toEqual(['usa']);
  });

  it('has delegation roles for one delegation only', () => {
    expect(delegationRolesOf(both, SUMMIT, del('vnm'))).toEqual(['adviser', 'protocol-officer']);
    expect(delegationRolesOf(both, SUMMIT, del('usa'))).toEqual([]);
  });

  it('is host only where a host role is granted', () => {
    expect(isHost(both, SUMMIT)).toBe(true);
    expect(isHost(both, OTHER_SUMMIT)).toBe(false);
    expect(hostRolesOf(both, SUMMIT)).toEqual(['host-staff']);
    expect(isHost(member('usa', 'delegation-lead'), SUMMIT)).toBe(false);
  });

  it('uses a delegation capability only for the granting delegation', () => {
    expect(can(both, SUMMIT, 'act-on-request', del('vnm'))).toBe(true);
    expect(can(both, SUMMIT, 'act-on-request', del('usa'))).toBe(false);
    expect(can(both, OTHER_SUMMIT, 'act-on-request', del('vnm'))).toBe(false);
  });

  it('uses a host capability only without a delegation', () => {
    expect(can(both, SUMMIT, 'place-meetings')).toBe(true);
    expect(can(both, SUMMIT, 'manage-logistics')).toBe(false);
    expect(can(both, SUMMIT, 'place-meetings', del('vnm'))).toBe(false);
  });
});

describe('decision authority', () => {
  it('belongs to the delegation-lead of that delegation only', () => {
    expect(hasAuthority(member('usa', 'delegation-lead'), SUMMIT, del('usa'))).toBe(true);
    expect(hasAuthority(member('usa', 'delegation-lead'), SUMMIT, del('rus'))).toBe(false);
    for (const role of ['protocol-officer', 'adviser', 'viewer'] as const) {
      expect(hasAuthority(member('usa', role), SUMMIT, del('usa'))).toBe(false);
    }
    expect(hasAuthority(host('host-admin'), SUMMIT, del('usa'))).toBe(false);
  });

  it('is the system’s everywhere', () => {
    expect(hasAuthority(SYSTEM, SUMMIT, del('usa'))).toBe(true);
    expect(can(SYSTEM, OTHER_SUMMIT, 'manage-logistics')).toBe(true);
  });

  it('is not the system’s just by name: isHost reads grants', () => {
    expect(isHost(SYSTEM, SUMMIT)).toBe(false);
  });
});

describe('strongestRole', () => {
  it('picks the highest-ranked role or null', () => {
    expect(strongestRole(['viewer', 'protocol-officer'])).toBe('protocol-officer');
    expect(strongestRole([])).toBeNull();
  });
});

describe('an operator', () => {
  const operator = Actor.parse({ user: 'ops-1', grants: [{ kind: 'platform', role: 'operator' }] });
  const operatorHosting = Actor.parse({
    user: 'ops-2',
    grants: [
      { kind: 'platform', role: 'operator' },
      { kind: 'host', summit: OTHER_SUMMIT, role: 'host-admin' },
    ],
  });

  it('may create summits, as the system may, and no one else', () => {
    expect(isOperator(operator)).toBe(true);
    expect(mayCreateSummits(operator)).toBe(true);
    expect(mayCreateSummits(SYSTEM)).toBe(true);
    expect(isOperator(SYSTEM)).toBe(false);
    expect(mayCreateSummits(host('host-admin'))).toBe(false);
    expect(mayCreateSummits(member('usa', 'delegation-lead'))).toBe(false);
  });

  it('is not the system: no role, no capability and nothing to read in any summit by its grant alone', () => {
    expect(operator.system).toBe(false);
    expect(rolesIn(operator, SUMMIT)).toEqual([]);
    expect(holdsRoleIn(operator, SUMMIT)).toBe(false);
    expect(isHost(operator, SUMMIT)).toBe(false);
    expect(delegationsOf(operator, SUMMIT)).toEqual([]);
    for (const capability of Object.values(CAPABILITIES).flat()) {
      expect(can(operator, SUMMIT, capability), capability).toBe(false);
      expect(can(operator, SUMMIT, capability, del('usa')), capability).toBe(false);
    }
    expect(canRead(operator, SUMMIT, { kind: 'summit' })).toBe(false);
    expect(canRead(operator, SUMMIT, { kind: 'host' })).toBe(false);
    expect(canRead(operator, SUMMIT, { kind: 'delegation', delegation: del('usa') })).toBe(false);
  });

  it('holds the roles granted in a summit it made, there only', () => {
    expect(holdsRoleIn(operatorHosting, OTHER_SUMMIT)).toBe(true);
    expect(rolesIn(operatorHosting, OTHER_SUMMIT)).toEqual(['host-admin']);
    expect(can(operatorHosting, OTHER_SUMMIT, 'manage-logistics')).toBe(true);
    expect(holdsRoleIn(operatorHosting, SUMMIT)).toBe(false);
    expect(can(operatorHosting, SUMMIT, 'read-logistics')).toBe(false);
  });

  it('holds a grant naming no summit: one that names one is refused, not silently trimmed', () => {
    expect(RoleGrant.parse({ kind: 'platform', role: 'operator' })).toEqual({
      kind: 'platform',
      role: 'operator',
    });
    const named = RoleGrant.safeParse({ kind: 'platform', role: 'operator', summit: SUMMIT });
    expect(named.success).toBe(false);
    expect(named.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['summit'] });
    expect(RoleGrant.safeParse({ kind: 'platform', role: 'host-admin' }).success).toBe(false);
  });
});
