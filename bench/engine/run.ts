// `npm run bench`: for each scale, generate the summit (fixed seed), read it, run the engine, the
// greedy baseline and the MILP side by side, each in a process of its own, check every plan with
// the independent checker, re-plan single changes on UNGA, compare with the targets, and write
// bench/RESULTS.md. Flags: --scales apec,g20  --quick (shorter limits)  --seed N  --no-milp.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, isScale, SCALES, type Scale } from '../generate/generate.js';
import { readSummitFile } from '../../src/io/summit-file/read.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import { describeMachine, loadNow } from './machine.js';
import { FULL_LIMITS, QUICK_LIMITS, judgeReplan, judgeScale, type Verdict } from './targets.js';
import { runSolverProcess, type SolverFailure } from './spawn-solver.js';
import type { ReplanRun, SolverRun } from './report-types.js';
import { checkRun, type CheckedRun } from './check-run.js';
import { applyChange } from './changes.js';
import { printScale, printReplan, printVerdicts } from './print.js';
import { writeResults, type ReplanRow, type ScaleRow } from './results-md.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: SCALES.join(',') },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'no-milp': { type: 'boolean', default: false },
  },
});

const OUT = fileURLToPath(new URL('../out/', import.meta.url));
const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

async function main(): Promise<void> {
  const scales = (values.scales ?? '').split(',').filter((s) => s.length > 0);
  const unknown = scales.filter((s) => !isScale(s));
  if (unknown.length > 0)
    throw new Error(`unknown scale(s) ${unknown.join(', ')}; expected ${SCALES.join(', ')}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const limits = values.quick ? QUICK_LIMITS : FULL_LIMITS;
  mkdirSync(OUT, { recursive: true });
  const machine = describeMachine();
  const started = performance.now();
  console.log(
    `Sideline scheduling benchmark — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAtStart}`,
  );
  const rows: ScaleRow[] = [];
  const verdicts: Verdict[] = [];
  let replans: ReplanRow[] = [];
  let invalid = 0;
  for (const scale of scales as Scale[]) {
    const row = await runScale(scale, seed, limits[scale] ?? { engineMs: 1000, milpMs: 1000 });
    rows.push(row);
    invalid += row.invalid;
    printScale(row);
    const v = judgeScale(row.facts);
    verdicts.push(...v);
    if (scale === 'unga' && row.engine.run && row.data) {
      replans = await runReplans(row.data, row.engine.run, seed);
      invalid += replans.filter((r) => r.violations.length > 0).length;
      printReplan(replans);
      for (const r of replans) verdicts.push(...judgeReplan(r.change, r.millis, r.moved, r.dropped));
    }
    row.data = null;
  }
  printVerdicts(verdicts);
  const totalSeconds = Math.round((performance.now() - started) / 1000);
  const complete = !values.quick && scales.length === SCALES.length && !values['no-milp'];
  const target = complete ? RESULTS : `${OUT}RESULTS.partial.md`;
  writeResults(target, {
    machine,
    loadAtEnd: loadNow(),
    seed,
    quick: values.quick ?? false,
    totalSeconds,
    rows,
    replans,
    verdicts,
  });
  writeFileSync(
    `${OUT}results.json`,
    JSON.stringify({ machine, seed, rows: rows.map(({ data: _d, ...r }) => r), replans, verdicts }, null, 1),
  );
  console.log(`\nWrote ${target} (${totalSeconds} s in all).`);
  if (invalid > 0) {
    console.error(`\nFAILED: ${invalid} plan(s) broke hard rules (see above).`);
    process.exitCode = 1;
  }
}

async function runScale(
  scale: Scale,
  seed: number,
  limits: { engineMs: number; milpMs: number },
): Promise<ScaleRow> {
  console.log(`\n== ${scale.toUpperCase()} ==`);
  const file = `${OUT}${scale}.json`;
  const text = JSON.stringify(generate(scale, seed));
  writeFileSync(file, text);
  const read = readSummitFile(text, 'json');
  if (!read.ok) {
    throw new Error(
      `generated ${scale} is not a valid summit file: ${read.errors
        .slice(0, 3)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`,
    );
  }
  const data = read.data;
  const placeable = data.requests.filter((r) =>
    ['agreed', 'scheduled', 'confirmed'].includes(r.status),
  ).length;
  console.log(
    `${data.requests.length} requests (${placeable} placeable), ${data.persons.length} persons, ${data.rooms.length} rooms`,
  );
  const run = async (solver: string, timeLimitMs: number, killAfterMs: number): Promise<CheckedRun> => {
    process.stdout.write(`  ${solver}… `);
    const out = await runSolverProcess({
      solver,
      file,
      out: `${OUT}${scale}-${solver}.result.json`,
      timeLimitMs,
      seed,
      killAfterMs,
    });
    const checked = checkRun(data, out as SolverRun | SolverFailure);
    console.log(checked.summary);
    return checked;
  };
  const engine = await run('engine', limits.engineMs, limits.engineMs * 3 + 120_000);
  const greedy = await run('greedy', 0, 600_000);
  const milp = values['no-milp'] ? null : await run('milp', limits.milpMs, limits.milpMs * 2 + 180_000);
  return buildRow(scale, data, placeable, engine, greedy, milp);
}

function buildRow(
  scale: Scale,
  data: SummitData,
  placeable: number,
  engine: CheckedRun,
  greedy: CheckedRun,
  milp: CheckedRun | null,
): ScaleRow {
  const bounds = [engine.run?.bound, milp?.run?.bound].filter((b): b is number => typeof b === 'number');
  const bestBound = bounds.length > 0 ? Math.min(...bounds) : null;
  const weights = [engine, greedy, milp]
    .filter((r): r is CheckedRun => r !== null && r.valid && r.weight !== null)
    .map((r) => r.weight as number);
  const bestKnown = weights.length > 0 ? Math.max(...weights) : null;
  const optimum = bestBound !== null && bestKnown !== null && bestKnown >= bestBound ? bestKnown : null;
  const engineWeight = engine.valid ? engine.weight : null;
  return {
    scale,
    requests: data.requests.length,
    placeable,
    engine,
    greedy,
    milp,
    bestBound,
    data,
    invalid: [engine, greedy, milp].filter((r) => r !== null && r.violations.length > 0).length,
    facts: {
      scale,
      engineWeight,
      engineMillis: engine.run?.millis ?? null,
      engineRssMb: engine.run?.maxRssMb ?? null,
      bestBound,
      bestKnown,
      optimum,
    },
  };
}

async function runReplans(data: SummitData, base: SolverRun, seed: number): Promise<ReplanRow[]> {
  console.log('\n== UNGA re-planning ==');
  if (!base.plan) throw new Error('the engine run did not return its plan');
  const basePath = `${OUT}unga-engine-plan.json`;
  writeFileSync(basePath, JSON.stringify(base.plan));
  const out = await runSolverProcess({
    solver: 'replan',
    file: `${OUT}unga.json`,
    out: `${OUT}unga-replan.result.json`,
    timeLimitMs: 0,
    seed,
    base: basePath,
    killAfterMs: 600_000,
  });
  if (out.kind !== 'replan') {
    console.log(`  re-plan failed: ${out.kind === 'failure' ? out.message : 'unexpected report'}`);
    return [];
  }
  return (out as ReplanRun).changes.map((c) => {
    const changed = applyChange(data, base.placements, c.change as 'add-request' | 'presence-change').data;
    const checked = checkRun(changed, {
      kind: 'solver',
      solver: `replan ${c.change}`,
      placements: c.placements,
      weight: c.weight,
      bound: null,
      millis: c.millis,
      note: '',
    });
    return {
      change: c.change,
      warmupMillis: (out as ReplanRun).warmupMillis,
      description: c.description,
      millis: c.millis,
      cpuMillis: c.cpuMillis,
      moved: c.moved,
      dropped: c.dropped,
      weightBefore: base.weight ?? 0,
      weightAfter: c.weight,
      newRequestPlaced: c.newRequestPlaced,
      violations: checked.violations,
    };
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
