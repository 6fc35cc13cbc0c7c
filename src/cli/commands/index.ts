// Every command of `sideline`, one module each. A command module exports one function:
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
import type { Command } from 'commander';
import type { CliContext } from '../program.js';
import { registerSchedule } from './schedule.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';
import { registerToken } from './token.js';
import { registerInit } from './init.js';
import { registerDemo } from './demo.js';
import { registerImport } from './import.js';
import { registerExport } from './export.js';
import { registerRequests } from './requests.js';
import { registerEncounters } from './encounters.js';
import { registerLog } from './log.js';
import { registerReport } from './report.js';
import { registerCheck } from './check.js';
import { registerWorker } from './worker.js';

/** Adds every command to the program. A new command module is one line here. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerInit(program, ctx);
  registerDemo(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerRequests(program, ctx);
  registerEncounters(program, ctx);
  registerLog(program, ctx);
  registerReport(program, ctx);
  registerSchedule(program, ctx);
  registerCheck(program, ctx);
  registerServe(program, ctx);
  registerUser(program, ctx);
  registerToken(program, ctx);
  registerWorker(program, ctx);
}
