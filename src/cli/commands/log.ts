// `sideline log`: the event log.
import type { Command } from 'commander';
import { readEventLog } from '../../app/events/read-log.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { parseSummitTime } from '../../domain/time.js';
import { UserError } from '../errors.js';
import { localTime } from '../format.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `log`. */
export function registerLog(program: Command, ctx: CliContext): void {
  withGlobals(program.command('log'))
    .description('show the event log: who changed what, when')
    .option(
      '--since <time>',
      'events at or after this time (YYYY-MM-DDTHH:MM in the summit zone, or with an offset)',
    )
    .option('--limit <n>', 'at most this many events', '200')
    .addHelpText('after', '\nExample:\n  $ sideline log --since 2017-11-10T08:00\n')
    .action(async (opts: { since?: string; limit: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UserError(`--limit: expected a positive whole number, got "${opts.limit}"`);
      const { summit, events } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        let since: string | undefined;
        if (opts.since) {
          try {
            since = parseSummitTime(opts.since, summit.timezone);
          } catch (e) {
            throw new UserError(`--since: ${(e as Error).message}`);
          }
        }
        return {
          summit,
          events: await readEventLog(app, OPERATOR, summit.id, { limit, ...(since ? { since } : {}) }),
        };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ summit: summit.id, events }, null, 2));
      ctx.output.out(
        table(
          ['seq', 'at', 'actor', 'scope', 'type', 'about'],
          events.map((e) => [
            e.seq,
            localTime(summit, e.at),
            e.actor,
            e.scope.kind === 'delegation' ? `delegation:${e.scope.delegation}` : e.scope.kind,
            e.type,
            String(e.payload.request ?? e.payload.id ?? ''),
          ]),
        ),
      );
    });
}
