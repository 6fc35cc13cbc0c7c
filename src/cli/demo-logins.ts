// The demo's logins: created with the demo (by `sideline demo`, or by `sideline serve` on an empty
// database) and printed once as a table, so that either path leaves accounts to sign in with.
import {
  createDemoAccounts,
  demoAccounts,
  newDemoPassword,
  type DemoAccount,
} from '../app/auth/demo-accounts.js';
import { checkPasswordPolicy } from '../app/auth/password-policy.js';
import { DelegationRole } from '../domain/actor/schema.js';
import type { Store } from '../store/store.js';
import { UserError } from './errors.js';
import type { Output } from './output.js';

/** SIDELINE_DEMO_PASSWORD when set (it must pass the password policy), else undefined. */
export async function checkDemoPassword(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const password = env.SIDELINE_DEMO_PASSWORD || undefined;
  if (password) {
    try {
      await checkPasswordPolicy(password);
    } catch (e) {
      throw new UserError(`SIDELINE_DEMO_PASSWORD: ${(e as Error).message}`);
    }
  }
  return password;
}

/**
 * The demo logins as a table: a line per host account, then a header naming the delegation roles
 * and a line per delegation with its accounts' emails in those columns, so each line is greppable.
 */
export function demoLoginTable(accounts: readonly DemoAccount[]): string[] {
  const rows: string[][] = [];
  for (const a of accounts) if (a.grant.kind === 'host') rows.push([a.grant.role, a.email]);
  const roles = DelegationRole.options;
  rows.push(['delegation', ...roles]);
  const byDelegation = new Map<string, { name: string; emails: Map<string, string> }>();
  for (const a of accounts) {
    if (a.grant.kind !== 'delegation') continue;
    const row = byDelegation.get(a.grant.delegation) ?? {
      name: a.delegationName ?? a.grant.delegation,
      emails: new Map<string, string>(),
    };
    row.emails.set(a.grant.role, a.email);
    byDelegation.set(a.grant.delegation, row);
  }
  for (const { name, emails } of byDelegation.values()) {
    rows.push([name, ...roles.map((role) => emails.get(role) ?? '-')]);
  }
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
}

/**
 * Creates the demo accounts (the demo summit must be loaded) when the database has no account yet,
 * and prints their emails and the one password once; returns false, printing how to get in, when
 * accounts exist already. `demoPassword` (SIDELINE_DEMO_PASSWORD) sets the password, else a random one.
 */
export async function createDemoLogins(
  store: Store,
  output: Output,
  demoPassword: string | undefined,
): Promise<boolean> {
  const hasUsers = await store.read(async (tx) => (await tx.users.list()).length > 0);
  if (hasUsers) {
    output.err(
      'sideline: the database has accounts already, so no demo logins were made; ' +
        '`sideline user list` names them and `sideline user passwd EMAIL` sets a password',
    );
    return false;
  }
  const password = demoPassword ?? newDemoPassword();
  const accounts = await demoAccounts(store);
  await createDemoAccounts(store, password);
  output.out(`sideline: created ${accounts.length} demo accounts, one per role and delegation:`);
  for (const line of demoLoginTable(accounts)) output.out(line);
  output.out(
    `  password for all of them: ${password}${demoPassword ? ' (from SIDELINE_DEMO_PASSWORD)' : ' (shown once)'}`,
  );
  return true;
}
