// If-Match and Idempotency-Key through real routes on a real store (SQLite and PostgreSQL).
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { BACKENDS, seedSummit } from '../../app/auth/testing/stores.js';
import { SummitId } from '../../../src/domain/ids.js';
import { NotFoundError, type User } from '../../../src/store/store.js';
import { authOf } from '../../../src/http/auth/authenticate.js';
import { authz } from '../../../src/http/authz.js';
import { addUser, signIn, startTestServer, type Browser, type TestServer } from '../testing.js';
import { etagOf, IfMatchHeaders, requireIfMatch, withETag } from '../../../src/http/concurrency/etag.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';

/** Test-only routes: a versioned record behind GET/PATCH, and POSTs that count how often they ran. */
function probes(counter: { runs: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const store = app.deps.app.store;
    const params = z.object({ id: SummitId });
    app.get(
      '/probe/summits/:id',
      { schema: { params, 'x-authz': authz.signedIn('test only') } },
      async (request, reply) => {
        const summit = await store.read((tx) => tx.summits.get(request.params.id));
        if (!summit) throw new NotFoundError('summit', request.params.id);
        return withETag(reply, summit);
      },
    );
    app.patch(
      '/probe/summits/:id',
      {
        schema: {
          params,
          headers: IfMatchHeaders,
          body: z.object({ name: z.string().min(1) }),
          'x-authz': authz.signedIn('test only'),
        },
      },
      async (request, reply) => {
        const version = requireIfMatch(request);
        const updated = await store.write(async (tx) => {
          const current = await tx.summits.get(request.params.id);
          if (!current) throw new NotFoundError('summit', request.params.id);
          return tx.summits.update({ ...current, name: request.body.name, version });
        });
        return withETag(reply, updated);
      },
    );
    const note = z.object({ text: z.string() });
    for (const [url, idempotency] of [
      ['/probe/notes', 'optional'],
      ['/probe/strict-notes', 'required'],
    ] as const) {
      app.post(
        url,
        { schema: { body: note, 'x-authz': authz.signedIn('test only') }, config: { idempotency } },
        async (request, reply) => {
          if (request.body.text === 'fail') throw new NotFoundError('thing', 'fail');
          counter.runs += 1;
          return reply
            .code(201)
            .send({ run: counter.runs, text: request.body.text, by: authOf(request).user.id });
        },
      );
    }
  };
}

describe.each(BACKENDS)('concurrency helpers on %s', (backend) => {
  let s: TestServer;
  let app: FastifyInstance;
  let b: Browser;
  let user: User;
  const counter = { runs: 0 };
  beforeAll(async () => {
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
    });
    app = s.app;
    await app.register(probes(counter), { prefix: '/api' });
    await seedSummit(s.store, 'apec-2017');
    user = await addUser(s.store);
    b = await signIn(app, user.email);
  });
  afterAll(async () => s?.dispose());

  describe('If-Match', () => {
    const url = '/api/probe/summits/apec-2017';
    it('sends the version as a strong ETag', async () => {
      const r = await b.send({ method: 'GET', url });
      expect(r.headers.etag).toBe(etagOf(r.json().version));
      expect(r.headers.etag).toMatch(/^"\d+"$/);
    });

    it('428 precondition-required without If-Match (or with *), changing nothing', async () => {
      for (const headers of [{}, { 'if-match': '*' }]) {
        const r = await b.send({ method: 'PATCH', url, payload: { name: 'Changed' }, headers });
        expect(r.statusCode).toBe(428);
        expect(r.json().code).toBe('precondition-required');
      }
      expect((await b.send({ method: 'GET', url })).json().name).toBe('Summit apec-2017');
    });

    it('updates with the current ETag and answers the new one; 412 stale-version on the old one', async () => {
      const read = await b.send({ method: 'GET', url });
      const etag = read.headers.etag as string;
      const first = await b.send({
        method: 'PATCH',
        url,
        payload: { name: 'First' },
        headers: { 'if-match': etag },
      });
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe(etagOf(read.json().version + 1));
      const second = await b.send({
        method: 'PATCH',
        url,
        payload: { name: 'Second' },
        headers: { 'if-match': etag },
      });
      expect(second.statusCode).toBe(412);
      expect(second.json().code).toBe('stale-version');
      expect((await b.send({ method: 'GET', url })).json().name).toBe('First');
      const garbage = await b.send({
        method: 'PATCH',
        url,
        payload: { name: 'X' },
        headers: { 'if-match': 'banana' },
      });
      expect(garbage.statusCode).toBe(412);
      // a proxy may weaken the ETag when compressing: W/"n" is read as "n"
      const weak = await b.send({
        method: 'PATCH',
        url,
        payload: { name: 'Weak' },
        headers: { 'if-match': `W/${first.headers.etag as string}` },
      });
      expect(weak.statusCode).toBe(200);
    });
  });

  describe('Idempotency-Key', () => {
    const post = (key: string | undefined, text: string, who = b, url = '/api/probe/notes') =>
      who.send({ method: 'POST', url, payload: { text }, headers: key ? { 'idempotency-key': key } : {} });

    it('runs the first request and replays its answer for a retry with the same key and body', async () => {
      const before = counter.runs;
      const first = await post('key-1', 'hello');
      expect(first.statusCode).toBe(201);
      expect(first.headers[REPLAYED_HEADER]).toBeUndefined();
      const retry = await post('key-1', 'hello');
      expect(retry.statusCode).toBe(201);
      expect(retry.headers[REPLAYED_HEADER]).toBe('true');
      expect(retry.body).toBe(first.body);
      expect(counter.runs).toBe(before + 1);
    });

    it('422 for the same key with another body; other users and other keys are independent', async () => {
      await post('key-2', 'one');
      const reused = await post('key-2', 'two');
      expect(reused.statusCode).toBe(422);
      expect(reused.json().code).toBe('idempotency-key-reused');
      const other = await signIn(app, (await addUser(s.store)).email);
      const theirs = await post('key-2', 'two', other);
      expect(theirs.statusCode).toBe(201);
      expect(theirs.headers[REPLAYED_HEADER]).toBeUndefined();
      const before = counter.runs;
      await post(undefined, 'same');
      await post(undefined, 'same');
      expect(counter.runs).toBe(before + 2);
    });

    it('does not remember failures, so a retry after one runs again', async () => {
      expect((await post('key-3', 'fail')).statusCode).toBe(404);
      const again = await post('key-3', 'fail');
      expect(again.statusCode).toBe(404);
      expect(again.headers[REPLAYED_HEADER]).toBeUndefined();
      expect(await s.store.read((tx) => tx.idempotency.get(user.id, 'key-3'))).toBeUndefined();
    });

    it('a route may require a key; malformed keys are refused', async () => {
      const missing = await post(undefined, 'x', b, '/api/probe/strict-notes');
      expect(missing.statusCode).toBe(400);
      expect(missing.json().code).toBe('idempotency-key-required');
      expect((await post('k'.repeat(256), 'x')).json().code).toBe('invalid-idempotency-key');
      expect((await post('key-4', 'x', b, '/api/probe/strict-notes')).statusCode).toBe(201);
    });
  });
});
