import { describe, expect, it } from 'vitest';
import { Actor, type Role } from './schema.js';
import {
  CAPABILITIES,
  type Capability,
  can,
  delegationRolesOf,
  delegationsOf,
  hasAuthority,
  hostRolesOf,
  isHost,
  rolesIn,
  rolesWith,
  strongestRole,
} from './authority.js';
import { SUMMIT, SYSTEM, del, host, member } from '../test-support.js';
import type { SummitId } from '../ids.js';

const OTHER_SUMMIT = 'g20-2017' as SummitId;

/** The authority table as the product describes it; a change to CAPABILITIES must change this too. */
const EXPECTED: Record<Role, Capability[]> = {
  'delegation-lead': ['read', 'record-position', 'act-on-request', 'decide'],
  'protocol-officer': ['read', 'record-position', 'act-on-request'],
  adviser: ['read', 'record-position'],
  viewer: ['read'],
  'host-admin': ['read-logistics', 'manage-logistics', 'place-meetings'],
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
