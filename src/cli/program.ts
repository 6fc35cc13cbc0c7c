// Builds the `sideline` command: global options, then each command module registers itself.
import { Command } from 'commander';
import type { Output } from './output.js';
import { registerCommands } from './commands/index.js';
import { versionText } from './version.js';

/** Where the embedded database lives unless --db or SIDELINE_DB says otherwise. */
export const DEFAULT_DB = './data/sideline.db';

/** Global options every command sees, wherever they were written on the command line. */
export interface GlobalOptions {
  db: string;
  databaseUrl: string | undefined;
  summit: string | undefined;
  json: boolean;
  /** --create: a SQLite file that does not exist yet may be created (init and demo always may). */
  create: boolean;
  /** Whether the database was named (--db or SIDELINE_DB) rather than left to the default. */
  dbNamed: boolean;
}

/** What a command needs from its surroundings: output streams, global options, environment. */
export interface CliContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  /** Reads standard input fully (passwords, piped files). */
  readStdin(): Promise<string>;
  /** The global options as given before or after the command name (pass the action's command). */
  globals(command: Command): GlobalOptions;
}

/**
 * Creates the program for `argv`. Commands are added by src/cli/commands/index.ts, which loads only
 * the module of the command that `argv` names.
 */
export async function buildProgram(
  ctx: Omit<CliContext, 'globals'>,
  argv: readonly string[],
): Promise<Command> {
  const wantsVersion = argv.includes('--version') || argv.includes('-V');
  const program = new Command('sideline')
    .description('Coordinates the meetings held on the sidelines of multilateral summits.')
    // the text reads a file (or asks git): only when it is asked for
    .version(
      wantsVersion ? versionText() : '',
      '-V, --version',
      'print the version and the commit it was built from',
    )
    .option('--db <path>', `SQLite database file (default: env SIDELINE_DB, else ${DEFAULT_DB})`)
    .option('--summit <id>', 'the summit to act on, where the database holds more than one')
    .option('--json', 'print JSON for scripts instead of tables')
    .option('--create', 'create the SQLite file if it does not exist (otherwise a missing file is refused)')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.output.out(s),
      writeErr: (s) => ctx.output.err(s),
    });

  const globals = (command: Command): GlobalOptions => {
    // optsWithGlobals merges the program's options with the command's own (which win when given).
    const o = command.optsWithGlobals<{ db?: string; summit?: string; json?: boolean; create?: boolean }>();
    const named = o.db ?? (ctx.env.SIDELINE_DB || undefined);
    return {
      db: named ?? DEFAULT_DB,
      databaseUrl: ctx.env.DATABASE_URL || undefined,
      summit: o.summit,
      json: Boolean(o.json),
      create: Boolean(o.create),
      dbNamed: named !== undefined,
    };
  };
  await registerCommands(program, { ...ctx, globals }, argv);
  return program;
}

/**
 * Adds the global options to a subcommand too, so `sideline requests --db x.db` works as well as
 * `sideline --db x.db requests`. Commander merges them into the program's options on parse.
 */
export function withGlobals(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'SQLite database file (or env SIDELINE_DB; DATABASE_URL selects PostgreSQL)')
    .option('--summit <id>', 'the summit to act on')
    .option('--json', 'print JSON for scripts')
    .option('--create', 'create the SQLite file if it does not exist');
}
