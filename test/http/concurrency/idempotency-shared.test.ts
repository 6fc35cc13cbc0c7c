// Idempotency-Key across servers, on SQLite and PostgreSQL: two servers (two Fastify instances on
// one database) given the same key run the request once; a claim whose holder went quiet past its
// lease is taken over, and the holder's writes are then refused, not stored beside the new ones;
// replays carry the first answer's status, ETag and Location.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import type { UserId } from '../../../src/domain/ids.js';
import { authz } from '../../../src/http/authz.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { buildServer } from '../../../src/http/server.js';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { addUser, signIn, startTestServer, type TestServer } from '../testing.js';

const LEASE_MS = 5000;

/** A POST that waits at a gate the test opens (once per text), then stores a user named after the text. */
function gatedNotes(state: { entered: string[]; gates: Map<string, Promise<void>> }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/probe/gated-notes',
      {
        schema: { body: z.object({ text: z.string() }), 'x-authz': authz.signedIn('test only') },
      },
      async (request, reply) => {
        const { text } = request.body;
        state.entered.push(text);
        const gate = state.gates.get(text);
        if (gate) {
          state.gates.delete(text);
          await gate;
        }
        const id = randomUUID();
        await app.deps.app.store.write((tx) =>
          tx.users.insert({
            id: id as UserId,
            email: `${id}@probe.test`,
            name: text,
            disabled: false,
            version: 1,
          }),
        );
        return reply
          .code(201)
          .header('etag', '"7"')
          .header('location', `/api/probe/notes/${id}`)
          .send({ id, text });
      },
    );
  };
}

describe.each(BACKENDS)('Idempotency-Key shared by two servers on %s', (backend) => {
  let s: TestServer;
  let other: FastifyInstance;
  const state = { entered: [] as string[], gates: new Map<string, Promise<void>>() };
  let post: (server: FastifyInstance, key: string, text: string) => Promise<LightMyRequestResponse>;

  beforeAll(async () => {
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
      idempotencyLeaseMs: LEASE_MS,
    });
    await s.app.register(gatedNotes(state), { prefix: '/api' });
    other = await buildServer({
      store: s.store,
      now: s.clock.now,
      rateLimits: false,
      idempotencyLeaseMs: LEASE_MS,
    });
    await other.register(gatedNotes(state), { prefix: '/api' });
    const b = await signIn(s.app, (await addUser(s.store)).email);
    post = (server, key, text) =>
      server.inject({
        method: 'POST',
        url: '/api/probe/gated-notes',
        payload: { text },
        cookies: { sideline_session: b.cookie },
        headers: { 'idempotency-key': key, 'x-csrf-token': b.csrf },
      });
  });
  afterAll(async () => {
    await other?.close();
    await s?.dispose();
  });

  const stored = async (text: string) =>
    (await s.store.read((tx) => tx.users.list())).filter((u) => u.name === text).length;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };

  it('runs once: the other server answers 409 in use while it runs, then replays its answer', async () => {
    let open!: () => void;
    state.gates.set('once', new Promise<void>((resolve) => (open = resolve)));
    const first = post(s.app, 'shared-1', 'once');
    await until(() => state.entered.includes('once'));
    const meanwhile = await post(other, 'shared-1', 'once');
    expect(meanwhile.statusCode).toBe(409);
    expect(meanwhile.json().code).toBe('idempotency-key-in-use');
    expect(Number(meanwhile.headers['retry-after'])).toBeGreaterThan(0);
    open();
    const answered = await first;
    expect(answered.statusCode).toBe(201);
    const replayed = await post(other, 'shared-1', 'once');
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers[REPLAYED_HEADER]).toBe('true');
    expect(replayed.headers.etag).toBe('"7"');
    expect(replayed.headers.location).toBe(answered.headers.location);
    expect(replayed.headers['content-type']).toBe(answered.headers['content-type']);
    expect(replayed.body).toBe(answered.body);
    expect(state.entered.filter((t) => t === 'once')).toHaveLength(1);
    expect(await stored('once')).toBe(1);
  });

  it('a claim past its lease is taken over; the quiet holder’s write is refused, not stored twice', async () => {
    let open!: () => void;
    state.gates.set('lease', new Promise<void>((resolve) => (open = resolve)));
    const holder = post(s.app, 'shared-2', 'lease');
    await until(() => state.entered.includes('lease'));
    s.clock.advance(LEASE_MS + 1); // the holder looks dead
    const heir = await post(other, 'shared-2', 'lease');
    expect(heir.statusCode).toBe(201);
    expect(heir.headers[REPLAYED_HEADER]).toBeUndefined();
    open(); // the holder wakes up and tries to write
    const late = await holder;
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('idempotency-key-in-use');
    expect(await stored('lease')).toBe(1);
    const replayed = await post(s.app, 'shared-2', 'lease');
    expect(replayed.headers[REPLAYED_HEADER]).toBe('true');
    expect(replayed.body).toBe(heir.body);
  });
});
