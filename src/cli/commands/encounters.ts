// `sideline encounters A B`: where two principals will meet informally.
import type { Command } from 'commander';
import { listEncounters } from '../../app/encounters/list.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { localSpan } from '../format.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `encounters`. */
export function registerEncounters(program: Command, ctx: CliContext): void {
  withGlobals(program.command('encounters <a> <b>'))
    .description(
      'where the principals of two delegations are both present at an encounter event (family photo, gala dinner)',
    )
    .addHelpText('after', '\nExample:\n  $ sideline encounters usa rus\n')
    .action(async (a: string, b: string, _opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { summit, windows } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        return { summit, windows: await listEncounters(app, OPERATOR, summit.id, a, b) };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ summit: summit.id, encounters: windows }, null, 2));
      if (windows.length === 0)
        return ctx.output.out(`the principals of ${a} and ${b} share no encounter event`);
      ctx.output.out(
        table(
          ['event', 'title', 'venue', `when (${summit.timezone})`],
          windows.map((w) => [w.event, w.title, w.venue ?? '', localSpan(summit, w.from, w.to)]),
        ),
      );
    });
}
