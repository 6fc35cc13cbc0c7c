// The actors of the authorisation matrix: one user per role (host, and each of three delegations), a
// user with no grant, an operator (who may create summits and holds no role in the demo), and an
// anonymous caller; and the sets of them a matrix entry names.
import type { DelegationRole, HostRole } from '../../../src/domain/actor/schema.js';

/** The delegations the matrix acts for: the US and Russia (parties to the demo's case), and China (a third). */
export const DELEGATIONS = ['usa', 'rus', 'chn'] as const;
export type MatrixDelegation = (typeof DELEGATIONS)[number];

const SHORT = {
  lead: 'delegation-lead',
  po: 'protocol-officer',
  adviser: 'adviser',
  viewer: 'viewer',
} as const;
type Short = keyof typeof SHORT;

/**
 * Who an actor is: a host role, a delegation role, a user without a grant, an operator (a platform
 * grant only), or nobody signed in.
 */
export type ActorInfo =
  | { name: string; kind: 'host'; role: HostRole }
  | { name: string; kind: 'delegation'; delegation: MatrixDelegation; role: DelegationRole }
  | { name: string; kind: 'no-grant' }
  | { name: string; kind: 'operator' }
  | { name: string; kind: 'anonymous' };

/** Every actor, in the order the report lists them. */
export const ACTORS: readonly ActorInfo[] = [
  { name: 'host-admin', kind: 'host', role: 'host-admin' },
  { name: 'host-staff', kind: 'host', role: 'host-staff' },
  ...DELEGATIONS.flatMap((delegation) =>
    (Object.keys(SHORT) as Short[]).map((short): ActorInfo => ({
      name: `${delegation}-${short}`,
      kind: 'delegation',
      delegation,
      role: SHORT[short],
    })),
  ),
  { name: 'no-grant', kind: 'no-grant' },
  { name: 'operator', kind: 'operator' },
  { name: 'anonymous', kind: 'anonymous' },
];

/** A set of actors, with the words the failure messages use for it. */
export interface Who {
  (actor: ActorInfo): boolean;
  readonly label: string;
}

function who(label: string, test: (actor: ActorInfo) => boolean): Who {
  return Object.assign((actor: ActorInfo) => test(actor), { label });
}

/** Nobody (e.g. minting a token with a token). */
export const nobody = who('nobody', () => false);

/** The operator: creating summits is its grant's whole power. */
export const operators = who('operators', (a) => a.kind === 'operator');

/** Signed-in users holding no role in the demo summit: the user with no grant and the operator. */
export const strangers = who(
  'strangers to the summit',
  (a) => a.kind === 'no-grant' || a.kind === 'operator',
);

/** Every signed-in user, a role or not. */
export const signedIn = who('every signed-in user', (a) => a.kind !== 'anonymous');

/** Everyone, the anonymous caller included (public routes). */
export const everyone = who('everyone', () => true);

/** Every user holding a role in the summit: host or delegation. */
export const participants = who('participants', (a) => a.kind === 'host' || a.kind === 'delegation');

/** The host's roles given, or all of them. */
export function host(...roles: HostRole[]): Who {
  return who(roles.length === 0 ? 'host' : roles.join('/'), (a) =>
    a.kind === 'host' ? roles.length === 0 || roles.includes(a.role) : false,
  );
}

/** The members of `delegation` holding one of `roles` (short names), or every member. */
export function of(delegation: MatrixDelegation, ...roles: Short[]): Who {
  const full = roles.map((r) => SHORT[r]);
  return who(`${delegation}${roles.length ? ` ${roles.join('/')}` : ''}`, (a) =>
    a.kind === 'delegation' && a.delegation === delegation
      ? full.length === 0 || full.includes(a.role)
      : false,
  );
}

/** The members of any of `delegations`, in every role. */
export function members(...delegations: MatrixDelegation[]): Who {
  return who(delegations.join('+'), (a) => a.kind === 'delegation' && delegations.includes(a.delegation));
}

/** The user with the given actor name only. */
export function named(name: string): Who {
  return who(name, (a) => a.name === name);
}

/** The actors in any of the sets. */
export function either(...sets: Who[]): Who {
  return who(sets.map((s) => s.label).join(' or '), (a) => sets.some((s) => s(a)));
}
