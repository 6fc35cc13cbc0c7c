// `sideline confirmations`: the scheduled meetings awaiting confirmation under the summit's deadline,
// and (--sweep) flagging those overdue now, releasing their slots where the summit says so.
import type { Command } from 'commander';
import { listAwaitingConfirmation, sweepConfirmationDeadlines } from '../../app/meetings/deadlines.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { localSpan, localTime } from '../format.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `confirmations`. */
export function registerConfirmations(program: Command, ctx: CliContext): void {
  withGlobals(program.command('confirmations'))
    .description("list the scheduled meetings awaiting confirmation, with each one's deadline")
    .option(
      '--sweep',
      'flag the meetings whose deadline has passed now (and release them, if the summit says so)',
    )
    .addHelpText('after', '\nExample:\n  $ sideline confirmations --sweep\n')
    .action(async (opts: { sweep?: boolean }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { summit, swept, awaiting } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        const swept = opts.sweep ? await sweepConfirmationDeadlines(app, OPERATOR, summit.id) : null;
        return { summit, swept, awaiting: await listAwaitingConfirmation(app, OPERATOR, summit.id) };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ summit: summit.id, swept, awaiting }, null, 2));
      const rule = summit.confirmation;
      if (rule === null) {
        return ctx.output.out(
          `${summit.id} sets no confirmation deadline (summit.confirmation: {at: "18:00", daysBefore: 1, lapse: keep})`,
        );
      }
      const lines = [
        `Meetings must be confirmed by ${rule.at}, ${rule.daysBefore} day${rule.daysBefore === 1 ? '' : 's'} before their day ` +
          `(${summit.timezone}); unconfirmed ones are ${rule.lapse === 'release' ? 'released' : 'kept, flagged'}.`,
      ];
      if (swept) {
        lines.push(
          `Swept: ${swept.flagged.length} flagged${swept.flagged.length ? ` (${swept.flagged.join(', ')})` : ''}, ` +
            `${swept.released.length} released${swept.released.length ? ` (${swept.released.join(', ')})` : ''}.`,
        );
      }
      lines.push(
        awaiting.length === 0
          ? 'No scheduled meeting awaits confirmation.'
          : table(
              ['request', 'meeting', 'room', 'confirm by', 'confirmed by', 'missing', ''],
              awaiting.map((a) => [
                a.request,
                localSpan(summit, a.start, a.end),
                a.room ?? '—',
                localTime(summit, a.deadline),
                a.confirmedBy.join(', ') || '—',
                a.missing.join(', '),
                a.overdue ? 'OVERDUE' : '',
              ]),
            ),
      );
      ctx.output.out(lines.join('\n'));
    });
}
