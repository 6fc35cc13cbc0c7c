// Server-wide behaviour in-process: headers, limits, errors, request ids, logs, OpenAPI.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../src/app/errors.js';
import { authz } from '../../src/http/authz.js';
import { DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT } from '../../src/http/limits.js';
import { addUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from './testing.js';

/** Routes that exist only in this test, to reach the error mapper and the body limits. */
const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/probe/echo',
    {
      schema: {
        body: z.object({ name: z.string().min(2), size: z.number().int(), tags: z.array(z.string()).max(1) }),
        'x-authz': authz.public('test only'),
      },
    },
    async (request) => request.body,
  );
  app.post(
    '/probe/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { body: z.object({ text: z.string() }), 'x-authz': authz.public('test only') },
    },
    async (request) => ({ length: request.body.text.length }),
  );
  app.get('/probe/boom', { schema: { 'x-authz': authz.public('test only') } }, async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/probe/invalid', { schema: { 'x-authz': authz.public('test only') } }, async () => {
    throw new ValidationError([
      { path: 'requests[3].attendees[1]', message: 'no person "x"' },
      { path: 'requests[4].minutes', message: 'not a multiple of 15' },
    ]);
  });
};

describe('server', () => {
  let s: TestServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    s = await startTestServer('sqlite', undefined, { rateLimits: false });
    app = s.app;
    await app.register(probeRoutes, { prefix: '/api' });
  });
  afterAll(async () => s?.dispose());

  it('sends security headers with a same-origin CSP on every answer', async () => {
    for (const url of ['/api/health', '/api/nowhere']) {
      const r = await app.inject({ method: 'GET', url });
      const csp = r.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['strict-transport-security']).toContain('max-age=');
    }
  });

  it('answers errors as RFC 9457 problem+json with a stable code', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nowhere?x=1' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json()).toEqual({
      type: 'urn:sideline:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: 'no route GET /api/nowhere',
      code: 'not-found',
      instance: '/api/nowhere',
      requestId: r.headers['x-request-id'],
    });
  });

  it('lists every failing path of a schema validation, and of an application ValidationError', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: 'x', tags: ['a', 'b'] },
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('validation-failed');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.name',
      'body.size',
      'body.tags',
    ]);
    const app400 = await app.inject({ method: 'GET', url: '/api/probe/invalid' });
    expect(app400.json()).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [
        { path: 'requests[3].attendees[1]', message: 'no person "x"' },
        { path: 'requests[4].minutes', message: 'not a multiple of 15' },
      ],
    });
  });

  it('refuses malformed JSON and foreign media types as problems', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed-json');
    const form = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=xy',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('unsupported-media-type');
  });

  it('refuses bodies over 1 MiB with 413, and allows 20 MiB on an import route', async () => {
    const text = 'x'.repeat(DEFAULT_BODY_LIMIT + 10);
    const big = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: text, size: 1, tags: [] },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload-too-large');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: text, password: 'x' },
    });
    expect(login.statusCode).toBe(413);
    const imported = await app.inject({ method: 'POST', url: '/api/probe/import', payload: { text } });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ length: text.length });
    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/probe/import',
      payload: { text: 'x'.repeat(IMPORT_BODY_LIMIT) },
    });
    expect(tooBig.statusCode).toBe(413);
  });

  it('hides internal errors behind a generic 500 and logs them with the request id', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/probe/boom',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toMatchObject({ code: 'internal-error', requestId: 'trace-42' });
    expect(r.body).not.toContain('hunter2');
    const logged = s.logs.map((l) => JSON.parse(l)).find((l) => l.reqId === 'trace-42' && l.level === 50);
    expect(logged?.err?.message).toBe('database password is hunter2');
  });

  it('writes one access line per request, with its id, method, URL, status and time', async () => {
    await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'access-7' } });
    const lines = s.logs.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'access-7');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/health' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
  });

  it('echoes an acceptable x-request-id and replaces a suspicious one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123.x' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123.x');
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a\nfake log line' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await app.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps passwords, cookies, tokens and CSRF tokens out of the logs', async () => {
    const user = await addUser(s.store);
    const b = await signIn(app, user.email);
    const made = await b.send({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'logs' } });
    const token = made.json().token as string;
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    app.log.info(
      {
        req: { headers: { cookie: `sideline_session=${b.cookie}`, authorization: `Bearer ${token}` } },
        password: TEST_PASSWORD,
      },
      'redaction probe',
    );
    const all = s.logs.join('\n');
    expect(all).toContain('redaction probe');
    expect(all).toContain('[redacted]');
    for (const secret of [TEST_PASSWORD, b.cookie, b.csrf, token]) expect(all).not.toContain(secret);
  });

  it('serves an OpenAPI 3.1 document listing every route with its x-authz, and the docs page', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/tokens', 'post'],
      ['/api/auth/tokens', 'get'],
      ['/api/auth/tokens/{id}', 'delete'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op['x-authz'].access).toMatch(/^(public|signed-in)$/);
      expect(op.responses['4XX'].content['application/problem+json'].schema.$ref).toBe(
        '#/components/schemas/Problem',
      );
    }
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(
      ['email', 'password'],
    );
    expect(doc.components.schemas.Problem.properties.code.type).toBe('string');
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs'))).toBe(false);

    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('refuses to register an /api route without an x-authz declaration', async () => {
    const other = await startTestServer('sqlite', undefined, { rateLimits: false });
    try {
      const registering = (async () => {
        await other.app.register(async (a) => {
          a.get('/api/unguarded', async () => ({ ok: true }));
        });
        await other.app.ready();
      })();
      await expect(registering).rejects.toThrow(/GET \/api\/unguarded has no schema\['x-authz'\]/);
    } finally {
      await other.dispose().catch(() => undefined);
    }
  });
});

describe('rate limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', undefined, {
      rateLimits: { timeWindowMs: 60_000, max: 8, loginMax: 3 },
    });
  });
  afterAll(async () => s?.dispose());

  it('limits sign-in attempts per address more tightly than other routes', async () => {
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@example.org', password: 'y' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // other routes still answer until the address's overall limit (which the 4 sign-ins count
    // towards); health checks are never limited
    for (let i = 0; i < 4; i++)
      expect((await s.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const over = await s.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(over.statusCode).toBe(429);
    expect(over.json().detail).toMatch(/from this address/);
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
