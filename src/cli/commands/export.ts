// `sideline export`: writes the summit as a summit file, or its requests and schedule as a workbook.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportSummitFile } from '../../app/files/export-summit.js';
import { summitWorkbook, type WorkbookContent } from '../../app/files/sheets.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { UserError } from '../errors.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** Registers `export`. */
export function registerExport(program: Command, ctx: CliContext): void {
  withGlobals(program.command('export'))
    .description(
      'write the summit as a summit file (to stdout, or --out FILE), or its requests and schedule as an .xlsx workbook',
    )
    .option('--format <format>', 'yaml, json or xlsx', 'yaml')
    .option('--sheets <which>', 'for xlsx: requests, schedule or both', 'both')
    .option('--out <file>', 'write to this file instead of stdout (needed for xlsx)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline export --format json --out apec.json\n' +
        '  $ sideline export --format xlsx --out apec.xlsx                   # a Requests and a Schedule sheet\n' +
        '  $ sideline export --format xlsx --sheets requests --out requests.xlsx  # imports back with sideline import\n',
    )
    .action(async (opts: { format: string; sheets: string; out?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      if (opts.format === 'xlsx') {
        const sheets = opts.sheets;
        if (sheets !== 'requests' && sheets !== 'schedule' && sheets !== 'both')
          throw new UserError(`--sheets: expected requests, schedule or both, got "${sheets}"`);
        const out = opts.out;
        if (!out)
          throw new UserError('--format xlsx writes a binary workbook: name the file with --out FILE');
        const bytes = await withApp(g, async (app) => {
          const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
          return summitWorkbook(app, OPERATOR, summit.id, sheets satisfies WorkbookContent);
        });
        await writeFile(out, bytes);
        ctx.output.err(`wrote ${out}`);
        return;
      }
      if (opts.format !== 'yaml' && opts.format !== 'json')
        throw new UserError(`--format: expected yaml, json or xlsx, got "${opts.format}"`);
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
