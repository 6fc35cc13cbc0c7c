// `npm run drill:import`: imports a summit file of 100,000 requests over the API (the demo's file as
// a new summit, created by an operator) into a running server (SQLite and PostgreSQL, one after the other) while a client asks /api/health every 20 ms.
// Prints how long health answers took during the import (the target: every one within 100 ms) and
// the server's resident memory before, at its peak and a while after (the target: back within 20 %
// of the start). Writes the import section of bench/RESULTS.md.
// Flags: --requests N (default 100000)  --backends sqlite,postgres  --settle-seconds N (default 30)
//        --no-results (print only)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { DEMO_FILE } from '../../src/app/demo/apec-2017.js';
import { createTestDatabase, startPostgres, type PostgresServer } from '../../test/support/postgres.js';
import { BENCH_OPERATOR } from '../api/protocol.js';
import { writeSection } from '../api/report.js';
import { startServer, type RunningServer } from '../api/spawn.js';
import { memoryOf } from '../soak/report.js';
import { importSection, type ImportRun } from './report.js';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
/** The new summit's id. */
const LOADED = 'load-test';
/** How long health is polled with no import, as a baseline. */
const BASELINE_SECONDS = 15;
/** Health must answer within this. */
const HEALTH_TARGET_MS = 100;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    'settle-seconds': { type: 'string', default: '30' },
    'no-results': { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1 || requests > 1_000_000)
  throw new Error(`--requests "${values.requests}": give a whole number from 1 to 1000000`);
const settleSeconds = Number(values['settle-seconds']);
if (!Number.isFinite(settleSeconds) || settleSeconds < 0)
  throw new Error(`--settle-seconds "${values['settle-seconds']}": give a number of seconds`);
const backends = values.backends.split(',').map((b) => b.trim());
for (const b of backends)
  if (b !== 'sqlite' && b !== 'postgres')
    throw new Error(`--backends: "${b}" is neither sqlite nor postgres`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The demo summit's file with `count` more requests: officials' bilaterals between every pair of
 * delegations in turn, each with its own id, as a host's bulk load of requests would be.
 */
function withRequests(file: Record<string, unknown>, count: number): string {
  const all = file.delegations as { id: string; principal: { id: string } }[];
  const added = [];
  for (let n = 0; n < count; n++) {
    const from = all[n % all.length]!;
    const next = all[(n + 1 + Math.floor(n / all.length)) % all.length]!;
    const to = next.id === from.id ? all[(n + 1) % all.length]! : next;
    added.push({
      id: `load-${n}`,
      from: from.id,
      to: [to.id],
      format: 'bilateral',
      level: 'officials',
      minutes: 30,
      priority: 1 + (n % 5),
      attendees: [from.principal.id, to.principal.id],
      status: 'requested',
    });
  }
  const summit = { ...(file.summit as Record<string, unknown>), id: LOADED, name: 'Load test' };
  return JSON.stringify({ ...file, summit, requests: [...(file.requests as unknown[]), ...added] });
}

/** Asks /api/health back to back (20 ms apart) until stopped; returns each answer's time in ms. */
function pollHealth(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const r = await fetch(`${url}/api/health`);
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`/api/health answered ${r.status} during the import`);
      times.push(performance.now() - started);
      await sleep(20);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

/** Imports the large file into one server and measures health and memory meanwhile. */
async function drill(name: string, server: RunningServer): Promise<ImportRun> {
  const token = server.ready.tokens[BENCH_OPERATOR];
  if (!token) throw new Error(`the server made no token for ${BENCH_OPERATOR}`);
  const auth = { authorization: `Bearer ${token}` };
  const text = withRequests(parse(await readFile(DEMO_FILE, 'utf8')) as Record<string, unknown>, requests);
  // the same polling with no import first: on a shared machine, what health takes anyway
  const idle = pollHealth(server.url);
  await sleep(BASELINE_SECONDS * 1000);
  const baseline = await idle.stop();
  const before = await memoryOf(server.url);
  let peak = before.rss;
  const sampler = setInterval(
    () =>
      void memoryOf(server.url).then(
        (m) => (peak = Math.max(peak, m.rss)),
        () => undefined,
      ),
    500,
  );
  const health = pollHealth(server.url);
  const started = performance.now();
  const answer = await fetch(`${server.url}/api/summits/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: text,
  });
  const body = await answer.text();
  const seconds = (performance.now() - started) / 1000;
  const times = await health.stop();
  clearInterval(sampler);
  if (answer.status !== 201) throw new Error(`the import answered ${answer.status}: ${body.slice(0, 2000)}`);
  const inserted = (JSON.parse(body) as { requests: { inserted: number } }).requests.inserted;
  await sleep(settleSeconds * 1000);
  const after = await memoryOf(server.url);
  return {
    name,
    bytes: Buffer.byteLength(text),
    inserted,
    seconds,
    health: times,
    baseline,
    rssBefore: before.rss,
    rssPeak: peak,
    rssAfter: after.rss,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'sideline-import-'));
let pg: PostgresServer | undefined;
const loadBefore = loadavg();
const runs: ImportRun[] = [];
try {
  const env = { BENCH_CONNECTIONS: '1', BENCH_TOKENS_FOR: BENCH_OPERATOR, SIDELINE_IMPORT_LIMIT: '256' };
  for (const backend of backends) {
    let server: RunningServer;
    if (backend === 'sqlite') {
      server = await startServer(
        'server.ts',
        { ...env, SIDELINE_DB: join(dir, 'import.db') },
        join(dir, 'sqlite.log'),
      );
    } else {
      pg ??= await startPostgres();
      const db = await createTestDatabase(pg.url);
      server = await startServer('server.ts', { ...env, DATABASE_URL: db.url }, join(dir, 'postgres.log'));
    }
    const log = join(dir, `${backend}.log`);
    try {
      const run = await drill(backend === 'sqlite' ? 'SQLite' : 'PostgreSQL', server);
      runs.push(run);
      const worst = Math.max(...run.health);
      console.log(
        `${run.name}: ${run.inserted} requests in ${run.seconds.toFixed(1)} s; /api/health worst ${worst.toFixed(0)} ms ` +
          `(${run.health.filter((t) => t > HEALTH_TARGET_MS).length} of ${run.health.length} over ${HEALTH_TARGET_MS} ms); ` +
          `idle baseline worst ${Math.max(...run.baseline).toFixed(0)} ms; RSS ${run.rssBefore.toFixed(0)} → peak ${run.rssPeak.toFixed(0)} → ${run.rssAfter.toFixed(0)} MiB`,
      );
    } catch (error) {
      // the server's own account of what went wrong, before its folder goes
      const lines = (await readFile(log, 'utf8').catch(() => '')).trimEnd().split('\n');
      console.error(`the ${backend} server's log ends:\n${lines.slice(-30).join('\n')}`);
      throw error;
    } finally {
      await server.stop();
    }
  }
  const markdown = importSection(runs, {
    requests,
    cores: cpus().length,
    loadBefore: loadBefore[0] ?? 0,
    loadAfter: loadavg()[0] ?? 0,
    settleSeconds,
    targetMs: HEALTH_TARGET_MS,
    date: new Date().toISOString().slice(0, 10),
  });
  console.log(markdown);
  if (!values['no-results']) writeSection(RESULTS, markdown, 'import');
} finally {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
}
