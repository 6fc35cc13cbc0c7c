// The server under load, in a process of its own: what `sideline serve` runs (the same buildServer on the
// same store, logging every request), seeded by seed.ts, with the global rate limit raised so the load is
// not turned away. Started by run.ts through spawn.ts; tells its port and tokens over IPC.
import { buildServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { ServerReady } from './protocol.js';
import { BENCH_RATE_LIMITS } from './protocol.js';
import { seedBench } from './seed.js';

const connections = Number(process.env.BENCH_CONNECTIONS ?? '50');
const store = await openStore(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { sqlitePath: process.env.SIDELINE_DB ?? 'bench-api.db' },
);
// BENCH_TOKENS_FOR: the demo accounts to make tokens for, comma-separated (default BENCH_USERS)
const tokens = await seedBench(store, connections, process.env.BENCH_TOKENS_FOR?.split(','));
const server = await buildServer({ store, logger: true, rateLimits: BENCH_RATE_LIMITS });
await server.listen({ port: 0, host: '127.0.0.1' });
const address = server.server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
const ready: ServerReady = { port: address.port, tokens, requests: connections };
process.send?.(ready);

const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once('disconnect', () => void stop());
process.once('SIGTERM', () => void stop());
