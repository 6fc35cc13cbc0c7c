// `sideline check SUMMIT_FILE RESULT.json`: judges a result file against the summit's hard rules,
// independently of the planner that wrote it, and recomputes its objective.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { json } from '../output.js';
import { UserError } from '../errors.js';
import type { SummitData } from '../../domain/summit/data.js';
import { readSummitFile } from '../../io/summit-file/read.js';
import { formatFileError } from '../../io/errors.js';
import type { ResultFileCheck } from '../../engine/check/result-file/check-result-file.js';
import { checkResultFile } from '../../engine/check/result-file/check-result-file.js';
import { formatObjective } from '../../engine/check/objective.js';
import { violation } from '../../engine/check/violation.js';

/** Adds `check` to the program. */
export function registerCheck(program: Command, ctx: CliContext): void {
  withGlobals(program.command('check <summit-file> <result-json>'))
    .description(
      'Check a result file against its summit file: every hard rule, the claimed objective, and the unscheduled reasons. ' +
        'Exit 0 when valid (prints the recomputed objective), 1 when not (each violation on its own line, on stderr)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline check examples/apec-2017-danang.yaml result.json\n' +
        '  $ sideline check unga.json unga-result.json --json\n',
    )
    .action(async (summitFile: string, resultFile: string, _opts: unknown, cmd: Command) => {
      const g = ctx.globals(cmd);
      const data = await readSummit(summitFile);
      const verdict = judge(data, await readText(resultFile));
      if (g.json) json(ctx.output, verdict);
      if (verdict.valid && verdict.objective) {
        if (!g.json) ctx.output.out(`${resultFile} is valid: ${formatObjective(verdict.objective)}`);
        return;
      }
      const n = verdict.violations.length;
      const gives = verdict.objective ? ` (its meetings give ${formatObjective(verdict.objective)})` : '';
      throw new UserError(
        `${resultFile} is not a valid plan for ${data.summit.id}: ${n} violation${n === 1 ? '' : 's'}${gives}`,
        g.json ? [] : verdict.violations.map((v) => v.message),
      );
    });
}

function judge(data: SummitData, text: string): ResultFileCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      valid: false,
      violations: [violation('result-shape', `(the whole file): not JSON: ${why}`)],
      objective: null,
    };
  }
  return checkResultFile(data, value);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Reads and validates a summit file; every problem is reported with its path. */
async function readSummit(file: string): Promise<SummitData> {
  const text = await readText(file);
  const ext = extname(file).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : null;
  if (format === null) throw new UserError(`${file}: a summit file ends in .yaml, .yml or .json`);
  const read = readSummitFile(text, format);
  if (!read.ok) {
    const n = read.errors.length;
    throw new UserError(
      `${file} has ${n} error${n === 1 ? '' : 's'}; nothing was checked`,
      read.errors.map(formatFileError),
    );
  }
  return read.data;
}
