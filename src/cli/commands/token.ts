// `sideline token create|list|revoke`: personal API tokens, the secret printed once at creation.
import type { Command } from 'commander';
import { createToken, listTokens, revokeToken } from '../../app/auth/tokens.js';
import { userByEmail } from '../../app/auth/users.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';
import { accountError } from './user.js';

/** Registers `token create`, `token list` and `token revoke`. */
export function registerToken(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('create, list and revoke personal API tokens');
  withGlobals(token.command('create'))
    .description('create an API token for a user and print it once (send it as "Authorization: Bearer …")')
    .requiredOption('--email <email>', 'whose token it is')
    .option('--name <name>', 'what the token is for', 'command line')
    .addHelpText(
      'after',
      '\nExample:\n  $ sideline token create --email ana@example.org --name "nightly export"\n',
    )
    .action(async (opts: { email: string; name: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const created = await withApp(g, async (app) => {
        const user = await userByEmail(app.store, opts.email);
        return createToken(app.store, user.id, opts.name, new Date()).catch((e) => {
          throw accountError(e);
        });
      });
      if (g.json)
        ctx.output.out(
          JSON.stringify({ id: created.info.id, name: created.info.name, token: created.token }),
        );
      else {
        ctx.output.out(created.token);
        ctx.output.err(
          `token "${created.info.name}" (${created.info.id}) for ${opts.email}: store it now, it is not shown again`,
        );
      }
    });

  withGlobals(token.command('list'))
    .description("list a user's tokens (never their secrets), revoked ones included, newest first")
    .requiredOption('--email <email>', 'whose tokens')
    .addHelpText('after', '\nExample:\n  $ sideline token list --email ana@example.org\n')
    .action(async (opts: { email: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const tokens = await withApp(g, async (app) =>
        listTokens(app.store, (await userByEmail(app.store, opts.email)).id),
      );
      if (g.json) ctx.output.out(JSON.stringify({ tokens }));
      else
        ctx.output.out(
          table(
            ['id', 'name', 'created', 'revoked'],
            tokens.map((t) => [t.id, t.name, t.createdAt, t.revokedAt ?? '-']),
          ),
        );
    });

  withGlobals(token.command('revoke <id>'))
    .description("revoke one of a user's tokens: it stops working at once (`token list` shows the ids)")
    .requiredOption('--email <email>', 'whose token it is')
    .addHelpText('after', '\nExample:\n  $ sideline token revoke 1b9d6bcd-… --email ana@example.org\n')
    .action(async (id: string, opts: { email: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      await withApp(g, async (app) =>
        revokeToken(app.store, (await userByEmail(app.store, opts.email)).id, id, new Date()),
      );
      if (g.json) ctx.output.out(JSON.stringify({ id, revoked: true }));
      else ctx.output.out(`revoked token ${id} of ${opts.email}`);
    });
}
