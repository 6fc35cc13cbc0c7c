// Search in-process on the APEC demo, on SQLite and PostgreSQL: names, ids and topics find
// requests, meetings, people, rooms and events, in names and with their times, and never what the
// reader may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { errorPaths, startDemoServer, type DemoServer, type RoleName } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

interface Hit {
  kind: string;
  id: string;
  title: string;
  detail: string;
  start: string | null;
  request: string | null;
}

describe.each(BACKENDS)('search on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  const search = async (who: RoleName, q: string, limit = 20): Promise<Hit[]> => {
    const r = await s.as[who].send({
      method: 'GET',
      url: `${S}/search?q=${encodeURIComponent(q)}&limit=${limit}`,
    });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { hits: Hit[] }).hits;
  };

  it('finds a person by name, without accents or case, with title and delegation', async () => {
    const [lavrov] = await search('usaPo', 'LAVROV');
    expect(lavrov).toMatchObject({ kind: 'person', id: 'rus-fm', title: 'Sergey Lavrov' });
    expect(lavrov!.detail).toContain('Russia');
  });

  it('finds requests and meetings by topic, party name and id, with their time and in names', async () => {
    const syria = await search('usaPo', 'syria');
    expect(syria.map((h) => h.id)).toEqual(expect.arrayContaining(['usa-rus', 'usa-rus-fm']));
    for (const h of syria) expect(h.title).not.toMatch(/\b(usa|rus)\b/u);
    const byId = await search('usaPo', 'usa-rus');
    expect(byId[0]).toMatchObject({ id: 'usa-rus', title: 'United States → Russia', request: 'usa-rus' });
    const meetings = (await search('usaPo', 'viet nam')).filter((h) => h.kind === 'meeting');
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) expect(m.start).not.toBeNull();
    expect(meetings.find((m) => m.id === 'usa-vnm')?.title).toBe('Courtesy call: United States – Viet Nam');
  });

  it('finds rooms and programme events', async () => {
    const rooms = await search('hostStaff', 'bilateral room');
    expect(rooms.filter((h) => h.kind === 'room').length).toBeGreaterThan(1);
    const [gala] = (await search('rusPo', 'gala')).filter((h) => h.kind === 'event');
    expect(gala?.title).toMatch(/Gala dinner/u);
    expect(gala?.start).toBe('2017-11-10T12:30:00.000Z');
  });

  it('never finds what the reader may not see, and refuses a stranger and an empty query', async () => {
    // the confidential usa-rus-officials: its parties find it, the host and Japan do not
    expect((await search('usaPo', 'usa-rus-officials')).map((h) => h.id)).toContain('usa-rus-officials');
    for (const who of ['hostStaff', 'jpnPo'] as const) {
      expect(JSON.stringify(await search(who, 'officials'))).not.toContain('usa-rus-officials');
      expect(JSON.stringify(await search(who, 'logistics'))).not.toContain('usa-rus-officials');
    }
    // a request between others that is not announced: not found by Japan
    expect(JSON.stringify(await search('jpnPo', 'usa-rus'))).not.toContain('"usa-rus"');
    expect((await s.as.stranger.send({ method: 'GET', url: `${S}/search?q=syria` })).statusCode).toBe(404);
    const empty = await s.as.usaPo.send({ method: 'GET', url: `${S}/search?q=%20&limit=0` });
    expect(empty.statusCode).toBe(400);
    expect(errorPaths(empty)).toEqual(['querystring.limit', 'querystring.q']);
  });

  it('answers at most the limit, best first', async () => {
    const hits = await search('hostStaff', 'a', 5);
    expect(hits).toHaveLength(5);
  });
});
