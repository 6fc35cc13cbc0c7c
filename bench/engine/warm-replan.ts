// Warm re-plan on UNGA as a running server does it: one planner thread (the class the job runner
// keeps per slot) holds the summit's session; after one warm-up re-plan of the published schedule,
// each single change is re-planned with "keep the schedule" (at most 5 moves). Prints the time to the
// answer (what the server stores first) and to the whole plan, as ratios of the 300 ms target and of
// the cold first run, with the machine's load. Not part of `npm test`.
//
//   npm run bench:replan [-- --seed N --base-seconds S]
import { performance } from 'node:perf_hooks';
import { readSummitFile } from '../../src/io/summit-file/read.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import { checkPlan } from '../../src/engine/check/index.js';
import type { Plan } from '../../src/engine/result.js';
import { KEEP_ANSWER_MS } from '../../src/app/planning/runner.js';
import { PlannerThread } from '../../src/engine/worker/planner-thread.js';
import type { WorkerSolveSettings } from '../../src/engine/worker/protocol.js';
import { generate } from '../generate/generate.js';
import { afternoonLost, applyChange, CHANGES, published, type ChangedSummit } from './changes.js';
import { describeMachine, loadNow } from './machine.js';

/** The re-plan latency target, in milliseconds. */
const TARGET_MS = 300;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Timed {
  plan: Plan;
  answerMs: number;
  doneMs: number;
}

/** One run on the thread, timed on this (the owner's) thread as the server's runner sees it. */
async function timed(thread: PlannerThread, data: SummitData, settings: WorkerSolveSettings): Promise<Timed> {
  const t0 = performance.now();
  let answerMs = Number.NaN;
  const plan = await thread.plan(data, settings, {
    onAnswer: () => {
      answerMs = performance.now() - t0;
    },
  });
  return { plan, answerMs, doneMs: performance.now() - t0 };
}

const ms = (x: number): string => `${Math.round(x)} ms`;
const ratio = (x: number, of: number): string => `${(x / of).toFixed(2)}×`;

async function main(): Promise<void> {
  const seed = arg('seed', 1);
  const baseSeconds = arg('base-seconds', 10);
  const machine = describeMachine();
  console.log(`warm re-plan on UNGA, seed ${seed}; ${machine.cpu}, ${machine.cores} cores, ${machine.node}`);
  console.log(`load average at start: ${machine.loadAtStart}`);

  const read = readSummitFile(JSON.stringify(generate('unga', seed)), 'json');
  if (!read.ok) throw new Error(`generated UNGA summit is invalid: ${read.errors[0]?.message}`);
  const thread = new PlannerThread();
  try {
    // The published schedule: a plan of the summit, every meeting movable (as after accepting a plan).
    const base = await thread.plan(read.data, { seed, timeLimitMs: baseSeconds * 1000 });
    const schedule = published(read.data, base.meetings);
    const keep: WorkerSolveSettings = {
      seed,
      mode: 'repair',
      timeLimitMs: KEEP_ANSWER_MS,
      policy: { maxMoves: 5 },
      session: 'unga',
    };
    const cold = await timed(thread, schedule, keep);
    const warm = await timed(thread, schedule, keep);
    console.log(
      `schedule: ${base.meetings.length} meetings, weight ${base.objective.weight}; ` +
        `cold re-plan: answer ${ms(cold.answerMs)}, whole ${ms(cold.doneMs)}; warm-up: answer ${ms(warm.answerMs)}`,
    );
    const changes: [string, ChangedSummit][] = [
      ...CHANGES.map((c): [string, ChangedSummit] => [c, applyChange(schedule, base.meetings, c)]),
      ['afternoon-lost', afternoonLost(schedule, base.meetings)],
    ];
    console.log(
      '\n| change | answer | vs 300 ms | vs cold | whole plan | moves (repairs) | weight | checker | load |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, changed] of changes) {
      const run = await timed(thread, changed.data, keep);
      const fits = run.plan.moves.filter((m) => m.fits).length;
      const violations = checkPlan(changed.data, run.plan.meetings, run.plan.policy).violations.length;
      console.log(
        `| ${name} | ${ms(run.answerMs)} | ${ratio(run.answerMs, TARGET_MS)} | ${ratio(run.answerMs, cold.answerMs)} | ` +
          `${ms(run.doneMs)} | ${fits} (${run.plan.moves.length - fits}) | ${base.objective.weight} → ${run.plan.objective.weight} | ` +
          `${violations === 0 ? 'valid' : `${violations} violations`} | ${loadNow()} |`,
      );
      const phases = Object.entries(run.plan.stats.phases ?? {})
        .map(([phase, t]) => `${phase} ${t} ms`)
        .join(', ');
      console.log(`  ${changed.description}; in the thread: ${phases}`);
    }
    console.log(`\nload average at end: ${loadNow()}`);
  } finally {
    await thread.close();
  }
}

await main();
