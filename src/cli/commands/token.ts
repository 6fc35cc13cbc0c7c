// `sideline token create`: a personal API token for a user, printed once.
import type { Command } from 'commander';
import { createToken } from '../../app/auth/tokens.js';
import { userByEmail } from '../../app/auth/users.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';
import { accountError } from './user.js';

/** Registers `token create`. */
export function registerToken(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('personal API tokens');
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
}
