// Idempotency keys expire: an old key runs its request again, and expired answers are deleted by
// the server, a bounded batch at a time, without holding up the request that stored a new one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { z } from 'zod';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { authz } from '../../../src/http/authz.js';
import { addUser, signIn, startTestServer } from '../testing.js';
import {
  IDEMPOTENCY_RETENTION_MS,
  IDEMPOTENCY_SWEEP_EVERY_MS,
  IDEMPOTENCY_SWEEP_LIMIT,
  REPLAYED_HEADER,
} from '../../../src/http/concurrency/idempotency.js';

const MINUTE = 60_000;

/** A test-only POST that counts how often it ran. */
function counting(counter: { runs: number }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/probe/expiring-notes',
      { schema: { body: z.object({ text: z.string() }), 'x-authz': authz.signedIn('test only') } },
      async (request, reply) => {
        counter.runs += 1;
        return reply.code(201).send({ run: counter.runs, text: request.body.text });
      },
    );
  };
}

/** A server whose clock may move by days without signing the browser out. */
async function serve(backend: (typeof BACKENDS)[number], counter: { runs: number }) {
  const s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
    rateLimits: false,
    auth: { sessions: { idleMs: 30 * 24 * 3_600_000, absoluteMs: 30 * 24 * 3_600_000 } },
  });
  await s.app.register(counting(counter), { prefix: '/api' });
  const user = await addUser(s.store);
  const b = await signIn(s.app, user.email);
  const post = (key: string, text: string) =>
    b.send({
      method: 'POST',
      url: '/api/probe/expiring-notes',
      payload: { text },
      headers: { 'idempotency-key': key },
    });
  const storedAt = (key: string) =>
    s.store.read(async (tx) => (await tx.idempotency.get(user.id, key))?.createdAt);
  return { s, user, post, storedAt };
}

describe.each(BACKENDS)('Idempotency-Key expiry on %s', (backend) => {
  let t: Awaited<ReturnType<typeof serve>>;
  const counter = { runs: 0 };
  beforeAll(async () => {
    t = await serve(backend, counter);
  });
  afterAll(async () => t?.s.dispose());

  it('replays an answer for 24 hours, then runs the request again and replays the new answer', async () => {
    const { s, post, storedAt } = t;
    const first = await post('expiring-1', 'hello');
    expect(first.statusCode).toBe(201);
    s.clock.advance(IDEMPOTENCY_RETENTION_MS);
    const lastDay = await post('expiring-1', 'hello');
    expect(lastDay.headers[REPLAYED_HEADER]).toBe('true');
    expect(lastDay.body).toBe(first.body);

    s.clock.advance(1);
    const again = await post('expiring-1', 'hello');
    expect(again.statusCode).toBe(201);
    expect(again.headers[REPLAYED_HEADER]).toBeUndefined();
    expect(again.json().run).toBe(first.json().run + 1);
    expect(await storedAt('expiring-1')).toBe(s.clock.now().toISOString());
    const retry = await post('expiring-1', 'hello');
    expect(retry.headers[REPLAYED_HEADER]).toBe('true');
    expect(retry.body).toBe(again.body);
  });

  it('an expired key may carry another request: no 422, it simply runs', async () => {
    const { s, post } = t;
    await post('expiring-2', 'one');
    expect((await post('expiring-2', 'two')).statusCode).toBe(422);
    s.clock.advance(IDEMPOTENCY_RETENTION_MS + MINUTE);
    const other = await post('expiring-2', 'two');
    expect(other.statusCode).toBe(201);
    expect(other.json().text).toBe('two');
    expect((await post('expiring-2', 'two')).headers[REPLAYED_HEADER]).toBe('true');
  });
});

describe.each(BACKENDS)('deleting expired idempotency keys on %s', (backend) => {
  // a server of its own, whose first stored answer is the first to sweep
  let t: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    t = await serve(backend, { runs: 0 });
  });
  afterAll(async () => t?.s.dispose());
  const soon = { timeout: 5000, interval: 20 };

  it('deletes them after storing a new answer: a bounded batch, oldest first, fresh ones kept', async () => {
    const { s, user, post, storedAt } = t;
    const answer = (key: string, createdAt: string) => ({
      key,
      user: user.id,
      fingerprint: 'fp',
      status: 201,
      body: '{}',
      createdAt,
    });
    const now = s.clock.now().getTime();
    const old = Array.from({ length: IDEMPOTENCY_SWEEP_LIMIT + 20 }, (_, i) => `old-${i}`);
    const recent = new Date(now - IDEMPOTENCY_RETENTION_MS + MINUTE).toISOString();
    await s.store.write(async (tx) => {
      // two days old, one second apart: old-0 is the oldest
      for (const [i, key] of old.entries()) {
        await tx.idempotency.put(
          answer(key, new Date(now - 2 * IDEMPOTENCY_RETENTION_MS + i * 1000).toISOString()),
        );
      }
      await tx.idempotency.put(answer('recent', recent));
    });

    // the answer is sent without waiting for the sweep, which deletes one batch, oldest first
    expect((await post('trigger-1', 'x')).statusCode).toBe(201);
    await vi.waitFor(
      async () => expect(await storedAt(`old-${IDEMPOTENCY_SWEEP_LIMIT - 1}`)).toBeUndefined(),
      soon,
    );
    expect(await storedAt('old-0')).toBeUndefined();
    expect(await storedAt(`old-${IDEMPOTENCY_SWEEP_LIMIT}`)).toBeDefined();
    expect(await storedAt(old.at(-1)!)).toBeDefined();

    // a full batch means more may be waiting: the next stored answer sweeps again at once
    await post('trigger-2', 'x');
    await vi.waitFor(async () => expect(await storedAt(old.at(-1)!)).toBeUndefined(), soon);
    expect(await storedAt('recent')).toBe(recent);
    expect(await storedAt('trigger-1')).toBeDefined();

    // then not again until IDEMPOTENCY_SWEEP_EVERY_MS has passed
    const late = new Date(now - 2 * IDEMPOTENCY_RETENTION_MS).toISOString();
    await s.store.write((tx) => tx.idempotency.put(answer('late', late)));
    s.clock.advance(IDEMPOTENCY_SWEEP_EVERY_MS - MINUTE);
    await post('trigger-3', 'x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await storedAt('late')).toBe(late);
    s.clock.advance(MINUTE);
    await post('trigger-4', 'x');
    await vi.waitFor(async () => expect(await storedAt('late')).toBeUndefined(), soon);
  });
});
