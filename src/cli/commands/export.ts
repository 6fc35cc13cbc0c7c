// `sideline export`: writes the summit as a summit file.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportSummitFile } from '../../app/files/export-summit.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { UserError } from '../errors.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `export`. */
export function registerExport(program: Command, ctx: CliContext): void {
  withGlobals(program.command('export'))
    .description('write the summit as a summit file (to stdout, or --out FILE)')
    .option('--format <format>', 'yaml or json', 'yaml')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  $ sideline export --format json --out apec.json\n')
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      if (opts.format !== 'yaml' && opts.format !== 'json')
        throw new UserError(`--format: expected yaml or json, got "${opts.format}"`);
      const format = opts.format;
      const text = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        return exportSummitFile(app, OPERATOR, summit.id, format);
      });
      if (opts.out) {
        await writeFile(opts.out, text);
        ctx.output.err(`wrote ${opts.out}`);
      } else ctx.output.out(text);
    });
}
