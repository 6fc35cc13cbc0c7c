// `npm run bench:start`: how fast the compiled build starts, median of 10 runs of each, beside a bare
// `node -e 0` on the same machine at the same time (the floor no command can beat). Targets: `--help`
// ≤ 300 ms, `requests` on the demo ≤ 500 ms, a solver worker thread ready ≤ 100 ms, `schedule
// --time-limit 5` on the demo ≤ 5.5 s. Writes its section of bench/RESULTS.md with the load.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeSection } from '../../web/scripts/bench-web.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 10);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Wall milliseconds of one run of `node args`, which must succeed. */
function timed(args: string[], cwd: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return ms;
}

/** Milliseconds from creating a solver thread until the compiled solver is loaded in it. */
async function workerReady(): Promise<number> {
  const solve = new URL('../../dist/engine/solve.js', import.meta.url).href;
  const started = performance.now();
  const worker = new Worker(
    `import(${JSON.stringify(solve)}).then(() => require('node:worker_threads').parentPort.postMessage('ready'))`,
    { eval: true },
  );
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ms = performance.now() - started;
  await worker.terminate();
  return ms;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'sideline-bench-start-'));
  const loadBefore = loadavg();
  try {
    const db = join(dir, 'demo.db');
    execFileSync(process.execPath, [BIN, 'demo', '--db', db], { stdio: 'ignore' });
    const rows: { what: string; target: number; runs: number[] }[] = [
      { what: 'node -e 0 (the floor)', target: NaN, runs: [] },
      { what: 'sideline --help', target: 300, runs: [] },
      { what: 'sideline requests (demo)', target: 500, runs: [] },
      { what: 'solver worker thread ready', target: 100, runs: [] },
      { what: 'sideline schedule --time-limit 5 (demo)', target: 5500, runs: [] },
    ];
    const demoFile = join(ROOT, 'examples', 'apec-2017-danang.yaml');
    for (let i = 0; i < RUNS; i++) {
      rows[0]!.runs.push(timed(['-e', '0'], dir));
      rows[1]!.runs.push(timed([BIN, '--help'], dir));
      rows[2]!.runs.push(timed([BIN, 'requests', '--db', db], dir));
      rows[3]!.runs.push(await workerReady());
      rows[4]!.runs.push(
        timed([BIN, 'schedule', demoFile, '--time-limit', '5', '--out', join(dir, 'r.json')], dir),
      );
    }
    const loadAfter = loadavg();
    const floor = median(rows[0]!.runs);
    const table = rows.map(({ what, target, runs }) => {
      const m = median(runs);
      const verdict = Number.isNaN(target) ? '' : m <= target ? 'met' : '**missed**';
      return `| ${what} | ${Math.round(m)} ms | ${(m / floor).toFixed(1)}× | ${Number.isNaN(target) ? '' : `≤ ${target} ms`} | ${verdict} | ${Math.round(Math.min(...runs))}–${Math.round(Math.max(...runs))} ms |`;
    });
    const md = [
      '## Start-up (`npm run bench:start`)',
      '',
      `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version};`,
      `load average (1, 5, 15 min) ${loadBefore.map((l) => l.toFixed(2)).join(', ')} before and ${loadAfter.map((l) => l.toFixed(2)).join(', ')} after.`,
      `Median of ${RUNS} runs of the compiled build (dist/), each beside a bare \`node -e 0\`.`,
      '',
      '| what | median | × node -e 0 | target | | range |',
      '| --- | --- | --- | --- | --- | --- |',
      ...table,
    ].join('\n');
    writeSection(RESULTS, md, '<!-- start:start -->', '<!-- start:end -->');
    console.log(md);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
