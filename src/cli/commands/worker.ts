// `sideline worker`: solves the planning jobs the API queues, beside any number of `sideline serve`
// processes on one PostgreSQL database (or, on SQLite, beside one server on the same machine).
import type { Command } from 'commander';
import { startPlanJobRunner } from '../../app/planning/runner.js';
import { UserError } from '../errors.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';

/** Reads a whole number option, naming it when it is not one. */
function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/u.test(text.trim()) || n < min || n > max) {
    throw new UserError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return n;
}

/** Registers `worker`. */
export function registerWorker(program: Command, ctx: CliContext): void {
  withGlobals(program.command('worker'))
    .description('solve queued planning jobs until stopped (SIGINT or SIGTERM); run one or more per machine')
    .option('--concurrency <n>', 'jobs solved at once, each in a thread of its own', '1')
    .option('--stale-after <seconds>', 'take over a job whose worker has been silent this long', '30')
    .addHelpText(
      'after',
      '\nEnvironment: DATABASE_URL (PostgreSQL), or SIDELINE_DB / --db for SQLite.\n' +
        'Example:\n  $ DATABASE_URL=postgres://… sideline worker --concurrency 2\n',
    )
    .action(async (opts: { concurrency: string; staleAfter: string }, cmd: Command) => {
      const concurrency = wholeNumber('--concurrency', opts.concurrency, 1, 64);
      const staleAfterMs = wholeNumber('--stale-after', opts.staleAfter, 5, 3600) * 1000;
      await withApp(ctx.globals(cmd), async (app) => {
        const runner = await startPlanJobRunner(app, {
          concurrency,
          staleAfterMs,
          log: (message) => ctx.output.err(`sideline worker: ${message}`),
        });
        ctx.output.err(
          `sideline worker: ${runner.worker} waiting for planning jobs on ${app.store.dialect} (concurrency ${concurrency})`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        ctx.output.err('sideline worker: stopping; jobs in progress go back to the queue');
        await runner.close();
      });
    });
}
