// `sideline report attendance`: what happened at the meetings whose time has come, per delegation.
import type { Command } from 'commander';
import { attendanceReport } from '../../app/reports/attendance.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { parseSummitTime, LocalTimeError } from '../../domain/time.js';
import { UserError } from '../errors.js';
import { localSpan, localTime } from '../format.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, viewerOf, withApp } from '../session.js';

const OUTCOME_WORDS: Record<string, string> = {
  held: 'held',
  'held-late': 'held late',
  'no-show': 'no-show',
  'cancelled-late': 'cancelled late',
};

/** Registers `report attendance`. */
export function registerReport(program: Command, ctx: CliContext): void {
  const report = program.command('report').description('reports over what happened in the summit week');
  withGlobals(report.command('attendance'))
    .description(
      'per delegation: meetings held, held late, no-shows and late cancellations, and what is still unrecorded',
    )
    .option('--as <delegation>', "count only what this delegation's members may see")
    .option('--at <time>', "as of this local time (YYYY-MM-DDTHH:MM in the summit's zone; default now)")
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline report attendance\n  $ sideline report attendance --at 2017-11-10T12:00 --json\n',
    )
    .action(async (opts: { as?: string; at?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { summit, result } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        if (opts.as && !(await app.store.read((tx) => tx.delegations.get(summit.id, opts.as!)))) {
          throw new UserError(`--as: unknown delegation "${opts.as}"`);
        }
        const actor = opts.as ? viewerOf(summit.id, opts.as) : OPERATOR;
        const at = opts.at === undefined ? undefined : timeOption(opts.at, summit.timezone);
        const asOf = at === undefined ? app : { ...app, now: () => at };
        return { summit, result: await attendanceReport(asOf, actor, summit.id) };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ summit: summit.id, ...result }, null, 2));
      if (result.meetings.length === 0) {
        return ctx.output.out(`no meeting of ${summit.id} has started by ${localTime(summit, result.at)}`);
      }
      ctx.output.out(
        table(
          [
            'delegation',
            'meetings',
            'held',
            'of which late',
            'came late',
            'no-show',
            'cancelled late',
            'unrecorded',
          ],
          result.delegations.map((d) => [
            `${d.name} (${d.delegation})`,
            d.meetings,
            d.held + d.heldLate,
            d.heldLate || '',
            d.late === 0 ? '' : `${d.late} (${d.lateMinutes} min)`,
            d.noShows || '',
            d.lateCancellations || '',
            d.unrecorded || '',
          ]),
        ),
      );
      ctx.output.out('');
      ctx.output.out(
        table(
          ['meeting', 'parties', `when (${summit.timezone})`, 'what happened'],
          result.meetings.map((m) => [
            m.request,
            m.parties.join(', '),
            localSpan(summit, m.start, m.end),
            m.outcome === null
              ? 'not recorded'
              : [
                  OUTCOME_WORDS[m.outcome.kind],
                  m.outcome.lateMinutes === null ? '' : `${m.outcome.lateMinutes} min`,
                  m.outcome.by.length === 0 ? '' : `by ${m.outcome.by.join(', ')}`,
                ]
                  .filter((w) => w !== '')
                  .join(', '),
          ]),
        ),
      );
      ctx.output.out(`\nas of ${localTime(summit, result.at)} (${summit.timezone})`);
    });
}

/** The instant of `--at`, read as a local time of the summit. */
function timeOption(text: string, zone: string) {
  try {
    return parseSummitTime(text, zone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new UserError(`--at: ${e.message}`);
    throw e;
  }
}
