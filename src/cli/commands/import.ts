// `sideline import FILE`: a summit file (YAML or JSON), or requests from a spreadsheet (CSV or .xlsx).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { importSummitFile } from '../../app/files/import-summit.js';
import { importRequestsCsv, importRequestsXlsx } from '../../app/files/import-requests-csv.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { UserError } from '../errors.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

const FORMATS: Record<string, 'yaml' | 'json' | 'csv' | 'xlsx'> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};

/** Registers `import`. */
export function registerImport(program: Command, ctx: CliContext): void {
  withGlobals(program.command('import <file>'))
    .description(
      'import a summit file (.yaml/.json: all or nothing, updates a summit with the same id) or requests from a .csv or .xlsx',
    )
    .option('--format <format>', 'yaml, json, csv or xlsx (default: from the file extension)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline import examples/apec-2017-danang.yaml\n  $ sideline import requests.csv --summit apec-2017\n' +
        '  $ sideline import requests.xlsx --summit apec-2017   # the first sheet, with the CSV columns\n',
    )
    .action(async (file: string, opts: { format?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const format = opts.format ?? FORMATS[extname(file).toLowerCase()];
      if (format !== 'yaml' && format !== 'json' && format !== 'csv' && format !== 'xlsx') {
        throw new UserError(`cannot tell the format of ${file}: use --format yaml, json, csv or xlsx`);
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        throw new UserError(
          `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
      const text = bytes.toString('utf8');
      const summary = await withApp(g, async (app) => {
        if (format === 'yaml' || format === 'json') return importSummitFile(app, OPERATOR, { text, format });
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        return format === 'csv'
          ? importRequestsCsv(app, OPERATOR, summit.id, text)
          : importRequestsXlsx(app, OPERATOR, summit.id, bytes);
      });
      if (g.json) ctx.output.out(JSON.stringify(summary, null, 2));
      else ctx.output.out(`imported ${file} into summit ${summary.summit}${summary.created ? ' (new)' : ''}`);
    });
}
