// Accounts for the APEC 2017 demo, so a first start has people to sign in as.
import type { RoleGrant } from '../../domain/actor/schema.js';
import type { Store, User } from '../../store/store.js';
import { randomSecret } from './secrets.js';
import { createUser } from './users.js';

/** One demo account: its id matches the author ids the demo's deliberation records use. */
export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  grant: RoleGrant;
}

const SUMMIT = 'apec-2017';
const delegate = (id: string, delegation: string, role: string, name: string): DemoAccount => ({
  id,
  email: `${id.replace(/^demo-/, '')}@demo.test`,
  name,
  grant: { kind: 'delegation', summit: SUMMIT, delegation, role } as RoleGrant,
});

/** The host's admin and staff, and a lead, protocol officer and adviser for the US and Russia. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: 'demo-host-admin',
    email: 'host-admin@demo.test',
    name: 'Host administrator (Viet Nam)',
    grant: { kind: 'host', summit: SUMMIT, role: 'host-admin' } as RoleGrant,
  },
  {
    id: 'demo-host-staff',
    email: 'host-staff@demo.test',
    name: 'Host staff (Viet Nam)',
    grant: { kind: 'host', summit: SUMMIT, role: 'host-staff' } as RoleGrant,
  },
  delegate('demo-usa-lead', 'usa', 'delegation-lead', 'US delegation lead'),
  delegate('demo-usa-protocol', 'usa', 'protocol-officer', 'US protocol officer'),
  delegate('demo-usa-state', 'usa', 'adviser', 'US adviser (State)'),
  delegate('demo-rus-lead', 'rus', 'delegation-lead', 'Russian delegation lead'),
  delegate('demo-rus-protocol', 'rus', 'protocol-officer', 'Russian protocol officer'),
];

/** A random password for the demo accounts: 24 URL-safe characters, shown once by the caller. */
export function newDemoPassword(): string {
  return randomSecret(18);
}

/**
 * Creates the demo accounts (the demo summit must be loaded first), all with `password`, which
 * passes the password policy. Returns the users created.
 */
export async function createDemoAccounts(store: Store, password: string): Promise<User[]> {
  const users: User[] = [];
  for (const a of DEMO_ACCOUNTS) {
    users.push(
      await createUser(store, { id: a.id, email: a.email, name: a.name, password, grants: [a.grant] }),
    );
  }
  return users;
}
