// The read cache: an answer is served again only to the same caller, while the summit is unchanged
// and, for answers that depend on the time, until the time changes them; on SQLite and PostgreSQL.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS, TestClock } from '../app/auth/testing/stores.js';
import { createToken } from '../../src/app/auth/tokens.js';
import { DEMO_SUMMIT, loadDemo } from '../../src/app/demo/apec-2017.js';
import type { RoleGrant } from '../../src/domain/actor/schema.js';
import type { SummitId, UserId, VenueId } from '../../src/domain/ids.js';
import { AnswerCache, CACHE_HEADER } from '../../src/http/read-cache.js';
import { addUser, startTestServer, type TestServer } from './testing.js';

const S = '/api/summits/apec-2017';
const OPERATOR = { user: 'operator' as UserId, grants: [], system: true };
const usaPo: RoleGrant = {
  kind: 'delegation',
  summit: DEMO_SUMMIT,
  delegation: 'usa' as never,
  role: 'protocol-officer',
};
const rusPo: RoleGrant = { ...usaPo, delegation: 'rus' as never };

describe('AnswerCache', () => {
  const entry = (body: string, until = Number.POSITIVE_INFINITY) => ({
    body: Buffer.from(body),
    contentType: 'application/json',
    etag: undefined,
    until,
  });

  it('drops the least recently used answers to stay within its bytes', () => {
    const cache = new AnswerCache(3 * (1 + 100 + 64));
    cache.set('a', entry('x'.repeat(100)));
    cache.set('b', entry('y'.repeat(100)));
    cache.set('c', entry('z'.repeat(100)));
    expect(cache.get('a', 0)?.body).toHaveLength(100); // a is now the most recently used
    cache.set('d', entry('w'.repeat(100)));
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBeDefined();
    expect(cache.get('c', 0)).toBeDefined();
    expect(cache.get('d', 0)).toBeDefined();
    expect(cache.size).toBe(3);
  });

  it('drops a summit’s older revisions’ answers as soon as a newer revision’s answer is kept', () => {
    const cache = new AnswerCache(1024 * 1024);
    cache.setIn('s1', 1, 's1 r1 a', entry('x'.repeat(100)));
    cache.setIn('s1', 1, 's1 r1 b', entry('x'.repeat(100)));
    cache.setIn('s2', 1, 's2 r1 a', entry('x'.repeat(100)));
    const three = cache.bytes;
    cache.setIn('s1', 2, 's1 r2 a', entry('y'.repeat(100)));
    expect(cache.get('s1 r1 a', 0)).toBeUndefined();
    expect(cache.get('s1 r1 b', 0)).toBeUndefined();
    expect(cache.get('s2 r1 a', 0)).toBeDefined(); // another summit's stay
    expect(cache.get('s1 r2 a', 0)).toBeDefined();
    expect(cache.bytes).toBeLessThan(three);
    // an answer made at an older revision than one kept is not kept
    cache.setIn('s1', 1, 's1 r1 late', entry('z'));
    expect(cache.get('s1 r1 late', 0)).toBeUndefined();
  });

  it('never serves an answer past its time, and keeps none larger than itself', () => {
    const cache = new AnswerCache(1000);
    cache.set('soon', entry('{}', 50));
    expect(cache.get('soon', 49)).toBeDefined();
    expect(cache.get('soon', 50)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('huge', entry('x'.repeat(2000)));
    expect(cache.get('huge', 0)).toBeUndefined();
  });
});

describe.each(BACKENDS)('read cache on %s', (backend) => {
  let s: TestServer;
  let clock: TestClock;
  const tokens = new Map<string, string>();

  /** Signs in a new user with `grants` and returns a GET as that user. */
  async function caller(name: string, grants: RoleGrant[]) {
    const user = await addUser(s.store, grants);
    tokens.set(name, (await createToken(s.store, user.id, 'tests', clock.now())).token);
    return { user: user.id, get: (url: string) => get(name, url) };
  }
  function get(name: string, url: string): Promise<LightMyRequestResponse> {
    return s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(name)}` } });
  }
  const cacheOf = (r: LightMyRequestResponse) => r.headers[CACHE_HEADER];

  beforeAll(async () => {
    // 10 November 2017, 13:00 in Da Nang: before the confirmed US–Viet Nam meeting at 13:45
    clock = new TestClock('2017-11-10T06:00:00.000Z');
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
      now: clock.now,
    });
    await loadDemo(s.app.deps.app, OPERATOR);
  });
  afterAll(() => s?.dispose());

  it('serves the same answer again to the same caller while the summit is unchanged', async () => {
    const us = await caller('us-1', [usaPo]);
    const first = await us.get(`${S}/requests?limit=50`);
    expect(first.statusCode).toBe(200);
    expect(cacheOf(first)).toBe('miss');
    const second = await us.get(`${S}/requests?limit=50`);
    expect(cacheOf(second)).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['cache-control']).toBe('no-store');
    // another URL is another answer
    expect(cacheOf(await us.get(`${S}/requests?limit=49`))).toBe('miss');
  });

  it('keeps the ETag of a single record', async () => {
    const us = await caller('us-etag', [usaPo]);
    const first = await us.get(`${S}/venues/ariyana`);
    const again = await us.get(`${S}/venues/ariyana`);
    expect(cacheOf(again)).toBe('hit');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers.etag).toMatch(/^"\d+"$/);
  });

  it('never serves one caller’s answer to another, even with the same grants', async () => {
    const a = await caller('same-a', [usaPo]);
    const b = await caller('same-b', [usaPo]);
    const ru = await caller('ru', [rusPo]);
    await a.get(`${S}/meetings`);
    expect(cacheOf(await a.get(`${S}/meetings`))).toBe('hit');
    expect(cacheOf(await b.get(`${S}/meetings`))).toBe('miss');
    const russian = await ru.get(`${S}/meetings`);
    expect(cacheOf(russian)).toBe('miss');
    expect(russian.body).not.toBe((await a.get(`${S}/meetings`)).body); // each sees their own calendar
  });

  it('recomputes after a change made through the API or straight in the database', async () => {
    const us = await caller('us-change', [usaPo]);
    await us.get(`${S}/venues`);
    expect(cacheOf(await us.get(`${S}/venues`))).toBe('hit');
    // a change outside this server's routes (as another process would make it)
    await s.store.write((tx) =>
      tx.venues.insert(DEMO_SUMMIT as SummitId, { id: 'annex' as VenueId, name: 'Press annex', version: 1 }),
    );
    const after = await us.get(`${S}/venues`);
    expect(cacheOf(after)).toBe('miss');
    expect(after.body).toContain('Press annex');
    // a change through the API
    await us.get(`${S}/requests/usa-rus`);
    const posted = await s.app.inject({
      method: 'POST',
      url: `${S}/requests/usa-rus/thread`,
      headers: { authorization: `Bearer ${tokens.get('us-change')}` },
      payload: { text: 'Agenda attached' },
    });
    expect(posted.statusCode).toBe(201);
    expect(cacheOf(await us.get(`${S}/requests/usa-rus`))).toBe('miss');
  });

  it('recomputes when the caller’s grants change', async () => {
    const us = await caller('us-grants', [usaPo]);
    await us.get(`${S}/requests?limit=50`);
    expect(cacheOf(await us.get(`${S}/requests?limit=50`))).toBe('hit');
    await s.store.write((tx) => tx.users.setGrants(us.user, [rusPo]));
    const now = await us.get(`${S}/requests?limit=50`);
    expect(cacheOf(now)).toBe('miss');
    expect(now.body).not.toContain('"usa-vnm-officials"'); // a US-only request the Russians never see
  });

  it('serves an answer that depends on the time only until the time changes it', async () => {
    const us = await caller('us-time', [usaPo]);
    const before = await us.get(`${S}/requests/usa-vnm`);
    expect(before.statusCode).toBe(200);
    expect((before.json() as { allowed: string[] }).allowed).not.toContain('hold');
    expect(cacheOf(await us.get(`${S}/requests/usa-vnm`))).toBe('hit');
    clock.advance(45 * 60_000); // 13:45 in Da Nang: the meeting starts
    const started = await us.get(`${S}/requests/usa-vnm`);
    expect(cacheOf(started)).toBe('miss');
    expect((started.json() as { allowed: string[] }).allowed).toContain('hold');
  });

  it('keeps no refusal and tells nothing to those who may not read the summit', async () => {
    const stranger = await caller('stranger', []);
    for (let n = 0; n < 2; n++) {
      const refused = await stranger.get(`${S}/requests?limit=50`);
      expect(refused.statusCode).toBe(404);
      expect(cacheOf(refused)).toBeUndefined();
    }
    const us = await caller('us-missing', [usaPo]);
    for (let n = 0; n < 2; n++) {
      const missing = await us.get(`${S}/requests/no-such-request`);
      expect(missing.statusCode).toBe(404);
      expect(cacheOf(missing)).toBe('miss');
    }
  });
});

describe('read cache switched off', () => {
  it('answers every time from the store', async () => {
    const s = await startTestServer('sqlite', undefined, { rateLimits: false, readCacheBytes: 0 });
    try {
      await loadDemo(s.app.deps.app, OPERATOR);
      const user = await addUser(s.store, [usaPo]);
      const { token } = await createToken(s.store, user.id, 'tests', s.clock.now());
      for (let n = 0; n < 2; n++) {
        const r = await s.app.inject({
          method: 'GET',
          url: `${S}/venues`,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(r.statusCode).toBe(200);
        expect(r.headers[CACHE_HEADER]).toBeUndefined();
      }
    } finally {
      await s.dispose();
    }
  });
});
