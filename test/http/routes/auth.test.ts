// The /api/auth routes in-process on a real store: SQLite file and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sha256Hex } from '../../../src/app/auth/secrets.js';
import { disableUser } from '../../../src/app/auth/users.js';
import { BACKENDS, seedSummit } from '../../app/auth/testing/stores.js';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/http/auth/cookie.js';
import {
  addUser,
  sessionCookieOf,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from '../testing.js';

const MIN = 60_000;
const lead = [
  { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'delegation-lead' },
] as RoleGrant[];

describe.each(BACKENDS)('/api/auth on %s', (backend) => {
  let s: TestServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
    });
    app = s.app;
    await seedSummit(s.store, 'apec-2017');
  });
  afterAll(async () => s?.dispose());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

  it('signs in: 200 with user, grants and CSRF token, and a HttpOnly SameSite=Strict cookie on /', async () => {
    const user = await addUser(s.store, lead);
    const r = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(body.grants).toEqual(lead);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined(); // plain HTTP, no trusted proxy
    expect(r.headers['cache-control']).toBe('no-store');
    // the stored session is the hash of the cookie, not the cookie
    const stored = await s.store.read((tx) => tx.sessions.get(sha256Hex(cookie?.value ?? '')));
    expect(stored?.user).toBe(user.id);
  });

  it('gives an unknown email and a wrong password the same answer, and sets no cookie', async () => {
    const user = await addUser(s.store);
    const unknown = await login('nobody@example.org', TEST_PASSWORD);
    const wrong = await login(user.email, 'not the right passphrase');
    const shape = (r: typeof unknown) => {
      const { requestId: _id, ...rest } = r.json();
      return { status: r.statusCode, body: rest, cookie: r.headers['set-cookie'] };
    };
    expect(shape(unknown)).toEqual(shape(wrong));
    expect(shape(wrong)).toMatchObject({
      status: 401,
      body: { code: 'invalid-credentials', detail: 'email or password is incorrect' },
      cookie: undefined,
    });
  });

  it('slows the address that guesses an account, never its owner elsewhere (429 and a growing Retry-After)', async () => {
    const user = await addUser(s.store);
    const from = (remoteAddress: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password },
        remoteAddress,
      });
    const attacker = '198.51.100.7';
    for (let i = 0; i < 5; i++) expect((await from(attacker, `wrong guess ${i}`)).statusCode).toBe(401);
    // the attacker's address waits, even with the right password: 1 s after the fifth failure…
    const blocked = await from(attacker, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: 1 });
    expect(blocked.headers['retry-after']).toBe('1');
    // …while the owner, proving the password from an address that never failed, signs in at once
    expect((await from('203.0.113.9', TEST_PASSWORD)).statusCode).toBe(200);
    // each further failure doubles the attacker's wait: 2 s after the sixth
    s.clock.advance(1000);
    expect((await from(attacker, 'wrong guess 5')).statusCode).toBe(401);
    expect((await from(attacker, TEST_PASSWORD)).json()).toMatchObject({ retryAfterSeconds: 2 });
    s.clock.advance(2000);
    expect((await from(attacker, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('marks the cookie Secure when a trusted proxy says the client used https', async () => {
    const proxied = await startTestServer('sqlite', undefined, { rateLimits: false, trustProxy: true });
    try {
      const user = await addUser(proxied.store);
      const r = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(r.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await proxied.dispose();
    }
    // without trustProxy the same header is ignored
    const user = await addUser(s.store);
    const r = await login(user.email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(r.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBeUndefined();
  });

  it('issues a fresh session id on every sign-in and ends the session the browser had', async () => {
    const user = await addUser(s.store);
    const first = await signIn(app, user.email);
    const again = await login(user.email, TEST_PASSWORD, { cookie: `${SESSION_COOKIE}=${first.cookie}` });
    const second = sessionCookieOf(again);
    expect(second).toBeDefined();
    expect(second).not.toBe(first.cookie);
    expect((await first.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // a failed sign-in leaves the current session alone
    const third = await signIn(app, user.email);
    const failed = await login(user.email, 'not the passphrase', {
      cookie: `${SESSION_COOKIE}=${third.cookie}`,
    });
    expect(failed.statusCode).toBe(401);
    expect((await third.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('GET /me returns the user, grants and CSRF token; without credentials 401 problem+json', async () => {
    const user = await addUser(s.store, lead);
    const b = await signIn(app, user.email);
    const me = await b.send({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toEqual({
      user: { id: user.id, email: user.email, name: user.name },
      grants: lead,
      via: 'session',
      csrfToken: b.csrf,
    });
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    expect(anonymous.json().code).toBe('unauthenticated');
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in, and clears the dead cookie', async () => {
    const user = await addUser(s.store);
    const idle = await signIn(app, user.email);
    s.clock.advance(29 * MIN);
    expect((await idle.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    s.clock.advance(30 * MIN);
    const expired = await idle.send({ method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    const cleared = expired.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    const busy = await signIn(app, user.email);
    for (let i = 0; i < 35; i++) {
      s.clock.advance(20 * MIN);
      expect((await busy.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    s.clock.advance(20 * MIN); // 12 h after sign-in
    expect((await busy.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie; disabling a user ends all of theirs', async () => {
    const user = await addUser(s.store);
    const b = await signIn(app, user.email);
    const out = await b.send({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await b.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const one = await signIn(app, user.email);
    const two = await signIn(app, user.email);
    await disableUser(s.store, user.id);
    for (const browser of [one, two]) {
      expect((await browser.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    }
    expect((await login(user.email, TEST_PASSWORD)).json().code).toBe('invalid-credentials');
  });

  it('requires the CSRF header on cookie-authenticated writes, and not on bearer-token writes', async () => {
    const user = await addUser(s.store);
    const b = await signIn(app, user.email);
    const create = (extra: object) => ({
      method: 'POST' as const,
      url: '/api/auth/tokens',
      payload: { name: 'x' },
      ...extra,
    });
    const missing = await b.send(create({ csrf: false }));
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf-failed');
    const forged = await b.send(create({ csrf: false, headers: { [CSRF_HEADER]: 'A'.repeat(43) } }));
    expect(forged.statusCode).toBe(403);
    const other = await signIn(app, (await addUser(s.store)).email);
    const crossed = await b.send(create({ csrf: false, headers: { [CSRF_HEADER]: other.csrf } }));
    expect(crossed.statusCode).toBe(403);
    expect(await s.store.read((tx) => tx.tokens.listFor(user.id))).toHaveLength(0);

    const made = await b.send(create({}));
    expect(made.statusCode).toBe(201);
    const token = made.json().token as string;
    // a bearer write needs no CSRF header (no browser attaches it by itself)
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${made.json().id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoke.statusCode).toBe(204);
    // reads with a cookie need no CSRF header either
    expect((await b.send({ method: 'GET', url: '/api/auth/me', csrf: false })).statusCode).toBe(200);
  });

  it('API tokens: secret shown once, listed without it, hashed in the store, revocable, session-only to create', async () => {
    const user = await addUser(s.store, lead);
    const b = await signIn(app, user.email);
    const made = await b.send({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'nightly export' },
    });
    expect(made.statusCode).toBe(201);
    const { token, id } = made.json() as { token: string; id: string };
    expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);

    const listed = await b.send({ method: 'GET', url: '/api/auth/tokens' });
    expect(listed.json()).toEqual({
      items: [{ id, name: 'nightly export', createdAt: s.clock.now().toISOString(), revokedAt: null }],
      next: null,
    });
    expect(listed.body).not.toContain(token.slice(3));
    const stored = await s.store.read((tx) => tx.tokens.listFor(user.id));
    expect(stored.map((t) => t.hash)).toEqual([sha256Hex(token)]);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ user: { id: user.id }, grants: lead, via: 'token', csrfToken: null });
    // a token may not mint tokens
    const minted = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'y' },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().code).toBe('session-required');

    // another user cannot see or revoke it: 404, as if it did not exist
    const stranger = await signIn(app, (await addUser(s.store)).email);
    const theirs = await stranger.send({ method: 'DELETE', url: `/api/auth/tokens/${id}` });
    expect(theirs.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);

    expect((await b.send({ method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    // a bad bearer token is refused even with a valid cookie beside it
    const mixed = await b.send({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(mixed.statusCode).toBe(401);
  });

  it('pages the token list: limit and next cursor, at most 200 per page, bad cursors refused', async () => {
    const user = await addUser(s.store);
    const b = await signIn(app, user.email);
    for (const name of ['a', 'b', 'c']) {
      s.clock.advance(1000);
      await b.send({ method: 'POST', url: '/api/auth/tokens', payload: { name } });
    }
    const first = (await b.send({ method: 'GET', url: '/api/auth/tokens?limit=2' })).json();
    expect(first.items.map((t: { name: string }) => t.name)).toEqual(['c', 'b']);
    expect(first.next).toEqual(expect.any(String));
    const second = (
      await b.send({ method: 'GET', url: `/api/auth/tokens?limit=2&cursor=${first.next}` })
    ).json();
    expect(second).toMatchObject({ items: [{ name: 'a' }], next: null });

    expect((await b.send({ method: 'GET', url: '/api/auth/tokens?limit=200' })).statusCode).toBe(200);
    const tooMany = await b.send({ method: 'GET', url: '/api/auth/tokens?limit=201' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'querystring.limit' }],
    });
    const bad = await b.send({ method: 'GET', url: '/api/auth/tokens?cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid-cursor');
  });
});
