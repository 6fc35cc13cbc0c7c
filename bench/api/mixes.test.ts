// The benchmark's mixes against a real server on a real store: every request of both mixes answers 2xx,
// so a changed route shows here rather than as a benchmark full of errors.
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { meetingsPathIn, readMix, readPaths, writeMix } from './mixes.js';
import { BENCH_RATE_LIMITS, BENCH_USERS } from './protocol.js';
import { seedBench } from './seed.js';

const CONNECTIONS = 2;

describe('the API benchmark mixes', () => {
  let dir: string;
  let store: Store;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let url: string;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-bench-mixes-'));
    store = await openStore({ sqlitePath: join(dir, 'bench.db') });
    token = (await seedBench(store, CONNECTIONS))[BENCH_USERS[0]] ?? '';
    server = await buildServer({ store, rateLimits: BENCH_RATE_LIMITS });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads: every path of the read mix answers 200 with the token', async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const meetings = meetingsPathIn(doc.paths);
    for (const path of readPaths(meetings)) {
      const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status, path).toBe(200);
    }
    const result = await autocannon({
      ...readMix(url, token, meetings),
      connections: CONNECTIONS,
      amount: 20,
    });
    expect(result.non2xx + result.errors).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(20);
  });

  it('writes: thread, position, condition and its withdrawal repeat without a conflict', async () => {
    const result = await autocannon({
      ...writeMix(url, token, CONNECTIONS),
      connections: CONNECTIONS,
      amount: 40,
    });
    expect(result.non2xx + result.errors).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(40);
    const messages = await store.read((tx) => tx.thread.listFor('apec-2017' as never, 'bench-usa-rus-0'));
    expect(messages.length).toBeGreaterThan(0);
  });
});
