// `sideline backup` and `sideline restore`: the whole database (every summit, record, event and
// account) to one file and back, while servers keep running (backup) or are stopped (restore).
import type { Command } from 'commander';
import { backupDatabase, BackupError, restoreDatabase } from '../../store/backup.js';
import { openStore } from '../../store/open.js';
import { UserError } from '../errors.js';
import type { CliContext, GlobalOptions } from '../program.js';
import { withGlobals } from '../program.js';

function storeOptions(g: GlobalOptions) {
  return g.databaseUrl ? { databaseUrl: g.databaseUrl } : { sqlitePath: g.db };
}

/** Backup errors are the operator's to act on: one clear line. */
function asUserError(error: unknown): unknown {
  return error instanceof BackupError ? new UserError(error.message) : error;
}

/** Registers `backup` and `restore`. */
export function registerBackup(program: Command, ctx: CliContext): void {
  withGlobals(program.command('backup'))
    .description(
      'copy the whole database to a file while servers keep running (SQLite online backup, or pg_dump)',
    )
    .requiredOption('--out <file>', 'the backup file to write (whole or not at all)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline backup --db data/sideline.db --out sideline-2026-12-07.db\n' +
        '  $ DATABASE_URL=postgres://… sideline backup --out sideline-2026-12-07.pgdump\n',
    )
    .action(async (opts: { out: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      try {
        const { kind, bytes } = await backupDatabase(storeOptions(g), opts.out);
        ctx.output.err(
          `sideline: backed up the ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database to ${opts.out} (${bytes} bytes)`,
        );
      } catch (error) {
        throw asUserError(error);
      }
    });

  withGlobals(program.command('restore <file>'))
    .description(
      'restore a backup into a new database (SIDELINE_DB/--db, or DATABASE_URL); stop servers using it first',
    )
    .option('--replace', 'overwrite the target database, which may hold data')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline restore sideline-2026-12-07.db --db data/restored.db\n' +
        '  $ DATABASE_URL=postgres://…/sideline_restored sideline restore sideline-2026-12-07.pgdump\n',
    )
    .action(async (file: string, opts: { replace?: boolean }, cmd: Command) => {
      const g = ctx.globals(cmd);
      try {
        await restoreDatabase(storeOptions(g), file, Boolean(opts.replace));
      } catch (error) {
        throw asUserError(error);
      }
      // opening migrates a backup of an older release, and proves the restored database opens
      const store = await openStore(storeOptions(g));
      const counts = await store.read(async (tx) => ({
        summits: (await tx.summits.list()).length,
        users: (await tx.users.list()).length,
      }));
      await store.close();
      ctx.output.err(`sideline: restored ${file}: ${counts.summits} summit(s), ${counts.users} account(s)`);
    });
}
