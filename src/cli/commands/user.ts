// `sideline user list|add|passwd|disable`: accounts, managed by the operator on the server's own database.
import type { Command } from 'commander';
import { AccountInputError, PasswordPolicyError } from '../../app/auth/errors.js';
import { createUser, disableUser, listUsers, setPassword, userByEmail } from '../../app/auth/users.js';
import { DelegationRole, HostRole, PlatformRole, Role, type RoleGrant } from '../../domain/actor/schema.js';
import type { Store } from '../../store/store.js';
import { UserError } from '../errors.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';

/** Account errors worded for the terminal (exit 1). */
export function accountError(e: unknown): unknown {
  if (e instanceof AccountInputError || e instanceof PasswordPolicyError) return new UserError(e.message);
  return e;
}

/** The summit a grant is for: --summit, or the only summit in the database. */
async function summitFor(store: Store, given: string | undefined): Promise<string> {
  if (given) return given;
  const summits = await store.read((tx) => tx.summits.list());
  if (summits.length === 1 && summits[0]) return summits[0].id;
  throw new UserError(
    summits.length === 0
      ? 'the database holds no summit yet: import one first (sideline import FILE)'
      : `the database holds ${summits.length} summits: say which with --summit (${summits.map((s) => s.id).join(', ')})`,
  );
}

/** Every role --role accepts: the summit roles, then the platform's. */
const ROLES: readonly string[] = [...Role.options.flatMap((o) => o.options), ...PlatformRole.options];

/**
 * The platform grant --role names (operator), or undefined for a role held in a summit. A platform
 * role is held in no summit and no delegation, so --summit or --delegation beside it is a mistake.
 */
export function platformGrantOf(
  role: string,
  given: { summit?: string | undefined; delegation?: string | undefined },
): RoleGrant | undefined {
  const parsed = PlatformRole.safeParse(role);
  if (!parsed.success) return undefined;
  const extra = [given.summit ? '--summit' : '', given.delegation ? '--delegation' : ''].filter(Boolean);
  if (extra.length > 0)
    throw new UserError(
      `--role ${role} is held over the platform, in no summit: drop ${extra.join(' and ')}`,
    );
  return { kind: 'platform', role: parsed.data };
}

/** Builds the grant --role / --delegation / --summit describe, or names what is wrong. */
export function grantOf(role: string, delegation: string | undefined, summit: string): RoleGrant {
  if (PlatformRole.safeParse(role).success)
    throw new UserError(`--role ${role} is held over the platform, in no summit: drop --summit`);
  const parsed = Role.safeParse(role);
  if (!parsed.success) throw new UserError(`--role "${role}" is not one of: ${ROLES.join(', ')}`);
  if (HostRole.safeParse(role).success) {
    if (delegation) throw new UserError(`--role ${role} is a host role: drop --delegation`);
    return { kind: 'host', summit, role } as RoleGrant;
  }
  if (!delegation) throw new UserError(`--role ${role} is a delegation role: add --delegation ID`);
  return { kind: 'delegation', summit, delegation, role: DelegationRole.parse(role) } as RoleGrant;
}

/** A grant in words: `protocol-officer of usa in apec-2017`, `host-admin in apec-2017`, `operator`. */
export function grantText(grant: RoleGrant): string {
  if (grant.kind === 'platform') return grant.role;
  if (grant.kind === 'host') return `${grant.role} in ${grant.summit}`;
  return `${grant.role} of ${grant.delegation} in ${grant.summit}`;
}

/** The first line of standard input: a password, never an argument (it would show in `ps`). */
async function passwordFromStdin(ctx: CliContext, command: string): Promise<string> {
  const password = (await ctx.readStdin()).split(/\r?\n/)[0] ?? '';
  if (password === '')
    throw new UserError(
      `no password on standard input (pipe it in, e.g. printf "%s" "…" | sideline ${command})`,
    );
  return password;
}

/** Registers `user list`, `user add`, `user passwd` and `user disable`. */
export function registerUser(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('list, add and disable accounts; set a password');

  withGlobals(user.command('list'))
    .description('list every account with its roles (--summit: only those holding a role in that summit)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline user list\n  $ sideline user list --summit apec-2017 --json\n',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const all = await withApp(g, (app) => listUsers(app.store));
      const users = g.summit
        ? all.filter((u) => u.grants.some((gr) => gr.kind !== 'platform' && gr.summit === g.summit))
        : all;
      if (g.json) {
        ctx.output.out(
          JSON.stringify({
            users: users.map((u) => ({
              id: u.id,
              email: u.email,
              name: u.name,
              disabled: u.disabled,
              grants: u.grants,
            })),
          }),
        );
        return;
      }
      ctx.output.out(
        table(
          ['email', 'name', 'roles', 'status'],
          users.map((u) => [
            u.email,
            u.name,
            u.grants.map(grantText).join('; ') || '-',
            u.disabled ? 'disabled' : 'active',
          ]),
        ),
      );
    });

  withGlobals(user.command('add'))
    .description('create an account with one role; the password is read from standard input')
    .requiredOption('--email <email>', 'the sign-in email')
    .requiredOption(
      '--role <role>',
      'in a summit: host-admin, host-staff, delegation-lead, protocol-officer, adviser or viewer; ' +
        'in no summit: operator (creates summits)',
    )
    .option('--delegation <id>', 'the delegation, for a delegation role')
    .option('--name <name>', 'the name shown to others (default: the email before @)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        "  $ printf '%s' 'a long passphrase' | sideline user add --email ana@example.org --role protocol-officer --delegation usa\n" +
        "  $ printf '%s' 'a long passphrase' | sideline user add --email ops@example.org --role operator\n" +
        '\nAn operator needs no summit (and takes no --summit or --delegation): it may create summits with\n' +
        'POST /api/summits or POST /api/summits/import, and becomes host-admin of each summit it creates.\n' +
        'It reads nothing of a summit it holds no role in.\n',
    )
    .action(
      async (opts: { email: string; role: string; delegation?: string; name?: string }, cmd: Command) => {
        const g = ctx.globals(cmd);
        // checked before the password is read: a usage mistake should not wait on standard input
        const platform = platformGrantOf(opts.role, { summit: g.summit, delegation: opts.delegation });
        const password = await passwordFromStdin(ctx, 'user add …');
        const created = await withApp(g, async (app) => {
          const grant = platform ?? grantOf(opts.role, opts.delegation, await summitFor(app.store, g.summit));
          const name = opts.name ?? opts.email.split('@')[0] ?? opts.email;
          return createUser(app.store, { email: opts.email, name, password, grants: [grant] }).catch((e) => {
            throw accountError(e);
          });
        });
        if (g.json)
          ctx.output.out(JSON.stringify({ id: created.id, email: created.email, name: created.name }));
        else
          ctx.output.out(
            `created ${created.email} (${created.id}) as ${opts.role}${opts.delegation ? ` of ${opts.delegation}` : ''}`,
          );
      },
    );

  withGlobals(user.command('passwd <email>'))
    .description(
      "set an account's password, read from standard input; its sessions end (its API tokens stay)",
    )
    .addHelpText(
      'after',
      "\nExample:\n  $ printf '%s' 'a new long passphrase' | sideline user passwd ana@example.org\n",
    )
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const password = await passwordFromStdin(ctx, `user passwd ${email}`);
      const account = await withApp(g, async (app) => {
        const found = await userByEmail(app.store, email);
        await setPassword(app.store, found.id, password).catch((e) => {
          throw accountError(e);
        });
        return found;
      });
      if (g.json) ctx.output.out(JSON.stringify({ id: account.id, email: account.email }));
      else ctx.output.out(`password set for ${account.email}; its sessions are ended`);
    });

  withGlobals(user.command('disable <email>'))
    .description('disable an account: its sessions end and its API tokens stop working')
    .addHelpText('after', '\nExample:\n  $ sideline user disable ana@example.org\n')
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const disabled = await withApp(g, async (app) =>
        disableUser(app.store, (await userByEmail(app.store, email)).id),
      );
      if (g.json) ctx.output.out(JSON.stringify({ id: disabled.id, email: disabled.email, disabled: true }));
      else ctx.output.out(`disabled ${disabled.email}; its sessions are ended`);
    });
}
