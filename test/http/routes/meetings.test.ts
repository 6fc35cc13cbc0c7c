// Meeting routes in-process on the APEC demo, on SQLite and PostgreSQL: the calendar as each reader
// may see it, placing and moving under If-Match / If-None-Match, refusals that name the rule,
// pinning, confirming and announcing, the live check, suggestions and what-if.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { suggestSlots } from '../../../src/app/planning/suggest.js';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { errorPaths, startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const R = `${S}/requests`;
const SYSTEM = { user: 'operator' as UserId, grants: [], system: true };
/** 10 Nov 20:00 in Da Nang: the gala dinner, which every principal attends. */
const GALA = { start: '2017-11-10T13:00:00.000Z', room: 'ariyana-b1' };

interface Entry {
  kind: 'meeting' | 'busy';
  request?: string;
  person?: string | null;
  room?: string | null;
  start: string;
}

describe.each(BACKENDS)('meeting routes on %s', (backend) => {
  let s: DemoServer;
  /** Where the confidential usa-rus-officials was placed. */
  let hidden: { start: string; room: string | null };
  /** The best free slot for usa-rus-fm, before the tests place anything. */
  let FREE: { start: string; room: string | null };

  beforeAll(async () => {
    s = await startDemoServer(backend);
    const ctx = s.app.deps.app;
    const summit = 'apec-2017' as SummitId;
    const [slot] = await suggestSlots(ctx, SYSTEM, summit, 'usa-rus-officials', { k: 1 });
    if (!slot) throw new Error('the demo has a free slot for usa-rus-officials');
    hidden = { start: slot.start, room: slot.room };
    await placeMeeting(ctx, SYSTEM, summit, 'usa-rus-officials', hidden);
    const [free] = await suggestSlots(ctx, SYSTEM, summit, 'usa-rus-fm', { k: 1 });
    if (!free?.preferred) throw new Error('the demo has a preferred free slot for usa-rus-fm');
    FREE = { start: free.start, room: free.room };
  });
  afterAll(async () => s?.dispose());

  const all = async (client: keyof DemoServer['as'], query = ''): Promise<Entry[]> => {
    const out: Entry[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${S}/meetings?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await s.as[client].send({ method: 'GET', url });
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { items: Entry[]; next: string | null };
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  };

  describe('the calendar', () => {
    it("shows a delegation its own meetings in full and others' unannounced ones only as busy", async () => {
      const usa = await all('usaViewer');
      const ids = usa.filter((e) => e.kind === 'meeting').map((e) => e.request);
      expect(ids).toEqual(expect.arrayContaining(['png-usa', 'usa-rus-officials', 'usa-vnm', 'kor-chn']));
      // kor-rus is scheduled, not announced: the US sees its attendees busy, nothing more
      expect(ids).not.toContain('kor-rus');
      const korRus = usa.filter((e) => e.kind === 'busy' && e.start === '2017-11-10T07:00:00.000Z');
      expect(korRus.map((e) => e.person).sort()).toEqual([
        'kor-fm',
        'kor-president',
        'rus-fm',
        'rus-president',
      ]);
      expect(korRus.every((e) => e.room === null && !('request' in e))).toBe(true);
      expect(JSON.stringify(usa)).not.toContain('kor-rus');
      // sorted by start across pages
      const starts = usa.map((e) => e.start);
      expect([...starts].sort()).toEqual(starts);
    });

    it('shows the host non-confidential meetings, and a confidential one only as busy time and room', async () => {
      const entries = await all('hostStaff');
      expect(entries.some((e) => e.request === 'kor-rus')).toBe(true);
      expect(JSON.stringify(entries)).not.toContain('usa-rus-officials');
      const at = entries.filter((e) => e.kind === 'busy' && e.start === hidden.start);
      expect(at.map((e) => e.person ?? `room ${e.room}`).sort()).toEqual(
        [`room ${hidden.room}`, 'rus-aide', 'usa-nsa'].sort(),
      );
      const china = await all('jpnPo');
      expect(JSON.stringify(china)).not.toContain('usa-rus-officials');
      // a delegation is not told which room a meeting it may not read books
      expect(china.filter((e) => e.kind === 'busy').every((e) => e.room === null)).toBe(true);
    });

    it('filters by person, room and time', async () => {
      const nsa = await all('hostStaff', '&person=usa-nsa');
      expect(nsa.filter((e) => e.kind === 'busy')).toEqual([
        { kind: 'busy', start: hidden.start, end: expect.any(String), person: 'usa-nsa', room: null },
      ]);
      const seen = nsa.filter((e) => e.kind === 'meeting') as unknown as { attendees: string[] }[];
      expect(seen.every((m) => m.attendees.includes('usa-nsa'))).toBe(true);
      expect(JSON.stringify(nsa)).not.toContain('usa-rus-officials');
      const room = await all('hostStaff', '&room=ariyana-b2');
      expect(room.length).toBeGreaterThan(0);
      expect(room.every((e) => e.room === 'ariyana-b2')).toBe(true);
      const day = await all('usaViewer', '&from=2017-11-11T00:00:00.000Z&to=2017-11-11T17:00:00.000Z');
      expect(day.length).toBeGreaterThan(0);
      expect(
        day.every((e) => e.start >= '2017-11-10T23:00:00.000Z' && e.start < '2017-11-11T17:00:00.000Z'),
      ).toBe(true);
    });

    it('refuses a stranger (404), no credentials (401) and bad filters naming each (400)', async () => {
      expect((await s.as.stranger.send({ method: 'GET', url: `${S}/meetings` })).statusCode).toBe(404);
      expect((await s.anonymous({ method: 'GET', url: `${S}/meetings` })).statusCode).toBe(401);
      const bad = await s.as.usaViewer.send({ method: 'GET', url: `${S}/meetings?from=tomorrow&room=B%201` });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['querystring.from', 'querystring.room']);
    });
  });

  describe('placing and moving', () => {
    const put = (
      client: keyof DemoServer['as'],
      request: string,
      body: unknown,
      headers: Record<string, string>,
    ) =>
      s.as[client].send({ method: 'PUT', url: `${R}/${request}/meeting`, payload: body as object, headers });

    it('places with If-None-Match: *, moves with If-Match, and refuses a stale or missing precondition', async () => {
      expect((await put('hostStaff', 'usa-rus-fm', FREE, {})).statusCode).toBe(428);
      const placed = await put('hostStaff', 'usa-rus-fm', FREE, { 'if-none-match': '*' });
      expect(placed.statusCode, placed.body).toBe(201);
      expect(placed.json()).toMatchObject({
        request: 'usa-rus-fm',
        start: FREE.start,
        end: new Date(Date.parse(FREE.start) + 30 * 60_000).toISOString(),
        room: FREE.room,
      });
      expect(placed.headers.etag).toBe('"1"');
      const request = await s.as.usaPo.send({ method: 'GET', url: `${R}/usa-rus-fm` });
      expect(request.json().request.status).toBe('scheduled');

      const again = await put('hostStaff', 'usa-rus-fm', FREE, { 'if-none-match': '*' });
      expect(again.statusCode).toBe(412);
      const suggested = await s.as.hostStaff.send({ method: 'GET', url: `${R}/usa-rus-fm/suggestions?k=2` });
      const other = (suggested.json() as { suggestions: { start: string; room: string }[] }).suggestions.find(
        (x) => x.start !== FREE.start,
      );
      const later = { start: other!.start, room: other!.room };
      const moved = await put('hostStaff', 'usa-rus-fm', later, { 'if-match': '"1"' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.headers.etag).toBe('"2"');
      const stale = await put('hostStaff', 'usa-rus-fm', FREE, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('stale-version');
    });

    it('refuses a placement onto a programme event, naming the rule, the person and the event (409)', async () => {
      const r = await put('hostStaff', 'rus-phl', GALA, { 'if-none-match': '*' });
      expect(r.statusCode).toBe(409);
      const problem = r.json();
      expect(problem.code).toBe('placement-conflict');
      expect(problem.detail).toMatch(/person-overlap: rus-president in rus-phl .*programme gala-dinner/);
      expect(problem.detail).toMatch(/phl-president in rus-phl .*programme gala-dinner/);
      const request = await s.as.hostStaff.send({ method: 'GET', url: `${R}/rus-phl` });
      expect(request.json().request.status).toBe('agreed');
    });

    it("names another delegation's private commitment without saying what it is", async () => {
      // chn-president's busy block "chn-president-arrival" on 10 Nov from 10:00
      const r = await put(
        'hostStaff',
        'chn-phl',
        { start: '2017-11-10T03:15:00.000Z', room: 'ariyana-b2' },
        {
          'if-none-match': '*',
        },
      );
      expect(r.statusCode).toBe(409);
      expect(r.json().detail).toContain('a private commitment');
      expect(r.body).not.toContain('chn-president-arrival');
    });

    it('refuses delegations (403), hides confidential requests from the host (404), and lists bad input (400)', async () => {
      expect((await put('usaPo', 'usa-rus-fm', FREE, { 'if-match': '"2"' })).statusCode).toBe(403);
      const confidential = await put('hostAdmin', 'usa-rus-officials', FREE, { 'if-match': '"1"' });
      expect(confidential.statusCode).toBe(404);
      expect(confidential.body).not.toContain(hidden.start);
      const bad = await put(
        'hostStaff',
        'usa-rus-fm',
        { start: 'tomorrow', room: 7, extra: 1 },
        { 'if-match': '"2"' },
      );
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['body', 'body.room', 'body.start']);
      expect(
        (await s.anonymous({ method: 'PUT', url: `${R}/usa-rus-fm/meeting`, payload: FREE })).statusCode,
      ).toBe(401);
    });

    it('pins (a pinned meeting will not move), replays a pin sent twice with one Idempotency-Key, unpins', async () => {
      const pin = () =>
        s.as.hostStaff.send({
          method: 'POST',
          url: `${R}/usa-rus-fm/meeting/pin`,
          headers: { 'if-match': '"2"', 'idempotency-key': 'pin-usa-rus-fm' },
        });
      const first = await pin();
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ pinned: true, version: 3 });
      const replay = await pin();
      expect(replay.statusCode).toBe(200);
      expect(replay.headers[REPLAYED_HEADER]).toBe('true');
      expect(replay.json()).toEqual(first.json());
      const blocked = await put('hostStaff', 'usa-rus-fm', FREE, { 'if-match': '"3"' });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe('meeting-pinned');
      const noMatch = await s.as.hostStaff.send({ method: 'POST', url: `${R}/usa-rus-fm/meeting/unpin` });
      expect(noMatch.statusCode).toBe(428);
      const unpinned = await s.as.hostStaff.send({
        method: 'POST',
        url: `${R}/usa-rus-fm/meeting/unpin`,
        headers: { 'if-match': '"3"' },
      });
      expect(unpinned.json()).toMatchObject({ pinned: false, version: 4 });
    });

    it('takes a meeting off the calendar under If-Match; the request is agreed again', async () => {
      const url = `${R}/usa-rus-fm/meeting`;
      expect((await s.as.hostStaff.send({ method: 'DELETE', url })).statusCode).toBe(428);
      expect(
        (await s.as.hostStaff.send({ method: 'DELETE', url, headers: { 'if-match': '"3"' } })).statusCode,
      ).toBe(412);
      const removed = await s.as.hostStaff.send({ method: 'DELETE', url, headers: { 'if-match': '"4"' } });
      expect(removed.statusCode).toBe(204);
      const request = await s.as.usaPo.send({ method: 'GET', url: `${R}/usa-rus-fm` });
      expect(request.json()).toMatchObject({ request: { status: 'agreed' }, meeting: null });
      expect(
        (await s.as.hostStaff.send({ method: 'DELETE', url, headers: { 'if-match': '"4"' } })).statusCode,
      ).toBe(404);
    });
  });

  describe('confirming and announcing', () => {
    it('lets each party accept the slot; others are refused', async () => {
      const meeting = (await s.as.usaPo.send({ method: 'GET', url: `${R}/png-usa` })).json().meeting;
      const url = `${R}/png-usa/meeting/confirm`;
      const headers = { 'if-match': `"${meeting.version}"` };
      expect((await s.as.rusPo.send({ method: 'POST', url, headers })).statusCode).toBe(404);
      expect((await s.as.usaViewer.send({ method: 'POST', url, headers })).statusCode).toBe(403);
      expect((await s.as.hostStaff.send({ method: 'POST', url, headers })).statusCode).toBe(403);
      const confirmed = await s.as.usaPo.send({ method: 'POST', url, headers });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json().meeting.confirmedBy).toEqual(['usa']);
      expect(confirmed.json().request.status).toBe('scheduled'); // Papua New Guinea has not accepted yet
      expect(confirmed.headers.etag).toBe(`"${meeting.version + 1}"`);
      const twice = await s.as.usaPo.send({
        method: 'POST',
        url,
        headers: { 'if-match': `"${meeting.version + 1}"` },
      });
      expect(twice.statusCode).toBe(409);
    });

    it('announces a confirmed meeting once; an unconfirmed one cannot be', async () => {
      const meeting = (await s.as.jpnPo.send({ method: 'GET', url: `${R}/jpn-chn` })).json().meeting;
      const url = `${R}/jpn-chn/meeting/announce`;
      const announced = await s.as.jpnPo.send({
        method: 'POST',
        url,
        headers: { 'if-match': `"${meeting.version}"` },
      });
      expect(announced.statusCode, announced.body).toBe(200);
      expect(announced.json().announced).toBe(true);
      const twice = await s.as.jpnPo.send({
        method: 'POST',
        url,
        headers: { 'if-match': `"${meeting.version + 1}"` },
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('already-announced');
      const png = (await s.as.usaPo.send({ method: 'GET', url: `${R}/png-usa` })).json().meeting;
      const early = await s.as.usaPo.send({
        method: 'POST',
        url: `${R}/png-usa/meeting/announce`,
        headers: { 'if-match': `"${png.version}"` },
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('not-confirmed');
      // now every participant reads jpn-chn in full
      const usa = await all('usaViewer');
      expect(usa.some((e) => e.request === 'jpn-chn')).toBe(true);
    });
  });

  describe('the live check, suggestions and what-if', () => {
    const check = (client: keyof DemoServer['as'], request: string, body: unknown) =>
      s.as[client].send({ method: 'POST', url: `${R}/${request}/meeting/check`, payload: body as object });

    it('checks a slot without writing: ok, or every violation by rule', async () => {
      const ok = await check('hostStaff', 'usa-rus-fm', FREE);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ ok: true, violations: [] });
      const gala = await check('hostStaff', 'rus-phl', GALA);
      const v = gala.json();
      expect(v.ok).toBe(false);
      expect(v.violations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'person-overlap', person: 'rus-president', requests: ['rus-phl'] }),
        ]),
      );
      // and says it in words, by name, for people
      const putin = (v.violations as { rule: string; title: string; detail: string }[]).find(
        (x) => x.rule === 'person-overlap',
      )!;
      expect(putin.title).toBe('Vladimir Putin is already busy then');
      expect(putin.detail).toMatch(
        /^Vladimir Putin in Russia – The Philippines \(10 Nov 20:00–20:30\) and “Gala dinner/u,
      );
      expect(putin.detail).not.toMatch(/rus-president|rus-phl|gala/u);
      const request = await s.as.hostStaff.send({ method: 'GET', url: `${R}/rus-phl` });
      expect(request.json().meeting).toBeNull();
      // a hidden meeting in the way is named as a private engagement
      const clash = await check('hostStaff', 'usa-rus-fm', { start: hidden.start, room: hidden.room });
      expect(clash.body).not.toContain('usa-rus-officials');
      // just before usa-sos's private preparation (at the Hyatt): neither what nor where it is shows
      const travel = await check('hostStaff', 'usa-rus-fm', {
        start: '2017-11-10T02:30:00.000Z',
        room: 'ariyana-b1',
      });
      expect(travel.body).toContain('a private commitment (10 Nov 10:00–11:00)');
      expect(travel.body).not.toMatch(/hyatt|usa-sos-prep|Bilateral preparation|needs \d+ travel/u);
      const words = (travel.json().violations as { detail: string }[]).map((x) => x.detail).join(' ');
      expect(words).toContain('Rex Tillerson');
      expect(words).not.toMatch(/Hyatt|preparation|usa-sos/u);
      expect((await check('usaPo', 'usa-rus-fm', FREE)).statusCode).toBe(403);
      expect((await check('hostStaff', 'usa-rus-officials', FREE)).statusCode).toBe(404);
      const bad = await check('hostStaff', 'usa-rus-fm', { start: '2017-11-10' });
      expect(errorPaths(bad)).toEqual(['body.start']);
    });

    it('suggests free slots inside the allowed windows, preferred ones first', async () => {
      const r = await s.as.hostStaff.send({ method: 'GET', url: `${R}/usa-rus-fm/suggestions?k=3` });
      expect(r.statusCode, r.body).toBe(200);
      const { suggestions } = r.json() as {
        suggestions: { start: string; preferred: boolean; room: string }[];
      };
      expect(suggestions).toHaveLength(3);
      expect(suggestions[0]!.preferred).toBe(true);
      for (const x of suggestions) expect(x.start >= '2017-11-10T05:00:00.000Z').toBe(true);
      // each suggestion passes the live check
      for (const x of suggestions) {
        expect((await check('hostStaff', 'usa-rus-fm', { start: x.start, room: x.room })).json().ok).toBe(
          true,
        );
      }
      const usa = await s.as.usaViewer.send({ method: 'GET', url: `${R}/usa-rus-fm/suggestions` });
      expect(usa.json().suggestions).toHaveLength(5);
      expect((await s.as.jpnPo.send({ method: 'GET', url: `${R}/usa-rus-fm/suggestions` })).statusCode).toBe(
        404,
      );
      // nearest to where a meeting was dropped first, each still passing the check
      const near = '2017-11-11T02:00:00.000Z';
      const nearest = await s.as.hostStaff.send({
        method: 'GET',
        url: `${R}/usa-rus-fm/suggestions?k=3&near=${near}`,
      });
      const around = (nearest.json() as { suggestions: { start: string; room: string }[] }).suggestions;
      expect(around).toHaveLength(3);
      const gap = (x: { start: string }) => Math.abs(Date.parse(x.start) - Date.parse(near));
      expect(around.map(gap)).toEqual([...around.map(gap)].sort((a, b) => a - b));
      expect(gap(around[0]!)).toBeLessThan(gap(suggestions[0]!));
      for (const x of around) {
        expect((await check('hostStaff', 'usa-rus-fm', { start: x.start, room: x.room })).json().ok).toBe(
          true,
        );
      }
      const bad = await s.as.hostStaff.send({
        method: 'GET',
        url: `${R}/usa-rus-fm/suggestions?k=0&near=tomorrow`,
      });
      expect(errorPaths(bad)).toEqual(['querystring.k', 'querystring.near']);
    });

    it('answers what-if for a named blocker, and will not discuss a meeting the asker may not see', async () => {
      const ask = (client: keyof DemoServer['as'], blocker: unknown) =>
        s.as[client].send({ method: 'POST', url: `${R}/rus-phl/what-if`, payload: { blocker } as object });
      const gala = {
        kind: 'programme',
        person: 'rus-president',
        event: 'gala-dinner',
        title: 'Gala dinner',
        from: '2017-11-10T12:30:00.000Z',
        to: '2017-11-10T15:00:00.000Z',
      };
      const r = await ask('hostStaff', gala);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ blocker: gala, assumption: 'rus-president skips Gala dinner' });
      expect(r.json().slot).toMatchObject({ request: 'rus-phl' });
      const hiddenBlocker = {
        kind: 'meeting',
        person: 'rus-aide',
        request: 'usa-rus-officials',
        from: hidden.start,
        to: hidden.start,
      };
      expect((await ask('hostStaff', hiddenBlocker)).statusCode).toBe(404);
      const bad = await ask('hostStaff', { kind: 'programme', person: 'rus-president' });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(
        expect.arrayContaining([
          'body.blocker.event',
          'body.blocker.from',
          'body.blocker.title',
          'body.blocker.to',
        ]),
      );
      expect((await ask('jpnPo', gala)).statusCode).toBe(404);
    });
  });
});
