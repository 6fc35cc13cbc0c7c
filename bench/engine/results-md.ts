// Writes the scheduling section of bench/RESULTS.md: machine, table, MILP details, re-planning,
// targets. Only the part between the engine markers is replaced, so other benchmarks' sections of
// the file stay; inside it, the notes (written by hand) are kept from one run to the next.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine.js';
import { HEADINGS, REPLAN_HEADINGS, replanCells, rowCells, type ReplanRow, type ScaleRow } from './table.js';
import { FULL_LIMITS, QUICK_LIMITS, type Verdict } from './targets.js';

export type { ReplanRow, ScaleRow } from './table.js';

/** Everything one run produced. */
export interface RunReport {
  machine: Machine;
  loadAtEnd: number;
  seed: number;
  quick: boolean;
  totalSeconds: number;
  rows: ScaleRow[];
  replans: ReplanRow[];
  verdicts: Verdict[];
}

const NOTES_START = '<!-- notes:start -->';
const NOTES_END = '<!-- notes:end -->';
const SECTION_START = '<!-- engine:start -->';
const SECTION_END = '<!-- engine:end -->';

const table = (headings: string[], rows: string[][]) =>
  [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');

/** Writes the scheduling section of the results file at `path`, keeping its notes and other sections. */
export function writeResults(path: string, r: RunReport): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const s = previous.indexOf(NOTES_START);
  const e = previous.indexOf(NOTES_END);
  const notes =
    s >= 0 && e > s
      ? previous.slice(s + NOTES_START.length, e).trim()
      : '_No notes yet: add them here; runs keep this section._';
  const limits = r.quick ? QUICK_LIMITS : FULL_LIMITS;
  const m = r.machine;
  const section = [
    SECTION_START,
    '# Scheduling benchmark results',
    '',
    `Written by \`npm run bench\`${r.quick ? ' --quick' : ''} on ${m.date.slice(0, 10)} (${m.date}), seed ${r.seed}, ${r.totalSeconds} s in all.`,
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node.js ${m.node} on ${m.platform}`,
    `- One-minute load average: ${m.loadAtStart} at the start, ${r.loadAtEnd} at the end. The machine is shared:`,
    '  a load above the number of cores means the solvers got only part of a core, and times are longer',
    '  (and plans within a time limit poorer) than on an idle machine.',
    '',
    '## How it runs',
    '',
    '- Each instance is generated from the seed (`bench/generate`), written to `bench/out/<scale>.json`, and read',
    '  back through `readSummitFile` (which must report no error).',
    '- Each solver runs in a process of its own (`bench/engine/solver-process.ts`), so its peak resident memory',
    '  (`process.resourceUsage().maxRSS`, which includes reading the file) is its own. Solvers run one after another.',
    '- Every plan is checked by the independent checker (`checkPlan`); a plan that breaks a hard rule or claims a',
    '  weight the checker does not compute fails the run.',
    `- Time limits (engine = its target; MILP): ${Object.entries(limits)
      .map(([k, v]) => `${k.toUpperCase()} ${v.engineMs / 1000} s / ${v.milpMs / 1000} s`)
      .join(', ')}.`,
    '- Greedy: the naive baseline (`src/engine/baseline/greedy.ts`), priority order, first feasible slot.',
    '- MILP: the time-indexed model of `bench/milp` solved by HiGHS (WebAssembly, one thread): first its linear',
    '  relaxation (up to 80% of the limit), then the integer program started from the greedy plan for the time left.',
    '  Up to 50,000 variables the model is exact (one variable per request, start and room class);',
    '  beyond, rooms are aggregated into counting rows (a relaxation, a tenth of the size; its solution is given rooms',
    "  afterwards, dropping what finds none). Either way its bound (the smaller of the relaxation's value and the",
    '  dual bound `mip_dual_bound`, floored since weights are integers) is a valid upper bound; "(trivial)" means',
    '  HiGHS proved none in time and the sum of priorities of the requests with any feasible slot is shown. A model',
    '  over 400,000 variables is not built.',
    "- Best bound = the smaller of the engine's bound and the MILP bound.",
    '',
    '## Results',
    '',
    table(HEADINGS, r.rows.map(rowCells)),
    '',
    '### MILP models',
    '',
    table(
      ['instance', 'status', 'variables', 'rows', 'non-zeros', 'build', 'solve', 'start plan not in model'],
      r.rows.map((row) => {
        const x = row.milp?.run?.milp;
        if (!x) return [row.scale.toUpperCase(), row.milp?.failure ?? 'not run', '', '', '', '', '', ''];
        return [
          row.scale.toUpperCase(),
          x.status,
          String(x.variables),
          String(x.rows),
          String(x.nonzeros),
          `${(x.buildMillis / 1000).toFixed(1)} s`,
          `${(x.solveMillis / 1000).toFixed(1)} s`,
          String(x.startMissing),
        ];
      }),
    ),
    '',
    '## Re-planning on UNGA',
    '',
    r.replans.length === 0
      ? '_Not run (UNGA was not in this run, or the engine had no plan)._'
      : [
          "The engine's `replan` runs on the changed summit from its UNGA plan: it keeps what still fits, places",
          'what is new or displaced, and moves meetings only for more priority weight, within its own time budget.',
          'Latency is that call, compiling the summit and explaining what is left out included, measured after one',
          `warm-up re-plan of the unchanged summit in the same process (as in a running server; that cold call took ${
            r.replans[0]?.warmupMillis ?? '?'
          } ms). Moved: meetings of the plan now elsewhere; dropped: meetings of the plan no longer on it.`,
          '',
          table(REPLAN_HEADINGS, r.replans.map(replanCells)),
        ].join('\n'),
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'wanted', 'verdict', 'short by'],
      r.verdicts.map((v) => [v.what, v.measured, v.target, v.status, v.gap || '—']),
    ),
    '',
    '## Notes',
    '',
    NOTES_START,
    notes,
    NOTES_END,
    SECTION_END,
  ].join('\n');
  const from = previous.indexOf(SECTION_START);
  const to = previous.indexOf(SECTION_END);
  const out =
    from >= 0 && to > from
      ? `${previous.slice(0, from)}${section}${previous.slice(to + SECTION_END.length)}`
      : `${section}\n${previous.trim() === '' ? '' : `\n${previous.trimStart()}`}`;
  writeFileSync(path, out.endsWith('\n') ? out : `${out}\n`);
}
