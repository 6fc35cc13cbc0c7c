// The user's standing per summit, read from their grants: a platform grant (operator) counts in none.
import { describe, expect, it } from 'vitest';
import type { Grant } from '../api/types';
import { homeOf, standingAt, summitsOf } from './roles';

const grants: Grant[] = [
  { kind: 'platform', role: 'operator' },
  { kind: 'host', summit: 'g20-2017', role: 'host-admin' },
  { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'viewer' },
];

describe('roles', () => {
  it('lists the summits a user holds a grant in, not the platform', () => {
    expect(summitsOf(grants)).toEqual(['g20-2017', 'apec-2017']);
    expect(summitsOf([{ kind: 'platform', role: 'operator' }])).toEqual([]);
  });

  it('starts a user who works at one summit in it, anyone else at the list', () => {
    expect(homeOf(grants)).toBe('/');
    expect(homeOf(grants.slice(2))).toBe('/s/apec-2017');
    expect(homeOf([{ kind: 'platform', role: 'operator' }])).toBe('/');
  });

  it('reads the standing at one summit from that summit’s grants only', () => {
    expect(standingAt(grants, 'g20-2017')).toEqual({
      summit: 'g20-2017',
      host: 'host-admin',
      delegation: null,
      delegationRole: null,
    });
    expect(standingAt(grants, 'apec-2017')).toMatchObject({
      host: null,
      delegation: 'usa',
      delegationRole: 'viewer',
    });
    expect(standingAt(grants, 'unga-2017')).toMatchObject({ host: null, delegation: null });
  });
});
