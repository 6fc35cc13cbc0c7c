// `sideline demo`: loads the APEC 2017 example with its deliberations and public lines.
import type { Command } from 'commander';
import { loadDemo } from '../../app/demo/apec-2017.js';
import { playSummitWeek } from '../../app/demo/summit-week.js';
import { checkDemoPassword, createDemoLogins } from '../demo-logins.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `demo`. */
export function registerDemo(program: Command, ctx: CliContext): void {
  withGlobals(program.command('demo'))
    .description(
      'load the illustrative APEC 2017 Da Nang summit (examples/apec-2017-danang.yaml) with the US deliberation',
    )
    .addHelpText(
      'after',
      '\nCreates the database if needed and, when it has no account yet, one login per role and\n' +
        'delegation (printed once; SIDELINE_DEMO_PASSWORD sets their password).\n' +
        'Example:\n  $ sideline demo && sideline serve\n',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const demoPassword = await checkDemoPassword(ctx.env);
      await withApp(
        g,
        async (app) => {
          const { summit } = await loadDemo(app, OPERATOR);
          await playSummitWeek(app, OPERATOR);
          if (g.json) ctx.output.out(JSON.stringify({ summit }));
          else ctx.output.out(`loaded summit ${summit}; try: sideline requests, sideline encounters usa rus`);
          // --json keeps stdout to one JSON object: the logins are for a person
          if (!g.json) await createDemoLogins(app.store, ctx.output, demoPassword);
        },
        { create: true },
      );
    });
}
