// `npm run bench:api`: load on the HTTP API with autocannon, a read mix and a write mix at 50 connections
// on SQLite and PostgreSQL, beside a bare Fastify hello-world as the ceiling; prints req/s, p50/p99 and the
// ratio to the ceiling, judges the SQLite targets, and writes the API section of bench/RESULTS.md.
// Flags: --seconds N (measured, default 10)  --warmup N (default 3)  --connections N (default 50)
//        --backends sqlite,postgres
import autocannon, { type Options, type Result } from 'autocannon';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, startPostgres } from '../../test/support/postgres.js';
import { ceilingMix, meetingsPathIn, readMix, readPaths, writeMix } from './mixes.js';
import { BENCH_USERS } from './protocol.js';
import {
  measured,
  medianCeiling,
  section,
  table,
  verdicts,
  writeSection,
  type Measured,
  type ServiceTime,
} from './report.js';
import { startServer, type RunningServer } from './spawn.js';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
/** Requests per read path for the one-connection service times. */
const SERVICE_SAMPLES = 200;
const TOKEN_USER = BENCH_USERS[0];

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    backends: { type: 'string', default: 'sqlite,postgres' },
  },
});

function positive(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} "${raw}": give a whole number from 1 to ${max}`);
  return n;
}
const seconds = positive('seconds', values.seconds, 60);
const warmup = positive('warmup', values.warmup, 30);
const connections = positive('connections', values.connections, 500);
const backends = values.backends.split(',').map((b) => b.trim());
for (const b of backends) {
  if (b !== 'sqlite' && b !== 'postgres')
    throw new Error(`--backends: "${b}" is neither sqlite nor postgres`);
}

/** Runs autocannon for the warm-up (discarded), then for the measured time. */
async function load(options: Options): Promise<Result> {
  await autocannon({ ...options, connections, duration: warmup });
  return autocannon({ ...options, connections, duration: seconds });
}

/** The calendar path the read mix uses on this server (the meetings list, where it has one). */
async function meetingsPath(server: RunningServer): Promise<string> {
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  return meetingsPathIn(doc.paths);
}

/** Starts the Sideline server on one store, runs both mixes, and stops it. */
async function measureBackend(
  name: string,
  env: Record<string, string>,
  dir: string,
  ceilingBefore: () => Promise<number>,
): Promise<{ read: Measured; write: Measured; readPaths: string[]; service: ServiceTime[] }> {
  const server = await startServer(
    'server.ts',
    { ...env, BENCH_CONNECTIONS: String(connections) },
    join(dir, `${name}.log`),
  );
  try {
    const token = server.ready.tokens[TOKEN_USER];
    if (!token) throw new Error(`the server made no token for ${TOKEN_USER}`);
    const meetings = await meetingsPath(server);
    // each read alone, one connection, no queue: what one request costs the server
    const service: ServiceTime[] = [];
    for (const path of readPaths(meetings)) {
      const r = await autocannon({
        url: `${server.url}${path}`,
        headers: { authorization: `Bearer ${token}` },
        connections: 1,
        amount: SERVICE_SAMPLES,
      });
      service.push({ backend: name, path, p50: r.latency.p50, mean: Number(r.latency.mean.toFixed(1)) });
    }
    let ceilingRps = await ceilingBefore();
    const read = {
      ...measured(`${name} read mix`, await load(readMix(server.url, token, meetings))),
      ceilingRps,
    };
    ceilingRps = await ceilingBefore();
    const write = {
      ...measured(`${name} write mix`, await load(writeMix(server.url, token, server.ready.requests))),
      ceilingRps,
    };
    return { read, write, readPaths: readPaths(meetings), service };
  } finally {
    await server.stop();
  }
}

const started = new Date().toISOString();
const loadAtStart = Number(loadavg()[0]?.toFixed(2));
const dir = await mkdtemp(join(tmpdir(), 'sideline-bench-api-'));
const rows: Measured[] = [];
const service: ServiceTime[] = [];
const sqliteRuns: { read?: Measured; write?: Measured } = {};
let paths: string[] = [];
const ceilings: Measured[] = [];
let ceiling: Measured;
// The hello-world runs throughout, and is measured again just before each mix.
const hello = await startServer('hello.ts', {}, join(dir, 'hello.log'));
const ceilingBefore = async (): Promise<number> => {
  const run = measured('ceiling (Fastify hello-world)', await load(ceilingMix(hello.url)));
  ceilings.push(run);
  console.log(`ceiling: ${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`);
  return run.rps;
};
try {
  for (const backend of backends) {
    if (backend === 'sqlite') {
      const r = await measureBackend('SQLite', { SIDELINE_DB: join(dir, 'bench.db') }, dir, ceilingBefore);
      rows.push(r.read, r.write);
      service.push(...r.service);
      sqliteRuns.read = r.read;
      sqliteRuns.write = r.write;
      paths = r.readPaths;
    } else {
      const pg = await startPostgres();
      try {
        const db = await createTestDatabase(pg.url);
        const r = await measureBackend('PostgreSQL', { DATABASE_URL: db.url }, dir, ceilingBefore);
        rows.push(r.read, r.write);
        service.push(...r.service);
        paths = r.readPaths;
      } finally {
        await pg.stop();
      }
    }
    console.log(table(rows, medianCeiling(ceilings)));
  }
  ceiling = medianCeiling(ceilings);
} finally {
  await hello.stop();
  await rm(dir, { recursive: true, force: true });
}

const v = sqliteRuns.read && sqliteRuns.write ? verdicts(ceiling, sqliteRuns.read, sqliteRuns.write) : [];
console.log(`\n${table(rows, ceiling)}\n`);
for (const t of service)
  console.log(`${t.backend} ${t.path}: one at a time, p50 ${t.p50} ms, mean ${t.mean} ms`);
for (const x of v) console.log(`${x.met ? 'met  ' : 'MISSED'} ${x.target}: ${x.actual}`);

const cpu = cpus();
writeSection(
  RESULTS,
  section(
    {
      date: started,
      machine: `${cpu[0]?.model.trim() ?? 'CPU'}, ${cpu.length} cores, Node.js ${process.version}`,
      loadAtStart,
      loadAtEnd: Number(loadavg()[0]?.toFixed(2)),
      connections,
      seconds,
      warmupSeconds: warmup,
      readPaths: paths,
      notes: paths.some((p) => p.endsWith('meetings.csv'))
        ? [
            'The API had no `GET /meetings` list yet: the read mix reads the meetings sheet (`meetings.csv`) instead.',
          ]
        : [],
    },
    rows,
    ceiling,
    v,
    service,
  ),
);
console.log(`wrote the API section of ${RESULTS}`);
if (v.some((x) => !x.met)) process.exitCode = 1;
