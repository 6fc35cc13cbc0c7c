import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Actor, DelegationRole, HostRole } from '../../../src/domain/actor/schema.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { SUMMIT, SYSTEM, del, host, member, request } from '../test-support.js';
import { type ReadOptions, canRead } from '../../../src/domain/visibility/read.js';
import type { Scope } from '../../../src/domain/visibility/scope.js';
import {
  HOST_SCOPE,
  SUMMIT_SCOPE,
  scopeOfDelegation,
  scopeOfRequest,
} from '../../../src/domain/visibility/scopes.js';

const actors = {
  'usa lead (party)': member('usa', 'delegation-lead'),
  'usa viewer (party)': member('usa', 'viewer'),
  'rus adviser (party)': member('rus', 'adviser'),
  'chn adviser (not a party)': member('chn', 'adviser'),
  'host admin': host('host-admin'),
  'host staff': host('host-staff'),
  'user without roles': Actor.parse({ user: 'walk-in', grants: [] }),
  'usa lead of another summit': Actor.parse({
    user: 'other',
    grants: [{ kind: 'delegation', summit: 'g20-2017', delegation: 'usa', role: 'delegation-lead' }],
  }),
  system: SYSTEM,
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;

const { id, from, to } = request();
/** The parties scope as an event stored before confidentiality was recorded in scopes carries it. */
const parties = scopeOfRequest({ id, from, to });
const scopes: Record<string, [Scope, ReadOptions]> = {
  summit: [SUMMIT_SCOPE, {}],
  host: [HOST_SCOPE, {}],
  'delegation usa': [scopeOfDelegation(del('usa')), {}],
  'parties, open request': [parties, { confidential: false }],
  'parties, confidential request': [parties, { confidential: true }],
  'parties, confidentiality unknown': [parties, {}],
  'parties, scope says open': [scopeOfRequest(request({ confidential: false })), {}],
  'parties, scope says confidential': [scopeOfRequest(request({ confidential: true })), {}],
};

/** docs/architecture.md "Who sees what", row by row: which actors read each scope. */
const readers: Record<keyof typeof scopes, Who[]> = {
  summit: [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'chn adviser (not a party)',
    'host admin',
    'host staff',
    'system',
  ],
  host: ['host admin', 'host staff', 'system'],
  'delegation usa': ['usa lead (party)', 'usa viewer (party)', 'system'],
  'parties, open request': [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'host admin',
    'host staff',
    'system',
  ],
  'parties, confidential request': [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'system',
  ],
  'parties, confidentiality unknown': [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'system',
  ],
  'parties, scope says open': [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'host admin',
    'host staff',
    'system',
  ],
  'parties, scope says confidential': [
    'usa lead (party)',
    'usa viewer (party)',
    'rus adviser (party)',
    'system',
  ],
};

describe('canRead, row by row', () => {
  for (const [scopeName, [scope, opts]] of Object.entries(scopes)) {
    for (const [who, actor] of Object.entries(actors) as [Who, Actor][]) {
      const expected = readers[scopeName]!.includes(who);
      it(`${expected ? 'lets' : 'keeps'} ${who} ${expected ? 'read' : 'from'} ${scopeName}`, () => {
        expect(canRead(actor, SUMMIT, scope, opts)).toBe(expected);
      });
    }
  }
});

describe('the host and deliberations', () => {
  it('never reads any delegation’s records, whatever host role or summit', () => {
    fc.assert(
      fc.property(
        fc.subarray([...HostRole.options], { minLength: 1 }),
        fc.constantFrom('usa', 'rus', 'vnm'),
        (roles, d) => {
          const actor = Actor.parse({
            user: 'h',
            grants: roles.map((role) => ({ kind: 'host', summit: SUMMIT, role })),
          });
          expect(canRead(actor, SUMMIT, scopeOfDelegation(del(d)))).toBe(false);
        },
      ),
    );
  });

  it('reads its own delegation’s records when it is also a member of that delegation, and only those', () => {
    const both = Actor.parse({
      user: 'vnm-1',
      grants: [
        { kind: 'host', summit: SUMMIT, role: 'host-admin' },
        { kind: 'delegation', summit: SUMMIT, delegation: 'vnm', role: 'adviser' },
      ],
    });
    expect(canRead(both, SUMMIT, scopeOfDelegation(del('vnm')))).toBe(true);
    expect(canRead(both, SUMMIT, scopeOfDelegation(del('usa')))).toBe(false);
  });
});

describe('confidential requests', () => {
  it('are read by their parties only, never by another delegation or the host (property)', () => {
    const arbActor = fc.oneof(
      fc
        .tuple(fc.constantFrom('usa', 'rus', 'chn', 'jpn'), fc.constantFrom(...DelegationRole.options))
        .map(([d, r]) => member(d, r)),
      fc.constantFrom(...HostRole.options).map((r) => host(r)),
    );
    fc.assert(
      fc.property(arbActor, fc.subarray(['rus', 'chn', 'jpn'], { minLength: 1 }), (actor, to) => {
        const scope = scopeOfRequest(request({ to }));
        const isParty = actor.grants.some(
          (g) => g.kind === 'delegation' && ['usa', ...to].includes(g.delegation),
        );
        expect(canRead(actor, SUMMIT, scope, { confidential: true })).toBe(isParty);
      }),
    );
  });

  it('are not read through a grant in another summit', () => {
    expect(
      canRead(member('usa', 'delegation-lead'), 'g20-2017' as SummitId, parties, { confidential: false }),
    ).toBe(false);
  });
});
