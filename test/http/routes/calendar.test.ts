// Calendar feeds on the APEC demo, on SQLite and PostgreSQL: issued once by the person's delegation or
// the host, read by any calendar client with the URL (parsed here with ical.js), revoked at once, and
// never showing more than the issuer may see.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { setGrants } from '../../../src/app/auth/users.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { suggestSlots } from '../../../src/app/planning/suggest.js';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { errorPaths, startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const SUMMIT = 'apec-2017' as SummitId;
const SYSTEM = { user: 'operator' as UserId, grants: [], system: true };

/** A feed as a calendar client reads it: each event's UID, summary, status and exact instants. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (!zone) throw new Error('the feed has no VTIMEZONE');
  ICAL.TimezoneService.register(zone);
  return {
    zone: zone.getFirstPropertyValue('tzid'),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      const stamp = v.getFirstProperty('dtstamp');
      const start = v.getFirstProperty('dtstart');
      return {
        uid: event.uid,
        summary: event.summary,
        status: String(v.getFirstPropertyValue('status')),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        tzid: start?.getParameter('tzid'),
        stampUtc: String(stamp?.toICALString()).endsWith('Z'),
        location: event.location,
      };
    }),
  };
}

describe.each(BACKENDS)('calendar feeds on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
    const [slot] = await suggestSlots(s.app.deps.app, SYSTEM, SUMMIT, 'usa-rus-officials', { k: 1 });
    await placeMeeting(s.app.deps.app, SYSTEM, SUMMIT, 'usa-rus-officials', {
      start: slot!.start,
      room: slot!.room,
    });
  });
  afterAll(async () => s?.dispose());

  const issue = (client: keyof DemoServer['as'], person: string, headers: Record<string, string> = {}) =>
    s.as[client].send({ method: 'POST', url: `${S}/persons/${person}/calendar-tokens`, headers });
  /** The path of a feed URL, for inject. */
  const pathOf = (url: string) => new URL(url).pathname;

  it("issues a feed of the US President's meetings and programme, in the summit's zone", async () => {
    const issued = await issue('usaViewer', 'usa-potus');
    expect(issued.statusCode, issued.body).toBe(201);
    const { url, id, person } = issued.json() as { url: string; id: string; person: string };
    expect(person).toBe('usa-potus');
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/ical\/slc_[A-Za-z0-9_-]{43}\.ics$/u);
    const feed = await s.anonymous({ method: 'GET', url: pathOf(url) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    // the token is the feed's only credential: the access log shows the path without it
    const secret = /\/ical\/(slc_[^.]+)\.ics/u.exec(url)?.[1] ?? 'no token';
    expect(s.logs.join('\n')).toContain('/ical/[redacted].ics');
    expect(s.logs.join('\n')).not.toContain(secret);
    const { zone, events } = parseFeed(feed.body);
    expect(zone).toBe('Asia/Ho_Chi_Minh');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [
        'meeting-png-usa.apec-2017@sideline',
        'meeting-usa-vnm.apec-2017@sideline',
        'programme-ceo-summit-address-usa.apec-2017@sideline',
        'programme-abac-dialogue.apec-2017@sideline',
        'programme-gala-dinner.apec-2017@sideline',
        'programme-aelm-1.apec-2017@sideline',
        'programme-family-photo.apec-2017@sideline',
        'programme-aelm-retreat.apec-2017@sideline',
      ].sort(),
    );
    // 19:30–22:00 in Da Nang (UTC+7) on 10 November
    expect(byUid.get('programme-gala-dinner.apec-2017@sideline')).toMatchObject({
      start: '2017-11-10T12:30:00.000Z',
      end: '2017-11-10T15:00:00.000Z',
      tzid: 'Asia/Ho_Chi_Minh',
      stampUtc: true,
    });
    expect(byUid.get('meeting-usa-vnm.apec-2017@sideline')).toMatchObject({
      start: '2017-11-10T06:45:00.000Z',
      status: 'CONFIRMED',
      summary: 'Courtesy call: United States – Viet Nam',
      location: 'Bilateral Room 1, Ariyana Convention Centre',
    });
    expect(byUid.get('meeting-png-usa.apec-2017@sideline')?.status).toBe('TENTATIVE');
    expect(events.every((e) => e.stampUtc && e.tzid === 'Asia/Ho_Chi_Minh')).toBe(true);
    const listed = await s.as.usaLead.send({ method: 'GET', url: `${S}/persons/usa-potus/calendar-tokens` });
    expect(listed.json().items).toContainEqual(expect.objectContaining({ id, revokedAt: null }));
    expect(listed.body).not.toContain('slc_');
  });

  it('shows a meeting kept while its request awaits consent, as tentative', async () => {
    // the demo's New Zealand edit sent nzl-chn back for China's consent, its meeting kept
    const issued = await issue('hostStaff', 'chn-president');
    expect(issued.statusCode, issued.body).toBe(201);
    const feed = await s.anonymous({ method: 'GET', url: pathOf((issued.json() as { url: string }).url) });
    const { events } = parseFeed(feed.body);
    expect(events.find((e) => e.uid === 'meeting-nzl-chn.apec-2017@sideline')).toMatchObject({
      start: '2017-11-11T08:30:00.000Z',
      status: 'TENTATIVE',
    });
  });

  it('shows a confidential meeting to a feed its delegation issued, never to one the host issued', async () => {
    const mine = (await issue('usaPo', 'usa-nsa')).json() as { url: string };
    const hosts = (await issue('hostStaff', 'usa-nsa')).json() as { url: string };
    const uid = 'meeting-usa-rus-officials.apec-2017@sideline';
    const ours = parseFeed((await s.anonymous({ method: 'GET', url: pathOf(mine.url) })).body);
    expect(ours.events.map((e) => e.uid)).toContain(uid);
    const host = await s.anonymous({ method: 'GET', url: pathOf(hosts.url) });
    expect(host.statusCode).toBe(200);
    expect(host.body).not.toContain('usa-rus-officials');
  });

  it('revokes a feed at once; a feed also stops when its issuer loses the role', async () => {
    const issued = (await issue('usaLead', 'usa-sos')).json() as { id: string; url: string };
    const url = `${S}/persons/usa-sos/calendar-tokens/${issued.id}`;
    expect((await s.as.rusLead.send({ method: 'DELETE', url })).statusCode).toBe(403);
    expect(
      (
        await s.as.usaLead.send({
          method: 'DELETE',
          url: `${S}/persons/usa-potus/calendar-tokens/${issued.id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await s.anonymous({ method: 'GET', url: pathOf(issued.url) })).statusCode).toBe(200);
    expect((await s.as.usaViewer.send({ method: 'DELETE', url })).statusCode).toBe(204);
    const gone = await s.anonymous({ method: 'GET', url: pathOf(issued.url) });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await s.as.usaViewer.send({ method: 'DELETE', url })).statusCode).toBe(204);

    const other = (await issue('usaPo', 'usa-sos')).json() as { url: string };
    expect((await s.anonymous({ method: 'GET', url: pathOf(other.url) })).statusCode).toBe(200);
    await setGrants(s.store, s.as.usaPo.user, []);
    expect((await s.anonymous({ method: 'GET', url: pathOf(other.url) })).statusCode).toBe(404);
  });

  it('never replays an issue (the URL is a secret): each POST is a new feed', async () => {
    const headers = { 'idempotency-key': `feed-${backend}` };
    const a = await issue('usaLead', 'usa-potus', headers);
    const b = await issue('usaLead', 'usa-potus', headers);
    expect(b.statusCode).toBe(201);
    expect(b.headers[REPLAYED_HEADER]).toBeUndefined();
    expect(b.json().url).not.toBe(a.json().url);
  });

  it('refuses another delegation (403), strangers and unknown persons (404), anonymous callers (401), bad ids (400)', async () => {
    expect((await issue('rusLead', 'usa-potus')).statusCode).toBe(403);
    expect(
      (await s.as.rusLead.send({ method: 'GET', url: `${S}/persons/usa-potus/calendar-tokens` })).statusCode,
    ).toBe(403);
    expect((await issue('stranger', 'usa-potus')).statusCode).toBe(404);
    expect((await issue('usaLead', 'nobody-here')).statusCode).toBe(404);
    expect(
      (await s.anonymous({ method: 'POST', url: `${S}/persons/usa-potus/calendar-tokens` })).statusCode,
    ).toBe(401);
    const bad = await issue('usaLead', 'Not A Person');
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['params.person']);
    for (const file of ['slc_guess.ics', `slc_${'a'.repeat(43)}.ics`, 'feed.txt']) {
      const r = await s.anonymous({ method: 'GET', url: `/ical/${file}` });
      expect(r.statusCode, file).toBe(file.endsWith('.ics') ? 404 : 400);
    }
  });
});
