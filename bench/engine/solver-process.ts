// One solver on one summit file, in a process of its own so that its peak memory is its own:
//   node --import tsx bench/engine/solver-process.ts --solver engine --file f.json --out r.json --time-limit-ms 2000
// Solvers: engine, greedy, milp, replan (re-plans a base plan after each change of changes.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SummitData } from '../../src/domain/summit/data.js';
import { greedyPlan } from '../../src/engine/baseline/greedy.js';
import type { Plan } from '../../src/engine/result.js';
import { replan } from '../../src/engine/replan.js';
import { solve } from '../../src/engine/solve.js';
import { readSummitFile } from '../../src/io/summit-file/read.js';
import { solveMilp } from '../milp/solve.js';
import { applyChange, CHANGES } from './changes.js';
import type { ReplanRun, SolverRun } from './report-types.js';

const { values } = parseArgs({
  options: {
    solver: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    'time-limit-ms': { type: 'string', default: '1000' },
    base: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(): Promise<void> {
  const solver = values.solver ?? '';
  if (!values.file || !values.out) throw new Error('--file and --out are required');
  const timeLimitMs = Number(values['time-limit-ms']);
  const seed = Number(values.seed);
  const t0 = performance.now();
  const read = readSummitFile(readFileSync(values.file, 'utf8'), 'json');
  if (!read.ok)
    throw new Error(`${values.file}: ${read.errors.length} errors, first: ${JSON.stringify(read.errors[0])}`);
  const data = read.data;
  const readMillis = performance.now() - t0;
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const before = process.resourceUsage();
  const cpuAtStart = Math.round((before.userCPUTime + before.systemCPUTime) / 1000);
  let run: SolverRun | ReplanRun;
  if (solver === 'replan') {
    if (!values.base) throw new Error('--base (the plan to re-plan) is required');
    const base = JSON.parse(readFileSync(values.base, 'utf8')) as Plan;
    run = replanChanges(data, base, seed);
  } else {
    run = await runSolver(solver, data, timeLimitMs, seed);
  }
  run.readMillis = Math.round(readMillis);
  run.rssBeforeMb = rssBeforeMb;
  // maxRSS is in kilobytes: the peak resident memory of this process.
  const usage = process.resourceUsage();
  run.maxRssMb = Math.round(usage.maxRSS / 1024);
  if (run.kind === 'solver')
    run.cpuMillis = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) - cpuAtStart;
  writeFileSync(values.out, JSON.stringify(run));
}

async function runSolver(
  solver: string,
  data: SummitData,
  timeLimitMs: number,
  seed: number,
): Promise<SolverRun> {
  const t = performance.now();
  if (solver === 'engine') {
    const plan = solve(data, { seed, timeLimitMs, clock: () => performance.now() });
    return {
      kind: 'solver',
      solver,
      plan,
      placements: plan.meetings,
      weight: plan.objective.weight,
      bound: plan.bound,
      millis: Math.round(performance.now() - t),
      note: `${plan.stats.iterations ?? 0} search iterations`,
    };
  }
  if (solver === 'greedy') {
    const plan = greedyPlan(data);
    return {
      kind: 'solver',
      solver,
      placements: plan.meetings,
      weight: plan.objective.weight,
      bound: null,
      millis: Math.round(performance.now() - t),
      note: '',
    };
  }
  if (solver === 'milp') {
    // HiGHS starts from the greedy baseline's plan: an independent first incumbent to improve on.
    const out = await solveMilp(data, {
      timeLimitSeconds: timeLimitMs / 1000,
      start: greedyPlan(data).meetings,
    });
    return {
      kind: 'solver',
      solver,
      placements: out.placements,
      weight: out.incumbent,
      bound: out.bound,
      millis: Math.round(performance.now() - t),
      note: out.note,
      milp: {
        status: out.status,
        mode: out.mode,
        dropped: out.dropped,
        variables: out.variables,
        rows: out.rows,
        nonzeros: out.nonzeros,
        boundSource: out.boundSource,
        buildMillis: Math.round(out.buildMillis),
        solveMillis: Math.round(out.solveMillis),
        startMissing: out.startMissing,
      },
    };
  }
  throw new Error(`unknown solver "${solver}"; expected engine, greedy, milp or replan`);
}

/**
 * Re-plans after each change with the engine's `replan`, from the base plan: it keeps what still
 * fits, places what is new or displaced, and moves meetings only for more priority weight. The
 * engine's own time budget applies (it is given the clock, no limit). Latencies are measured
 * after one warm-up call, as in a running server.
 */
function replanChanges(data: SummitData, base: Plan, seed: number): ReplanRun {
  // A server's engine is warm: one re-plan of the unchanged summit first, timed on its own.
  const t0 = performance.now();
  replan(data, base, { seed, clock: () => performance.now() });
  const warmupMillis = Math.round(performance.now() - t0);
  const changes = CHANGES.map((change) => {
    const { data: changed, description } = applyChange(data, base.meetings, change);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const plan = replan(changed, base, { seed, clock: () => performance.now() });
    const millis = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const placed = new Set(plan.meetings.map((m) => m.request as string));
    const dropped = base.meetings.filter((m) => !placed.has(m.request));
    return {
      change,
      description,
      millis: Math.round(millis),
      cpuMillis: Math.round((used.user + used.system) / 1000),
      moved: plan.moved.length,
      dropped: dropped.length,
      weight: plan.objective.weight,
      placements: plan.meetings,
      newRequestPlaced: placed.has('bench-late-request'),
    };
  });
  return { kind: 'replan', warmupMillis, changes };
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
