// PostgreSQL restarted under write load, with the server in this process: the process survives,
// requests during the outage get 503 with Retry-After (never a 500, never a hang), readiness reports
// the database while liveness stays up, writes resume on their own, and every acknowledged write is
// stored exactly once (clients retry with the same Idempotency-Key, as they should).
// SIDELINE_DRILL_ROUNDS (default 1) restarts it that many times; `npm run drill:outage` runs more,
// alternating fast restarts with crash-like immediate stops.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { DEMO_THREAD, seedDemo } from '../support/demo-server.js';
import { createTestDatabase, startPostgres, type PostgresServer } from '../support/postgres.js';

const ROUNDS = Number(process.env.SIDELINE_DRILL_ROUNDS ?? '1');
const WRITERS = Number(process.env.SIDELINE_DRILL_WRITERS ?? '8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL restarts under write load', { timeout: 120_000 + ROUNDS * 60_000 }, () => {
  let pg: PostgresServer;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let token: string;

  beforeAll(async () => {
    pg = await startPostgres();
    const db = await createTestDatabase(pg.url);
    store = await openStore({ databaseUrl: db.url });
    token = await seedDemo(store);
    app = await buildServer({ store, rateLimits: false, idempotencyLeaseMs: 2000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    base = `http://127.0.0.1:${address.port}`;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await pg?.stop();
  });

  it('survives, answers 503 + Retry-After meanwhile, resumes by itself, and loses no acknowledged write', async () => {
    const statuses = new Map<number, number>();
    const acknowledged: string[] = [];
    const unacknowledged: string[] = [];
    const readiness = new Set<string>();
    let retryAfterMissing = 0;
    let writing = true;

    /** Posts one message, retrying with the same key until it is acknowledged or time runs out. */
    const post = async (text: string): Promise<void> => {
      const key = randomUUID();
      const giveUpAt = Date.now() + 60_000;
      while (Date.now() < giveUpAt) {
        try {
          const r = await fetch(`${base}${DEMO_THREAD}`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body: JSON.stringify({ text }),
            signal: AbortSignal.timeout(15_000),
          });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          await r.arrayBuffer();
          if (r.status === 201) {
            acknowledged.push(text);
            return;
          }
          if (r.status === 503 && !r.headers.get('retry-after')) retryAfterMissing++;
          if (r.status !== 503 && r.status !== 409) throw new Error(`unexpected ${r.status} for ${text}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
          // the connection failed or timed out: the outcome is unknown, so retry with the same key
        }
        await sleep(100);
      }
      unacknowledged.push(text);
    };

    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; writing; i++) await post(`outage w${w} #${i}`);
    });
    const watcher = (async () => {
      while (writing) {
        const ready = await fetch(`${base}/api/ready`).catch(() => undefined);
        if (ready) readiness.add(`${ready.status} ${((await ready.json()) as { status: string }).status}`);
        const health = await fetch(`${base}/api/health`);
        expect(health.status).toBe(200); // liveness never depends on the database
        await sleep(100);
      }
    })();

    for (let round = 0; round < ROUNDS; round++) {
      await sleep(1500);
      const before = acknowledged.length;
      await pg.restart(round % 2 === 0 ? 'fast' : 'immediate', 1500);
      // writes resume on their own once it is back
      const deadline = Date.now() + 30_000;
      while (acknowledged.length <= before + WRITERS && Date.now() < deadline) await sleep(100);
      expect(acknowledged.length, `writes did not resume after restart ${round + 1}`).toBeGreaterThan(
        before + WRITERS,
      );
    }
    writing = false;
    await Promise.all([...writers, watcher]);

    expect(statuses.get(500) ?? 0, JSON.stringify([...statuses])).toBe(0);
    expect(statuses.get(503) ?? 0, 'no request met the outage').toBeGreaterThan(0);
    expect(retryAfterMissing).toBe(0);
    expect(readiness).toContain('503 unavailable');
    expect(readiness).toContain('200 ready');
    expect(unacknowledged).toEqual([]);

    // every acknowledged message is stored, and none twice
    const response = await fetch(`${base}${DEMO_THREAD}?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const stored: string[] = [];
    let page = (await response.json()) as { items: { text: string }[]; next: string | null };
    stored.push(...page.items.map((m) => m.text));
    while (page.next) {
      const next = await fetch(`${base}${DEMO_THREAD}?limit=200&cursor=${encodeURIComponent(page.next)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      page = (await next.json()) as typeof page;
      stored.push(...page.items.map((m) => m.text));
    }
    const counts = new Map<string, number>();
    for (const text of stored) counts.set(text, (counts.get(text) ?? 0) + 1);
    const missing = acknowledged.filter((text) => !counts.has(text));
    const doubled = [...counts].filter(([text, n]) => text.startsWith('outage ') && n > 1);
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
    console.log(
      `outage drill: ${ROUNDS} restart(s), ${acknowledged.length} acknowledged writes, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  });
});
