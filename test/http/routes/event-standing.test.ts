// An event stream lives only while its caller stands, on SQLite and PostgreSQL: revoking the token,
// signing the session out, disabling the account or changing its grants ends the stream within a
// second, whether the change is made by this server or by another one on the same database.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { createToken, revokeToken } from '../../../src/app/auth/tokens.js';
import { disableUser, setGrants } from '../../../src/app/auth/users.js';
import { DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import { eventRoutesWith } from '../../../src/http/routes/events.js';
import { openStore } from '../../../src/store/open.js';
import type { User } from '../../../src/store/store.js';
import { addUser, signIn, startTestServer, type TestServer } from '../testing.js';
import { open, type Stream } from './sse-client.testkit.js';

const S = DEMO_SUMMIT;
const USA_LEAD: RoleGrant[] = [
  { kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'delegation-lead' },
];
/** Only notices can end a stream this fast: the test route polls once a minute. */
const WITHIN_MS = 1000;

describe.each(BACKENDS)('event streams and their callers’ standing on %s', (backend) => {
  let s: TestServer;
  let port: number;

  beforeAll(async () => {
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
    });
    // the stream route with checks driven by notices alone (a poll far longer than the second allowed)
    await s.app.register(eventRoutesWith({ maxStreamMs: 120_000, standingPollMs: 60_000 }), {
      prefix: '/test',
    });
    await loadDemo(s.app.deps.app, { user: 'operator' as UserId, grants: [], system: true });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.app.server.address() as AddressInfo).port;
  });
  afterAll(() => s?.dispose());

  const PATH = `/test/summits/${S}/events`;
  const withToken = async (): Promise<{ user: User; token: string; id: string; stream: Stream }> => {
    const user = await addUser(s.store, USA_LEAD);
    const created = await createToken(s.store, user.id, 'stream', s.clock.now());
    const stream = await open(port, PATH, created.token);
    expect(stream.status).toBe(200);
    return { user, token: created.token, id: created.info.id, stream };
  };
  /** Waits for the server to end the stream, and says how long it took. */
  const endedWithin = async (stream: Stream, from: number): Promise<number> => {
    await stream.until(() => stream.ended, 5000);
    return Date.now() - from;
  };

  it('ends a stream within a second of its token being revoked', async () => {
    const { user, id, stream } = await withToken();
    const at = Date.now();
    await revokeToken(s.store, user.id, id, s.clock.now());
    expect(await endedWithin(stream, at)).toBeLessThan(WITHIN_MS);
  });

  it('ends a stream within a second of its session signing out', async () => {
    const user = await addUser(s.store, USA_LEAD);
    const browser = await signIn(s.app, user.email);
    const stream = await open(port, PATH, '', { cookie: `sideline_session=${browser.cookie}` });
    expect(stream.status).toBe(200);
    const at = Date.now();
    expect((await browser.send({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    expect(await endedWithin(stream, at)).toBeLessThan(WITHIN_MS);
  });

  it('ends a stream within a second of its account being disabled', async () => {
    const { user, stream } = await withToken();
    const at = Date.now();
    await disableUser(s.store, user.id);
    expect(await endedWithin(stream, at)).toBeLessThan(WITHIN_MS);
  });

  it('ends a stream within a second of its grants changing, and the client reconnects with the new ones', async () => {
    const { user, token, stream } = await withToken();
    const at = Date.now();
    await setGrants(s.store, user.id, [{ kind: 'host', summit: S, role: 'host-staff' }]);
    expect(await endedWithin(stream, at)).toBeLessThan(WITHIN_MS);
    const again = await open(port, PATH, token);
    expect(again.status).toBe(200);
    again.close();
    // a grant taken away entirely: the reconnect is refused as for any stranger
    await setGrants(s.store, user.id, []);
    expect((await open(port, PATH, token)).status).toBe(404);
  });

  it('keeps a stream whose caller still stands when someone else’s standing changes', async () => {
    const { stream } = await withToken();
    const other = await withToken();
    await revokeToken(s.store, other.user.id, other.id, s.clock.now());
    await endedWithin(other.stream, Date.now());
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.ended).toBe(false);
    stream.close();
  });

  it('ends a stream when another server on the same database revokes its token', async () => {
    const elsewhere = await openStore(s.storeOptions);
    try {
      const { user, id } = await withToken();
      // the server's own route: on PostgreSQL the other server's NOTIFY ends it at once; on SQLite,
      // where another process sends no notice, its once-a-second check does
      const stream = await open(port, `/api/summits/${S}/events`, (await withTokenFor(user)).token);
      const at = Date.now();
      await revokeAll(elsewhere, user.id, id);
      const took = await endedWithin(stream, at);
      expect(took).toBeLessThan(backend === 'postgres' ? WITHIN_MS : 2 * WITHIN_MS);
    } finally {
      await elsewhere.close();
    }
  });

  /** A second token of the same user: the one the stream of the last test holds. */
  const withTokenFor = (user: User) => createToken(s.store, user.id, 'second', s.clock.now());
  /** Revokes every token of the user, through another store on the same database. */
  const revokeAll = async (store: Awaited<ReturnType<typeof openStore>>, user: UserId, first: string) => {
    const all = await store.read((tx) => tx.tokens.listFor(user));
    expect(all.map((t) => t.id)).toContain(first);
    for (const t of all) await revokeToken(store, user, t.id, s.clock.now());
  };
});
