// `sideline demo`: loads the APEC 2017 example with its deliberations and public lines.
import type { Command } from 'commander';
import { loadDemo } from '../../app/demo/apec-2017.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `demo`. */
export function registerDemo(program: Command, ctx: CliContext): void {
  withGlobals(program.command('demo'))
    .description(
      'load the illustrative APEC 2017 Da Nang summit (examples/apec-2017-danang.yaml) with the US deliberation',
    )
    .addHelpText('after', '\nExample:\n  $ sideline demo && sideline requests\n')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { summit } = await withApp(g, (app) => loadDemo(app, OPERATOR));
      if (g.json) ctx.output.out(JSON.stringify({ summit }));
      else ctx.output.out(`loaded summit ${summit}; try: sideline requests, sideline encounters usa rus`);
    });
}
