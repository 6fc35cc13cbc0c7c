// Accounts for the APEC 2017 demo, so a first start has someone to sign in as in every role: the
// host's admin and staff, and one account per delegation role for every delegation of the summit.
import { availableParallelism } from 'node:os';
import { DelegationRole, type HostRole, type SummitGrant } from '../../domain/actor/schema.js';
import { NotFoundError, type Store, type User } from '../../store/store.js';
import { DEMO_SUMMIT } from '../demo/apec-2017.js';
import { checkPasswordPolicy } from './password-policy.js';
import { randomSecret } from './secrets.js';
import { createUserWithCheckedPassword } from './users.js';

/** One demo account: its id matches the author ids the demo's deliberation records use. */
export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  grant: SummitGrant;
  /** The delegation's name in the demo data; null for a host account. */
  delegationName: string | null;
}

/** A delegation as the demo data names it. */
export interface DemoDelegation {
  id: string;
  name: string;
}

/** Every delegation role with the word its demo accounts' ids use and its label. */
const DELEGATION_ROLES: Readonly<Record<DelegationRole, { word: string; label: string }>> = {
  'delegation-lead': { word: 'lead', label: 'Delegation lead' },
  'protocol-officer': { word: 'protocol', label: 'Protocol officer' },
  adviser: { word: 'adviser', label: 'Adviser' },
  viewer: { word: 'viewer', label: 'Viewer' },
};

/** The host's accounts; the summit file names no host, and the 2017 host was Viet Nam. */
const HOST_ACCOUNTS: readonly { role: HostRole; label: string }[] = [
  { role: 'host-admin', label: 'Host administrator (Viet Nam)' },
  { role: 'host-staff', label: 'Host staff (Viet Nam)' },
];

/**
 * Accounts older than the naming convention, kept because the demo's records, tests and docs name
 * them: the US adviser is the State Department's (the demo's deliberation is authored by it).
 */
const KEPT: Readonly<Record<string, { local: string; note: string }>> = {
  'usa/adviser': { local: 'usa-state', note: ', State Department' },
};

/** How many passwords are hashed at once: each argon2id hash holds 19 MiB and a libuv thread. */
const HASHING_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));

function account(local: string, name: string, grant: SummitGrant, delegationName: string | null) {
  return { id: `demo-${local}`, email: `${local}@demo.test`, name, grant, delegationName };
}

/**
 * The demo accounts for `delegations`: host admin and staff, then for each delegation one account
 * per delegation role, `demo-<delegation>-<lead|protocol|adviser|viewer>` with the email
 * `<delegation>-<…>@demo.test` (the US adviser keeps its older id, `demo-usa-state`).
 */
export function demoAccountsFor(delegations: readonly DemoDelegation[]): DemoAccount[] {
  const summit = DEMO_SUMMIT;
  const host = HOST_ACCOUNTS.map(({ role, label }) =>
    account(role, label, { kind: 'host', summit, role }, null),
  );
  const delegates = delegations.flatMap((d) =>
    DelegationRole.options.map((role) => {
      const { word, label } = DELEGATION_ROLES[role];
      const kept = KEPT[`${d.id}/${word}`];
      const grant = { kind: 'delegation', summit, delegation: d.id, role } as SummitGrant;
      const name = `${label} (${d.name}${kept?.note ?? ''})`;
      return account(kept?.local ?? `${d.id}-${word}`, name, grant, d.name);
    }),
  );
  return [...host, ...delegates];
}

/** The demo accounts for the delegations of the demo summit as loaded in `store`, in id order. */
export async function demoAccounts(store: Store): Promise<DemoAccount[]> {
  const delegations = await store.read((tx) => tx.delegations.list(DEMO_SUMMIT));
  // the demo summit holds delegations once loaded: none means it is not
  if (delegations.length === 0) throw new NotFoundError('summit', DEMO_SUMMIT);
  const sorted = delegations
    .map((d) => ({ id: d.id as string, name: d.name }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return demoAccountsFor(sorted);
}

/** A random password for the demo accounts: 24 URL-safe characters, shown once by the caller. */
export function newDemoPassword(): string {
  return randomSecret(18);
}

/**
 * Creates the demo accounts (the demo summit must be loaded first), all with `password`, which
 * must pass the password policy. Each account is hashed with its own salt; a few hashes run at
 * once so that some ninety accounts take about a second. Returns the users in `demoAccounts` order.
 */
export async function createDemoAccounts(store: Store, password: string): Promise<User[]> {
  const accounts = await demoAccounts(store);
  await checkPasswordPolicy(
    password,
    accounts.map((a) => a.email),
  );
  const users: User[] = new Array<User>(accounts.length);
  let next = 0;
  let failed = false;
  const work = async () => {
    // stop taking accounts after a failure; the hashes under way finish
    while (!failed && next < accounts.length) {
      const i = next++;
      const a = accounts[i] as DemoAccount;
      try {
        users[i] = await createUserWithCheckedPassword(store, {
          id: a.id,
          email: a.email,
          name: a.name,
          password,
          grants: [a.grant],
        });
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers = Array.from({ length: Math.min(HASHING_CONCURRENCY, accounts.length) }, work);
  const results = await Promise.allSettled(workers);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return users;
}
