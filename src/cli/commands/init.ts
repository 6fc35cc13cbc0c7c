// `sideline init`: creates the database and applies migrations.
import type { Command } from 'commander';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';

/** Registers `init`. */
export function registerInit(program: Command, ctx: CliContext): void {
  withGlobals(program.command('init'))
    .description('create the database (or bring its schema up to date)')
    .addHelpText('after', '\nExample:\n  $ sideline init --db ./data/sideline.db\n')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const summits = await withApp(g, (app) => app.store.read((tx) => tx.summits.list()), { create: true });
      const where = g.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : g.db;
      ctx.output.out(`database ready: ${where} (${summits.length} summit${summits.length === 1 ? '' : 's'})`);
    });
}
