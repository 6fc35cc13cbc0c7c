// `npm run soak`: a steady mix of reads and writes against the API for a long time (30 minutes by
// default) on SQLite and PostgreSQL at once, sampling the server's resident memory and V8 heap from
// its /metrics; after the load it idles a minute and samples again. Prints each backend's curve and
// its growth after the warm-up, and writes the soak section of bench/RESULTS.md.
// Flags: --minutes N (default 30)  --warmup-minutes N (default a sixth of --minutes)
//        --read-rate N (requests/s, default 60)  --write-rate N (default 15)
//        --sample-seconds N (default 15)  --backends sqlite,postgres  --no-results (print only)
import autocannon, { type Result } from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, startPostgres, type PostgresServer } from '../../test/support/postgres.js';
import { meetingsPathIn, readMix, writeMix } from '../api/mixes.js';
import { BENCH_USERS } from '../api/protocol.js';
import { writeSection } from '../api/report.js';
import { startServer, type RunningServer } from '../api/spawn.js';
import { growth, memoryOf, soakSection, type Sample, type SoakRun } from './report.js';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'warmup-minutes': { type: 'string' },
    'read-rate': { type: 'string', default: '60' },
    'write-rate': { type: 'string', default: '15' },
    'sample-seconds': { type: 'string', default: '15' },
    'idle-seconds': { type: 'string', default: '60' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    'no-results': { type: 'boolean', default: false },
  },
});

function number(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`--${name} "${raw}": give a number from ${min} to ${max}`);
  return n;
}
const minutes = number('minutes', values.minutes, 0.5, 24 * 60);
const warmupMinutes = number(
  'warmup-minutes',
  values['warmup-minutes'] ?? String(minutes / 6),
  0,
  minutes / 2,
);
const readRate = number('read-rate', values['read-rate'], 1, 10_000);
const writeRate = number('write-rate', values['write-rate'], 0, 10_000);
const sampleSeconds = number('sample-seconds', values['sample-seconds'], 1, 600);
const idleSeconds = number('idle-seconds', values['idle-seconds'], 0, 3600);
const backends = values.backends.split(',').map((b) => b.trim());
for (const b of backends)
  if (b !== 'sqlite' && b !== 'postgres')
    throw new Error(`--backends: "${b}" is neither sqlite nor postgres`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads one server for the soak's length while sampling its memory, then idles and samples again. */
async function soak(name: string, server: RunningServer): Promise<SoakRun> {
  const token = server.ready.tokens[BENCH_USERS[0]];
  if (!token) throw new Error(`the server made no token for ${BENCH_USERS[0]}`);
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  const duration = Math.round(minutes * 60);
  const samples: Sample[] = [];
  const started = Date.now();
  const sample = async (phase: Sample['phase']) => {
    const memory = await memoryOf(server.url);
    samples.push({ seconds: Math.round((Date.now() - started) / 1000), phase, ...memory });
  };
  await sample('start');
  const sampler = setInterval(() => void sample('load').catch(() => undefined), sampleSeconds * 1000);
  // two connections per mix at a fixed overall rate: a steady load, far below the server's capacity
  const runs: Promise<Result>[] = [
    autocannon({
      ...readMix(server.url, token, meetingsPathIn(doc.paths)),
      connections: 4,
      overallRate: readRate,
      duration,
    }),
  ];
  if (writeRate > 0) {
    runs.push(
      autocannon({
        ...writeMix(server.url, token, server.ready.requests),
        connections: 2,
        overallRate: writeRate,
        duration,
      }),
    );
  }
  const results = await Promise.all(runs);
  clearInterval(sampler);
  await sample('end');
  await sleep(idleSeconds * 1000);
  await sample('idle');
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const errors = results.reduce((n, r) => n + r.errors + r.non2xx, 0);
  return { name, samples, requests, errors, warmupSeconds: warmupMinutes * 60 };
}

const dir = await mkdtemp(join(tmpdir(), 'sideline-soak-'));
let pg: PostgresServer | undefined;
const loadBefore = loadavg();
try {
  const jobs: Promise<SoakRun>[] = [];
  const servers: RunningServer[] = [];
  const env = { BENCH_CONNECTIONS: '4' };
  if (backends.includes('sqlite')) {
    const server = await startServer(
      'server.ts',
      { ...env, SIDELINE_DB: join(dir, 'soak.db') },
      join(dir, 'sqlite.log'),
    );
    servers.push(server);
    jobs.push(soak('SQLite', server));
  }
  if (backends.includes('postgres')) {
    pg = await startPostgres();
    const db = await createTestDatabase(pg.url);
    const server = await startServer(
      'server.ts',
      { ...env, DATABASE_URL: db.url },
      join(dir, 'postgres.log'),
    );
    servers.push(server);
    jobs.push(soak('PostgreSQL', server));
  }
  console.log(
    `soak: ${minutes} min at ${readRate} reads/s and ${writeRate} writes/s per backend (${backends.join(', ')})`,
  );
  const runs = await Promise.all(jobs);
  await Promise.all(servers.map((s) => s.stop()));
  const loadAfter = loadavg();
  for (const run of runs) {
    const g = growth(run);
    console.log(
      `${run.name}: ${run.requests} requests, ${run.errors} errors; RSS after warm-up ${g.rssFrom.toFixed(0)} → ${g.rssTo.toFixed(0)} MiB (${g.rssPercent.toFixed(1)} %), heap ${g.heapFrom.toFixed(0)} → ${g.heapTo.toFixed(0)} MiB (${g.heapPercent.toFixed(1)} %); idle: RSS ${g.idleRss.toFixed(0)} MiB`,
    );
  }
  const markdown = soakSection(runs, {
    minutes,
    readRate,
    writeRate,
    cores: cpus().length,
    loadBefore: loadBefore[0] ?? 0,
    loadAfter: loadAfter[0] ?? 0,
    idleSeconds,
    date: new Date().toISOString().slice(0, 10),
  });
  console.log(markdown);
  if (!values['no-results']) writeSection(RESULTS, markdown, 'soak');
} finally {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
}
