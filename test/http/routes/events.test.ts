// The live event stream over a real socket, on SQLite and PostgreSQL: each reader gets the events it
// may see, in log order; a stream resumes with Last-Event-ID without gaps or repeats; heartbeats,
// the stream's lifetime, and cleanup when the client goes.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import { recordRequestPosition } from '../../../src/app/deliberation/deliberation.js';
import { DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { LiveEvents } from '../../../src/app/events/live.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { postToThread } from '../../../src/app/requests/thread.js';
import type { Actor, RoleGrant } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import { addUser, startTestServer, type TestServer } from '../testing.js';
import { open } from './sse-client.testkit.js';
import { eventRoutesWith } from '../../../src/http/routes/events.js';

const S = DEMO_SUMMIT;
const PATH = `/api/summits/${S}/events`;
const usaPo: Actor = {
  user: 'events-usa-po' as UserId,
  grants: [{ kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'protocol-officer' }],
  system: false,
};
const rusGrants: RoleGrant[] = [
  { kind: 'delegation', summit: S, delegation: 'rus' as never, role: 'delegation-lead' },
];
const usaAdviser: Actor = {
  user: 'events-usa-adviser' as UserId,
  grants: [{ kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'adviser' }],
  system: false,
};

describe.each(BACKENDS)('the event stream on %s', (backend) => {
  let s: TestServer;
  let port: number;
  let live: LiveEvents;
  const tokens: Record<string, string> = {};

  const user = async (name: string, grants: RoleGrant[]) => {
    const u = await addUser(s.store, grants);
    tokens[name] = (await createToken(s.store, u.id, 'events', s.clock.now())).token;
  };

  beforeAll(async () => {
    s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
      rateLimits: false,
    });
    live = await LiveEvents.start(s.app.deps.app, { pollMs: 60_000 });
    // the same route with short timings and a LiveEvents this test can count, under /test
    await s.app.register(eventRoutesWith({ heartbeatMs: 50, maxStreamMs: 400, live }), { prefix: '/test' });
    await loadDemo(s.app.deps.app, { user: 'operator' as UserId, grants: [], system: true });
    await user('usa', [
      { kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'delegation-lead' },
    ]);
    await user('rus', rusGrants);
    await user('host', [{ kind: 'host', summit: S, role: 'host-staff' }]);
    await user('stranger', []);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await s?.dispose();
    await live?.close();
  });

  const lastSeq = () => s.store.read((tx) => tx.events.lastSeq(S));

  it("replays the log to each reader without another delegation's private events, then streams new ones", async () => {
    const usa = await open(port, PATH, tokens.usa!, { 'last-event-id': '0' });
    const rus = await open(port, PATH, tokens.rus!, { 'last-event-id': '0' });
    try {
      expect(usa.status).toBe(200);
      expect(usa.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(usa.headers['x-content-type-options']).toBe('nosniff');
      const last = await lastSeq();
      await usa.until(() => usa.events.at(-1)?.seq === last);
      await rus.until(() => rus.events.length > 0 && rus.events.at(-1)!.seq <= last);
      const seqs = usa.events.map((e) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(usa.events.some((e) => e.type === 'position.recorded')).toBe(true);

      // a US position (private to the US), then a thread message both parties read
      const ctx = s.app.deps.app;
      await recordRequestPosition(ctx, usaAdviser, S, 'usa-rus', {
        holder: 'Events desk',
        stance: 'undecided',
        rationale: 'US-only reasoning, never for Moscow',
      });
      const posted = await postToThread(ctx, usaPo, S, 'usa-rus', { text: 'Both sides read this' });
      expect(posted).toBeDefined();
      const both = await lastSeq();
      await usa.until(() => usa.events.at(-1)?.seq === both);
      await rus.until(() => rus.events.some((e) => e.seq === both));
      expect(usa.events.slice(-2).map((e) => e.type)).toEqual(['position.recorded', 'thread.posted']);
      expect(rus.events.at(-1)?.type).toBe('thread.posted');
      for (const e of rus.events) {
        expect(e.type.startsWith('position.') || e.type === 'decision.taken').toBe(false);
        expect(e.scope.kind === 'delegation' && e.scope.delegation !== 'rus').toBe(false);
      }
      expect(JSON.stringify(rus.events)).not.toContain('US-only reasoning');
    } finally {
      usa.close();
      rus.close();
    }
  });

  it('resumes after Last-Event-ID: every later event once, in order, none before', async () => {
    const first = await open(port, PATH, tokens.host!);
    await first.until(() => first.comments.some((c) => c.startsWith('events after')));
    const ctx = s.app.deps.app;
    await postToThread(ctx, usaPo, S, 'png-usa', { text: 'one' });
    await first.until(() => first.events.length === 1);
    const resumeAfter = first.events[0]!.seq;
    first.close();
    // written while the client is away
    const two = await postToThread(ctx, usaPo, S, 'png-usa', { text: 'two' });
    const three = await postToThread(ctx, usaPo, S, 'png-usa', { text: 'three' });
    const again = await open(port, `${PATH}?lastEventId=${resumeAfter}`, tokens.host!);
    try {
      await again.until(() => again.events.length === 2);
      const four = await postToThread(ctx, usaPo, S, 'png-usa', { text: 'four' });
      await again.until(() => again.events.length === 3);
      expect(again.events.map((e) => e.payload.message)).toEqual([two.id, three.id, four.id]);
      const seqs = again.events.map((e) => e.seq);
      expect(seqs.every((q) => q > resumeAfter)).toBe(true);
      expect(new Set(seqs).size).toBe(3);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(again.events.every((e) => e.type === 'thread.posted')).toBe(true);
    } finally {
      again.close();
    }
  });

  it('sends heartbeats, ends a stream at its lifetime, and forgets a stream whose client hung up', async () => {
    const short = await open(port, `/test/summits/${S}/events`, tokens.usa!);
    await short.until(() => short.comments.filter((c) => c.startsWith('heartbeat')).length >= 2);
    await short.until(() => short.ended, 5000);
    expect(live.counts()[S] ?? 0).toBe(0);

    const gone = await open(port, `/test/summits/${S}/events`, tokens.usa!);
    await gone.until(() => (live.counts()[S] ?? 0) === 1);
    gone.close();
    await gone.until(() => (live.counts()[S] ?? 0) === 0);
  });

  it('ends after the log with follow=false, so a plain client can catch up', async () => {
    const r = await s.app.inject({
      method: 'GET',
      url: `${PATH}?follow=false&lastEventId=0`,
      headers: { authorization: `Bearer ${tokens.rus}` },
    });
    expect(r.statusCode).toBe(200);
    const ids = [...r.body.matchAll(/^id: (\d+)$/gmu)].map((m) => Number(m[1]));
    const rus: Actor = { user: 'rus' as UserId, grants: rusGrants, system: false };
    const log = await readEventLog(s.app.deps.app, rus, S, { limit: 1000 });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(log.map((e) => e.seq));
    expect(r.body).not.toContain('position.recorded');
  });

  it('refuses no credentials (401), strangers (404) and an event id that is not one (400)', async () => {
    expect((await s.app.inject({ method: 'GET', url: PATH })).statusCode).toBe(401);
    const stranger = await s.app.inject({
      method: 'GET',
      url: PATH,
      headers: { authorization: `Bearer ${tokens.stranger}` },
    });
    expect(stranger.statusCode).toBe(404);
    const bad = await s.app.inject({
      method: 'GET',
      url: PATH,
      headers: { authorization: `Bearer ${tokens.usa}`, 'last-event-id': 'yesterday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'headers.last-event-id', message: expect.any(String) }]);
  });
});
