// Every command of `sideline`, one module each, loaded only when it runs: `sideline requests` imports
// the requests module and what it needs, never the HTTP server or the solver. A command module
// exports one function:
//
//   export function registerFoo(program: Command, ctx: CliContext): void {
//     withGlobals(program.command('foo <file>'))
//       .description('…')
//       .addHelpText('after', '\nExample:\n  $ sideline foo summit.yaml\n')
//       .action(async (file: string, _opts: unknown, cmd: Command) => {
//         const g = ctx.globals(cmd); // --db, --summit, --json wherever they were given
//         …; throw new UserError('one clear line') for a user mistake (exit 1)
//       });
//   }
//
// and has one line in COMMANDS below (its usage and summary are what `sideline --help` lists).
import type { Command } from 'commander';
import type { CliContext } from '../program.js';

/** Adds a command module's commands to the program. */
export type Register = (program: Command, ctx: CliContext) => void;

/** One top-level command: its usage and one-line summary for `sideline --help`, and its module. */
export interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<Register>;
}

/** Every top-level command. A new command module is one line here. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    usage: 'init',
    summary: 'create the database (or bring its schema up to date)',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    usage: 'demo',
    summary: 'load the illustrative APEC 2017 Da Nang summit',
    load: async () => (await import('./demo.js')).registerDemo,
  },
  {
    usage: 'import <file>',
    summary: 'import a summit file, or requests from a .csv or .xlsx',
    load: async () => (await import('./import.js')).registerImport,
  },
  {
    usage: 'export',
    summary: 'write the summit as a summit file, or its schedule or requests as a spreadsheet',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    usage: 'requests',
    summary: 'list meeting requests',
    load: async () => (await import('./requests.js')).registerRequests,
  },
  {
    usage: 'show <request>',
    summary: 'show one request: parties, conditions, meeting and thread',
    load: async () => (await import('./requests.js')).registerRequests,
  },
  {
    usage: 'encounters <a> <b>',
    summary: 'where the principals of two delegations meet informally',
    load: async () => (await import('./encounters.js')).registerEncounters,
  },
  {
    usage: 'log',
    summary: 'show the event log: who changed what, when',
    load: async () => (await import('./log.js')).registerLog,
  },
  {
    usage: 'schedule [summit-file]',
    summary: 'plan a summit file, or the summit in the database',
    load: async () => (await import('./schedule.js')).registerSchedule,
  },
  {
    usage: 'confirmations',
    summary: 'the meetings awaiting confirmation and their deadlines; --sweep flags the overdue',
    load: async () => (await import('./confirmations.js')).registerConfirmations,
  },
  {
    usage: 'check <summit-file> <result-json>',
    summary: 'check a result file against its summit file',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    usage: 'serve',
    summary: 'run the HTTP API and the web app',
    load: async () => (await import('./serve.js')).registerServe,
  },
  {
    usage: 'worker',
    summary: 'solve queued planning jobs until stopped',
    load: async () => (await import('./worker.js')).registerWorker,
  },
  {
    usage: 'notify',
    summary: 'send notifications (dispatcher), send a test email, see the outbox',
    load: async () => (await import('./notify.js')).registerNotify,
  },
  {
    usage: 'user',
    summary: 'list, add and disable accounts; set a password',
    load: async () => (await import('./user.js')).registerUser,
  },
  {
    usage: 'token',
    summary: 'create and revoke personal API tokens',
    load: async () => (await import('./token.js')).registerToken,
  },
  {
    usage: 'backup',
    summary: 'copy the whole database to a file while servers keep running',
    load: async () => (await import('./backup.js')).registerBackup,
  },
  {
    usage: 'restore <file>',
    summary: 'restore a backup into a new database',
    load: async () => (await import('./backup.js')).registerBackup,
  },
];

/** The name of a command entry (the first word of its usage). */
export const commandName = (entry: CommandEntry): string => entry.usage.split(' ')[0] ?? entry.usage;

/** Global options that take a value: the word after them is not the command. */
const VALUED = new Set(['--db', '--summit']);

/** The command word of an argument list (`help X` names X), or undefined when it names none. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1];
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) return a === 'help' && argv[i + 1] ? argv[i + 1] : a;
  }
  return undefined;
}

/**
 * Adds the command `argv` names, loading its module alone. When it names none (or an unknown one),
 * adds every command as a one-line entry, enough for `sideline --help` and for commander to say
 * which command it does not know.
 */
export async function registerCommands(
  program: Command,
  ctx: CliContext,
  argv: readonly string[],
): Promise<void> {
  const word = commandWord(argv);
  const entry = COMMANDS.find((c) => commandName(c) === word);
  if (entry) {
    (await entry.load())(program, ctx);
    return;
  }
  for (const c of COMMANDS) program.command(c.usage).description(c.summary);
}

/** Adds every command module in full (for tests that walk the whole command tree). */
export async function registerAllCommands(program: Command, ctx: CliContext): Promise<void> {
  const loaded = new Set<Register>();
  for (const c of COMMANDS) loaded.add(await c.load());
  for (const register of loaded) register(program, ctx);
}
