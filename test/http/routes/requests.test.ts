// Request, transition, condition, thread and history routes in-process on the APEC demo, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { addUser } from '../testing.js';
import { errorPaths, startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const R = `${S}/requests`;

describe.each(BACKENDS)('request routes on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  const ids = (body: { items: { id: string }[] }) => body.items.map((r) => r.id);

  describe('lists and reads', () => {
    it('filters the visible requests by topic, level, priority, counterpart, format and status', async () => {
      const get = async (query: string) =>
        (await s.as.usaViewer.send({ method: 'GET', url: `${R}?${query}` })).json();
      expect(ids(await get('topic=syria'))).toEqual(['usa-rus', 'usa-rus-fm', 'usa-rus-officials']);
      expect(ids(await get('topic=syria&level=ministers'))).toEqual(['usa-rus-fm']);
      expect(ids(await get('counterpart=rus&priority=4'))).toEqual(['usa-rus', 'usa-rus-fm']);
      expect(ids(await get('format=pull-aside'))).toEqual(['mex-usa', 'usa-phl']);
      expect(ids(await get('party=rus&status=conditions-pending'))).toEqual(['usa-rus']);
      const hosted = await s.as.hostAdmin.send({ method: 'GET', url: `${R}?topic=syria` });
      expect(ids(hosted.json())).toEqual(['usa-rus', 'usa-rus-fm']); // never the confidential one
    });

    it('pages the list and refuses bad filters naming each parameter', async () => {
      const first = (await s.as.usaViewer.send({ method: 'GET', url: `${R}?limit=3` })).json();
      expect(first.items).toHaveLength(3);
      const next = (
        await s.as.usaViewer.send({ method: 'GET', url: `${R}?limit=3&cursor=${first.next}` })
      ).json();
      expect(ids(next)[0]! > ids(first)[2]!).toBe(true);
      const bad = await s.as.usaViewer.send({ method: 'GET', url: `${R}?priority=9&level=kings&limit=0` });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['querystring.level', 'querystring.limit', 'querystring.priority']);
      const stranger = await s.as.stranger.send({ method: 'GET', url: R });
      expect(stranger.statusCode).toBe(404);
    });

    it('reads a request with its conditions, meeting and allowed transitions, and its ETag', async () => {
      const r = await s.as.rusLead.send({ method: 'GET', url: `${R}/usa-rus` });
      expect(r.statusCode).toBe(200);
      const view = r.json();
      expect(view.request).toMatchObject({ id: 'usa-rus', status: 'conditions-pending' });
      expect(view.conditions.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2', 'c3']);
      expect(view.meeting).toBeNull();
      expect(view.allowed).toEqual(expect.arrayContaining(['decline']));
      expect(r.headers.etag).toBe(`"${view.request.version}"`);
    });

    it('answers 404 for a request the caller may not see, and 401 without credentials', async () => {
      expect((await s.as.jpnPo.send({ method: 'GET', url: `${R}/usa-rus` })).statusCode).toBe(404);
      const confidential = await s.as.hostAdmin.send({ method: 'GET', url: `${R}/usa-rus-officials` });
      expect(confidential.statusCode).toBe(404);
      expect(confidential.json()).toMatchObject({
        code: 'not-found',
        detail: 'no request "usa-rus-officials"',
      });
      expect((await s.anonymous({ method: 'GET', url: `${R}/usa-rus` })).statusCode).toBe(401);
    });
  });

  describe('a new request through its life cycle', () => {
    const request = {
      id: 'usa-jpn-api',
      to: ['jpn'],
      format: 'bilateral',
      level: 'ministers',
      minutes: 30,
      topics: ['dprk'],
      attendees: ['usa-sos', 'jpn-fm'],
      conditions: [{ kind: 'agenda', text: 'North Korea first' }],
    };

    it('creates it once for a retried POST with the same Idempotency-Key', async () => {
      const headers = { 'idempotency-key': 'usa-jpn-api' };
      const created = await s.as.usaPo.send({ method: 'POST', url: R, payload: request, headers });
      expect(created.statusCode).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.json().request).toMatchObject({
        id: 'usa-jpn-api',
        from: 'usa',
        status: 'conditions-pending',
      });
      expect(created.json().conditions).toMatchObject([{ id: 'c1', by: 'usa', status: 'open' }]);
      const replay = await s.as.usaPo.send({ method: 'POST', url: R, payload: request, headers });
      expect(replay.headers[REPLAYED_HEADER]).toBe('true');
      expect(replay.json()).toEqual(created.json());
      const reused = await s.as.usaPo.send({
        method: 'POST',
        url: R,
        payload: { ...request, minutes: 45 },
        headers,
      });
      expect(reused.statusCode).toBe(422);
    });

    it('refuses invalid requests naming every path, and a viewer who may not ask', async () => {
      const bad = await s.as.usaPo.send({
        method: 'POST',
        url: R,
        payload: { ...request, id: 'usa-bad', to: ['usa', 'atlantis'], attendees: ['nobody'], minutes: 20 },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['attendees[0]', 'minutes', 'to[0]', 'to[1]']);
      const shape = await s.as.usaPo.send({ method: 'POST', url: R, payload: { to: [], format: 'dinner' } });
      expect(errorPaths(shape)).toEqual(
        expect.arrayContaining(['body.to', 'body.format', 'body.level', 'body.minutes', 'body.attendees']),
      );
      const viewer = await s.as.usaViewer.send({
        method: 'POST',
        url: R,
        payload: { ...request, id: 'usa-viewer' },
      });
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json().code).toBe('forbidden');
    });

    it('takes a transition under If-Match: 428 without, 409 naming state, actor and what is missing, 412 stale', async () => {
      const url = `${R}/usa-jpn-api/transitions`;
      const missing = await s.as.jpnPo.send({ method: 'POST', url, payload: { name: 'accept' } });
      expect(missing.statusCode).toBe(428);
      const illegal = await s.as.usaPo.send({
        method: 'POST',
        url,
        payload: { name: 'accept' },
        headers: { 'if-match': '"1"' },
      });
      expect(illegal.statusCode).toBe(409);
      expect(illegal.json().code).toBe('illegal-transition');
      expect(illegal.json().detail).toMatch(
        /^cannot accept request usa-jpn-api in state conditions-pending as usa\/protocol-officer \(user u-[^)]+\): usa has already accepted$/,
      );
      // a role that may never take it is refused as docs/api.md says: 403, naming who may
      const viewer = await s.as.usaViewer.send({
        method: 'POST',
        url,
        payload: { name: 'withdraw' },
        headers: { 'if-match': '"1"' },
      });
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json().code).toBe('forbidden');
      expect(viewer.json().detail).toMatch(
        /only the requester usa as delegation-lead or protocol-officer may withdraw it/,
      );
      const ok = await s.as.jpnPo.send({
        method: 'POST',
        url,
        payload: { name: 'accept' },
        headers: { 'if-match': '"1"' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().acceptedBy).toEqual(expect.arrayContaining(['jpn']));
      expect(ok.headers.etag).toBe('"2"');
      const stale = await s.as.usaPo.send({
        method: 'POST',
        url,
        payload: { name: 'withdraw' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('stale-version');
      const unknown = await s.as.usaPo.send({
        method: 'POST',
        url,
        payload: { name: 'fly' },
        headers: { 'if-match': '"2"' },
      });
      expect(unknown.statusCode).toBe(400);
      expect(errorPaths(unknown)).toEqual(['body.name']);
      const hidden = await s.as.rusPo.send({
        method: 'POST',
        url,
        payload: { name: 'decline' },
        headers: { 'if-match': '"2"' },
      });
      expect(hidden.statusCode).toBe(404);
    });

    it('answers conditions under the condition ETag, and the request follows to agreed', async () => {
      const base = `${R}/usa-jpn-api/conditions`;
      const proposed = await s.as.jpnPo.send({
        method: 'POST',
        url: base,
        payload: { kind: 'attendee', text: 'Ministers only' },
      });
      expect(proposed.statusCode).toBe(201);
      expect(proposed.json().conditions.map((c: { id: string; by: string }) => `${c.id}:${c.by}`)).toEqual([
        'c1:usa',
        'c2:jpn',
      ]);
      // jpn may not withdraw a US condition, whatever its state: 403 naming why
      const wrong = await s.as.jpnPo.send({
        method: 'POST',
        url: `${base}/c1/withdraw`,
        headers: { 'if-match': '"1"' },
      });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().code).toBe('forbidden');
      expect(wrong.json().detail).toMatch(/cannot withdraw condition c1 \(set by usa, open\)/);
      expect((await s.as.jpnPo.send({ method: 'POST', url: `${base}/c1/accept` })).statusCode).toBe(428);
      const accepted = await s.as.jpnPo.send({
        method: 'POST',
        url: `${base}/c1/accept`,
        headers: { 'if-match': '"1"' },
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.headers.etag).toBe('"2"');
      // answered already: the condition is no longer open, whatever the ETag says (a state: 409)
      const again = await s.as.jpnPo.send({
        method: 'POST',
        url: `${base}/c1/reject`,
        headers: { 'if-match': '"2"' },
      });
      expect(again.statusCode).toBe(409);
      const stale = await s.as.usaPo.send({
        method: 'POST',
        url: `${base}/c2/counter`,
        payload: { kind: 'attendee', text: 'Ministers and one adviser each' },
        headers: { 'if-match': '"7"' },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('stale-version');
      const countered = await s.as.usaPo.send({
        method: 'POST',
        url: `${base}/c2/counter`,
        payload: { kind: 'attendee', text: 'Ministers and one adviser each' },
        headers: { 'if-match': '"1"' },
      });
      expect(countered.statusCode).toBe(200);
      const c = countered.json().conditions;
      expect(c.find((x: { id: string }) => x.id === 'c2')).toMatchObject({ status: 'rejected' });
      const counter = c.find((x: { counters: string | null }) => x.counters === 'c2');
      expect(counter).toMatchObject({ by: 'usa', status: 'open' });
      const done = await s.as.jpnPo.send({
        method: 'POST',
        url: `${base}/${counter.id}/accept`,
        headers: { 'if-match': `"${counter.version}"` },
      });
      expect(done.statusCode).toBe(200);
      // the terms changed since jpn accepted: every condition is settled, and jpn accepts the new terms
      expect(done.json().request.status).toBe('under-consideration');
      const view = await s.as.jpnPo.send({ method: 'GET', url: `${R}/usa-jpn-api` });
      expect(view.json().allowed).toContain('accept');
      const agreed = await s.as.jpnPo.send({
        method: 'POST',
        url: `${R}/usa-jpn-api/transitions`,
        payload: { name: 'accept' },
        headers: { 'if-match': view.headers.etag as string },
      });
      expect(agreed.json().status).toBe('agreed');
      const unknown = await s.as.jpnPo.send({
        method: 'POST',
        url: `${base}/c9/accept`,
        headers: { 'if-match': '"1"' },
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('asks someone in both parties which one they act for (?as=)', async () => {
      const both = await addUser(s.store, [
        { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'protocol-officer' },
        { kind: 'delegation', summit: 'apec-2017', delegation: 'jpn', role: 'protocol-officer' },
      ] as RoleGrant[]);
      const { token } = await createToken(s.store, both.id, 'tests', s.clock.now());
      const post = (query: string) =>
        s.app.inject({
          method: 'POST',
          url: `${R}/usa-jpn-api/thread${query}`,
          payload: { text: 'Speaking for one side.' },
          headers: { authorization: `Bearer ${token}` },
        });
      const unsaid = await post('');
      expect(unsaid.statusCode).toBe(403);
      expect(unsaid.json().detail).toMatch(/several delegations here \(usa, jpn\): name one/);
      const said = await post('?as=jpn');
      expect(said.statusCode).toBe(201);
      expect(said.json().delegation).toBe('jpn');
      expect((await post('?as=rus')).statusCode).toBe(403);
    });

    it("keeps the request's history for its parties, in order", async () => {
      const r = await s.as.jpnPo.send({ method: 'GET', url: `${R}/usa-jpn-api/history` });
      expect(r.statusCode).toBe(200);
      const types = r.json().items.map((e: { type: string }) => e.type);
      expect(types[0]).toBe('request.created');
      expect(types).toEqual(
        expect.arrayContaining([
          'request.accept',
          'condition.proposed',
          'condition.accepted',
          'condition.countered',
        ]),
      );
      const seqs = r.json().items.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
      expect((await s.as.rusPo.send({ method: 'GET', url: `${R}/usa-jpn-api/history` })).statusCode).toBe(
        404,
      );
    });
  });

  describe('the thread', () => {
    const url = `${R}/usa-rus/thread`;

    it('shows the parties the messages oldest first; the host gets 403, others 404', async () => {
      const r = await s.as.rusPo.send({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      // both demo messages were posted at the same instant, so only their set is fixed
      expect(
        r
          .json()
          .items.map((m: { delegation: string }) => m.delegation)
          .sort(),
      ).toEqual(['rus', 'usa']);
      expect((await s.as.hostStaff.send({ method: 'GET', url })).statusCode).toBe(403);
      expect((await s.as.jpnPo.send({ method: 'GET', url })).statusCode).toBe(404);
    });

    it("takes a message from a party's protocol officer, refuses a viewer, the host and empty text", async () => {
      s.clock.advance(60_000);
      const viewer = await s.as.usaViewer.send({ method: 'POST', url, payload: { text: 'Noted.' } });
      expect(viewer.statusCode).toBe(403);
      const posted = await s.as.usaPo.send({
        method: 'POST',
        url,
        payload: { text: 'Noted on our side.' },
      });
      expect(posted.statusCode).toBe(201);
      expect(posted.json()).toMatchObject({
        delegation: 'usa',
        text: 'Noted on our side.',
        request: 'usa-rus',
      });
      const host = await s.as.hostAdmin.send({ method: 'POST', url, payload: { text: 'Room ready' } });
      expect(host.statusCode).toBe(403);
      const empty = await s.as.rusPo.send({ method: 'POST', url, payload: { text: '   ' } });
      expect(empty.statusCode).toBe(400);
      expect(errorPaths(empty)).toEqual(['body.text']);
      const page = await s.as.rusPo.send({ method: 'GET', url: `${url}?limit=2` });
      const rest = await s.as.rusPo.send({ method: 'GET', url: `${url}?cursor=${page.json().next}` });
      expect(rest.json().items.map((m: { text: string }) => m.text)).toEqual(['Noted on our side.']);
    });
  });
});
