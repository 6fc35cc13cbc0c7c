// Summit and logistics routes in-process on the APEC demo, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { signIn } from '../testing.js';
import { errorPaths, startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

describe.each(BACKENDS)('summit and logistics routes on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  describe('summits', () => {
    it('lists the summits you take part in; a stranger gets an empty list, no credentials 401', async () => {
      const mine = await s.as.usaViewer.send({ method: 'GET', url: '/api/summits' });
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({
        items: [{ id: 'apec-2017', timezone: 'Asia/Ho_Chi_Minh' }],
        next: null,
      });
      expect((await s.as.stranger.send({ method: 'GET', url: '/api/summits' })).json()).toEqual({
        items: [],
        next: null,
      });
      const anonymous = await s.anonymous({ method: 'GET', url: '/api/summits' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('unauthenticated');
    });

    it('reads one summit with its ETag; 404 for a stranger', async () => {
      const r = await s.as.rusPo.send({ method: 'GET', url: S });
      expect(r.statusCode).toBe(200);
      expect(r.headers.etag).toBe(`"${r.json().version}"`);
      const hidden = await s.as.stranger.send({ method: 'GET', url: S });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('not-found');
    });

    it("changes the summit's settings with If-Match: 428 without, 412 when stale, 403 for a delegation", async () => {
      const read = await s.as.hostAdmin.send({ method: 'GET', url: S });
      const { version: _v, ...settings } = read.json();
      const body = { ...settings, bufferMinutes: 10 };
      const missing = await s.as.hostAdmin.send({ method: 'PUT', url: S, payload: body });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().code).toBe('precondition-required');
      const forbidden = await s.as.usaLead.send({
        method: 'PUT',
        url: S,
        payload: body,
        headers: { 'if-match': read.headers.etag as string },
      });
      expect(forbidden.statusCode).toBe(403);
      const ok = await s.as.hostAdmin.send({
        method: 'PUT',
        url: S,
        payload: body,
        headers: { 'if-match': read.headers.etag as string },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().bufferMinutes).toBe(10);
      expect(ok.headers.etag).toBe(`"${read.json().version + 1}"`);
      const stale = await s.as.hostAdmin.send({
        method: 'PUT',
        url: S,
        payload: { ...settings, bufferMinutes: 0 },
        headers: { 'if-match': read.headers.etag as string },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('stale-version');
    });

    it('validates settings listing every path, and changes nothing', async () => {
      const read = await s.as.hostAdmin.send({ method: 'GET', url: S });
      const { version: _v, ...settings } = read.json();
      const bad = await s.as.hostAdmin.send({
        method: 'PUT',
        url: S,
        payload: { ...settings, grainMinutes: 0, timezone: 'Mars/Olympus', extra: 1 },
        headers: { 'if-match': read.headers.etag as string },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('validation-failed');
      expect(errorPaths(bad)).toEqual(['body', 'body.grainMinutes', 'body.timezone']);
      const swapped = await s.as.hostAdmin.send({
        method: 'PUT',
        url: S,
        payload: { ...settings, dayWindow: { from: '20:00', to: '08:00' } },
        headers: { 'if-match': read.headers.etag as string },
      });
      expect(swapped.statusCode).toBe(400);
      expect(errorPaths(swapped)).toEqual(['dayWindow.to']);
      expect((await s.as.hostAdmin.send({ method: 'GET', url: S })).json()).toEqual(read.json());
    });

    it('sets the practice rules; a quota names a delegation of the summit, which then stays', async () => {
      const read = await s.as.hostAdmin.send({ method: 'GET', url: S });
      const { version: _v, ...settings } = read.json();
      const practice = {
        roomTurnoverMinutes: 15,
        rankParity: 'refuse',
        planning: { maxMoves: 4, now: null, freezeHours: 12 },
        quotas: [
          { delegation: '*', per: 'day', meetings: 6 },
          { delegation: 'gbr', per: 'summit', minutes: 600, as: 'requester' },
        ],
      };
      const put = (payload: Record<string, unknown>, etag: string) =>
        s.as.hostAdmin.send({ method: 'PUT', url: S, payload, headers: { 'if-match': etag } });
      const unknown = await put({ ...settings, ...practice }, read.headers.etag as string);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        expect.objectContaining({ path: 'quotas[1].delegation', message: 'unknown delegation "gbr"' }),
      ]);
      const added = await s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/delegations`,
        payload: { id: 'gbr', name: 'United Kingdom', principal: 'gbr-pm', presence: null },
      });
      expect(added.statusCode).toBe(201);
      const ok = await put({ ...settings, ...practice }, read.headers.etag as string);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        ...practice,
        quotas: [
          { delegation: '*', per: 'day', meetings: 6, minutes: null, as: 'party' },
          { delegation: 'gbr', per: 'summit', meetings: null, minutes: 600, as: 'requester' },
        ],
      });
      const remove = await s.as.hostAdmin.send({
        method: 'DELETE',
        url: `${S}/delegations/gbr`,
        headers: { 'if-match': added.headers.etag as string },
      });
      expect(remove.statusCode).toBe(409);
      expect(remove.json().detail).toMatch(/in use by a quota per summit/);
      const restored = await put(settings, ok.headers.etag as string);
      expect(restored.statusCode).toBe(200);
      const removed = await s.as.hostAdmin.send({
        method: 'DELETE',
        url: `${S}/delegations/gbr`,
        headers: { 'if-match': added.headers.etag as string },
      });
      expect(removed.statusCode).toBe(204);
    });

    describe('created by an operator', () => {
      const g20 = {
        id: 'g20-2017',
        name: 'G20 Hamburg',
        timezone: 'Europe/Berlin',
        days: { from: '2017-07-07', to: '2017-07-08' },
        dayWindow: { from: '08:00', to: '20:00' },
        grainMinutes: 15,
        bufferMinutes: 5,
      };

      it('creates an empty summit (201) and makes the operator its host-admin, nothing more', async () => {
        const r = await s.as.operator.send({ method: 'POST', url: '/api/summits', payload: g20 });
        expect(r.statusCode).toBe(201);
        // a client that knows nothing of the version 2 settings gets every rule off
        const off = {
          roomTurnoverMinutes: 0,
          rankParity: 'warn',
          planning: { maxMoves: null, now: null, freezeHours: null },
          quotas: [],
          confirmation: null,
        };
        expect(r.json()).toEqual({ ...g20, ...off, version: 1 });
        expect(r.headers.etag).toBe('"1"');
        const me = await s.as.operator.send({ method: 'GET', url: '/api/auth/me' });
        expect(me.json().grants).toEqual([
          { kind: 'platform', role: 'operator' },
          { kind: 'host', summit: 'g20-2017', role: 'host-admin' },
        ]);
        const listed = await s.as.operator.send({ method: 'GET', url: '/api/summits' });
        expect(listed.json().items.map((x: { id: string }) => x.id)).toEqual(['g20-2017']);
        // as host-admin of it the operator sets it up
        const venue = await s.as.operator.send({
          method: 'POST',
          url: '/api/summits/g20-2017/venues',
          payload: { id: 'messe', name: 'Messe Hamburg' },
        });
        expect(venue.statusCode).toBe(201);
        const renamed = await s.as.operator.send({
          method: 'PUT',
          url: '/api/summits/g20-2017',
          payload: { ...g20, name: 'G20 Hamburg 2017' },
          headers: { 'if-match': '"1"' },
        });
        expect(renamed.statusCode).toBe(200);
        // …and reads nothing of a summit it did not make
        expect((await s.as.operator.send({ method: 'GET', url: S })).statusCode).toBe(404);
        expect((await s.as.operator.send({ method: 'GET', url: `${S}/busy` })).statusCode).toBe(404);
        // nobody else gained a role in it
        expect((await s.as.hostAdmin.send({ method: 'GET', url: '/api/summits/g20-2017' })).statusCode).toBe(
          404,
        );
      });

      it('answers 409 for an id already taken, its own or another summit’s, and changes nothing', async () => {
        for (const id of ['g20-2017', 'apec-2017']) {
          const again = await s.as.operator.send({
            method: 'POST',
            url: '/api/summits',
            payload: { ...g20, id },
          });
          expect(again.statusCode, id).toBe(409);
          expect(again.json()).toMatchObject({ code: 'duplicate', detail: `summit "${id}" already exists` });
        }
        const me = await s.as.operator.send({ method: 'GET', url: '/api/auth/me' });
        expect(me.json().grants).toHaveLength(2);
        const demo = await s.as.hostAdmin.send({ method: 'GET', url: S });
        expect(demo.json().name).not.toBe(g20.name);
      });

      it('refuses every other role with 403, creating nothing', async () => {
        for (const who of ['usaLead', 'hostStaff', 'stranger'] as const) {
          const r = await s.as[who].send({
            method: 'POST',
            url: '/api/summits',
            payload: { ...g20, id: `by-${who.toLowerCase()}` },
          });
          expect(r.statusCode, who).toBe(403);
          expect(r.json()).toMatchObject({
            code: 'forbidden',
            detail: 'only an operator may create a summit',
          });
        }
        const all = await s.store.read((tx) => tx.summits.list());
        expect(all.map((x) => x.id).filter((id) => id.startsWith('by-'))).toEqual([]);
      });
    });

    it('lets no signed-in user create a summit: only operators may', async () => {
      const r = await s.as.hostAdmin.send({
        method: 'POST',
        url: '/api/summits',
        payload: {
          id: 'g20-2017',
          name: 'G20 Hamburg',
          timezone: 'Europe/Berlin',
          days: { from: '2017-07-07', to: '2017-07-08' },
          dayWindow: { from: '08:00', to: '20:00' },
          grainMinutes: 15,
          bufferMinutes: 5,
        },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'forbidden', detail: 'only an operator may create a summit' });
    });
  });

  describe('logistics', () => {
    const venue = { id: 'marble-mountains', name: 'Marble Mountains pavilion' };

    it('adds, reads, replaces and removes a venue under If-Match, replaying an idempotent add', async () => {
      const headers = { 'idempotency-key': 'venue-add-1' };
      const add = await s.as.hostAdmin.send({ method: 'POST', url: `${S}/venues`, payload: venue, headers });
      expect(add.statusCode).toBe(201);
      expect(add.json()).toEqual({ ...venue, version: 1 });
      expect(add.headers.etag).toBe('"1"');
      const replay = await s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/venues`,
        payload: venue,
        headers,
      });
      expect(replay.statusCode).toBe(201);
      expect(replay.headers[REPLAYED_HEADER]).toBe('true');
      expect(replay.json()).toEqual(add.json());
      const again = await s.as.hostAdmin.send({ method: 'POST', url: `${S}/venues`, payload: venue });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('duplicate');

      const one = `${S}/venues/${venue.id}`;
      const got = await s.as.usaViewer.send({ method: 'GET', url: one });
      expect(got.json()).toEqual({ ...venue, version: 1 });
      expect(got.headers.etag).toBe('"1"');
      const renamed = { ...venue, name: 'Marble Mountains' };
      expect((await s.as.hostAdmin.send({ method: 'PUT', url: one, payload: renamed })).statusCode).toBe(428);
      const put = await s.as.hostAdmin.send({
        method: 'PUT',
        url: one,
        payload: renamed,
        headers: { 'if-match': '"1"' },
      });
      expect(put.statusCode).toBe(200);
      expect(put.headers.etag).toBe('"2"');
      const moved = await s.as.hostAdmin.send({
        method: 'PUT',
        url: one,
        payload: { ...renamed, id: 'elsewhere' },
        headers: { 'if-match': '"2"' },
      });
      expect(moved.statusCode).toBe(400);
      expect(errorPaths(moved)).toEqual(['id']);
      expect((await s.as.hostAdmin.send({ method: 'DELETE', url: one })).statusCode).toBe(428);
      const stale = await s.as.hostAdmin.send({ method: 'DELETE', url: one, headers: { 'if-match': '"1"' } });
      expect(stale.statusCode).toBe(412);
      const removed = await s.as.hostAdmin.send({
        method: 'DELETE',
        url: one,
        headers: { 'if-match': '"2"' },
      });
      expect(removed.statusCode).toBe(204);
      expect((await s.as.hostAdmin.send({ method: 'GET', url: one })).statusCode).toBe(404);
    });

    it('refuses logistics writes to delegations (403) and to strangers (404)', async () => {
      const asUsa = await s.as.usaLead.send({ method: 'POST', url: `${S}/venues`, payload: venue });
      expect(asUsa.statusCode).toBe(403);
      const asStranger = await s.as.stranger.send({ method: 'POST', url: `${S}/venues`, payload: venue });
      expect(asStranger.statusCode).toBe(404);
    });

    it('checks references: a room at an unknown venue lists each bad path', async () => {
      const r = await s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/rooms`,
        payload: {
          id: 'tent',
          venue: 'nowhere',
          name: 'Tent',
          capacity: 4,
          available: null,
          delegation: 'atlantis',
        },
      });
      expect(r.statusCode).toBe(400);
      expect(errorPaths(r)).toEqual(['delegation', 'venue']);
      const shape = await s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/rooms`,
        payload: { id: 'Tent!' },
      });
      expect(shape.statusCode).toBe(400);
      expect(errorPaths(shape)).toEqual(
        expect.arrayContaining(['body.id', 'body.venue', 'body.name', 'body.capacity']),
      );
    });

    it('pages a list with the shared cursor, never past the hard maximum', async () => {
      const first = await s.as.usaViewer.send({ method: 'GET', url: `${S}/persons?limit=5` });
      expect(first.statusCode).toBe(200);
      const page1 = first.json();
      expect(page1.items).toHaveLength(5);
      const second = await s.as.usaViewer.send({
        method: 'GET',
        url: `${S}/persons?limit=5&cursor=${page1.next}`,
      });
      const ids = [...page1.items, ...second.json().items].map((p: { id: string }) => p.id);
      expect(new Set(ids).size).toBe(10);
      expect(ids).toEqual([...ids].sort());
      const tooMany = await s.as.usaViewer.send({ method: 'GET', url: `${S}/persons?limit=500` });
      expect(tooMany.statusCode).toBe(400);
      expect(errorPaths(tooMany)).toEqual(['querystring.limit']);
    });

    it("keeps busy blocks to the person's own delegation: the host and others never list them", async () => {
      const own = await s.as.usaViewer.send({ method: 'GET', url: `${S}/busy?limit=200` });
      const ownIds = own.json().items.map((b: { id: string }) => b.id);
      expect(ownIds).toEqual(['usa-potus-briefing', 'usa-potus-departure', 'usa-potus-prep', 'usa-sos-prep']);
      for (const other of [s.as.rusLead, s.as.hostAdmin]) {
        const list = await other.send({ method: 'GET', url: `${S}/busy?limit=200` });
        expect(JSON.stringify(list.json())).not.toContain('usa-potus');
        expect((await other.send({ method: 'GET', url: `${S}/busy/usa-potus-prep` })).statusCode).toBe(404);
      }
      const foreign = await s.as.rusLead.send({
        method: 'POST',
        url: `${S}/busy`,
        payload: {
          id: 'fake',
          person: 'usa-potus',
          from: '2017-11-10T01:00:00.000Z',
          to: '2017-11-10T02:00:00.000Z',
          venue: null,
          label: null,
        },
      });
      expect(foreign.statusCode).toBe(403);
    });

    it('adds a busy block for your own principal through a cookie session with the CSRF token', async () => {
      const browser = await signIn(s.app, s.as.usaPo.email);
      const payload = {
        id: 'usa-potus-call',
        person: 'usa-potus',
        from: '2017-11-11T01:00:00.000Z',
        to: '2017-11-11T01:30:00.000Z',
        venue: null,
        label: 'Call with Washington',
      };
      const noCsrf = await browser.send({ method: 'POST', url: `${S}/busy`, payload, csrf: false });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().code).toBe('csrf-failed');
      const ok = await browser.send({ method: 'POST', url: `${S}/busy`, payload });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toEqual({ ...payload, version: 1 });
      const listed = await s.as.usaViewer.send({ method: 'GET', url: `${S}/busy/usa-potus-call` });
      expect(listed.json().label).toBe('Call with Washington');
    });

    it("shows a person's agenda with others' private commitments as busy only", async () => {
      const url = `${S}/persons/usa-potus/agenda?limit=200`;
      const own = (await s.as.usaViewer.send({ method: 'GET', url })).json();
      expect(own.items).toContainEqual(
        expect.objectContaining({
          kind: 'private',
          busy: 'usa-potus-prep',
          label: 'Staff time and address preparation',
        }),
      );
      const russian = await s.as.rusPo.send({ method: 'GET', url });
      expect(russian.statusCode).toBe(200);
      expect(russian.json().items).toContainEqual({
        kind: 'busy',
        from: '2017-11-10T02:00:00.000Z',
        to: '2017-11-10T04:30:00.000Z',
      });
      expect(russian.body).not.toMatch(/usa-potus-prep|address preparation|png-usa/);
      const paged = await s.as.rusPo.send({ method: 'GET', url: `${S}/persons/usa-potus/agenda?limit=2` });
      expect(paged.json().items).toEqual(russian.json().items.slice(0, 2));
      const rest = await s.as.rusPo.send({
        method: 'GET',
        url: `${S}/persons/usa-potus/agenda?limit=200&cursor=${paged.json().next}`,
      });
      expect(rest.json().items).toEqual(russian.json().items.slice(2));
      expect((await s.as.rusPo.send({ method: 'GET', url: `${S}/persons/nobody/agenda` })).statusCode).toBe(
        404,
      );
    });

    it('gives the host room utilisation per day and refuses it to delegations', async () => {
      const r = await s.as.hostStaff.send({ method: 'GET', url: `${S}/rooms/utilisation?limit=200` });
      expect(r.statusCode).toBe(200);
      expect(r.json().items).toContainEqual({
        room: 'ariyana-b1',
        date: '2017-11-10',
        availableMinutes: 960,
        bookedMinutes: 75,
        ratio: 75 / 960,
      });
      const refused = await s.as.usaLead.send({ method: 'GET', url: `${S}/rooms/utilisation` });
      expect(refused.statusCode).toBe(403);
    });
  });
});
