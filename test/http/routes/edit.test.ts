// Editing a request over HTTP, on SQLite and PostgreSQL: PATCH under If-Match, what each side may
// change, the request rules' codes, a confirmed meeting kept from breaking unless forced, and the
// edit in the request's history for those who see the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type Client, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

describe.each(BACKENDS)('editing a request over HTTP on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  const etag = async (as: Client, id: string) =>
    (await as.send({ method: 'GET', url: `${S}/requests/${id}` })).headers.etag as string;
  const patch = (as: Client, id: string, payload: Record<string, unknown>, ifMatch?: string) =>
    as.send({
      method: 'PATCH',
      url: `${S}/requests/${id}`,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      payload,
    });

  it('needs If-Match, answers the edited request and its meeting, and refuses a stale copy', async () => {
    expect((await patch(s.as.usaPo, 'usa-rus', { priority: 5 })).statusCode).toBe(428);
    const v = await etag(s.as.usaPo, 'usa-rus');
    const r = await patch(s.as.usaPo, 'usa-rus', { priority: 5, topics: ['syria', 'dprk'] }, v);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ request: { priority: 5, topics: ['syria', 'dprk'] }, meeting: null });
    expect(r.headers.etag).not.toBe(v);
    expect((await patch(s.as.usaPo, 'usa-rus', { priority: 1 }, v)).statusCode).toBe(412);
  });

  it('lets Russia change its own attendees of a US request, and nothing else (403 forbidden)', async () => {
    const v = await etag(s.as.rusPo, 'usa-rus');
    const minutes = await patch(s.as.rusPo, 'usa-rus', { minutes: 30 }, v);
    expect(minutes.statusCode).toBe(403);
    expect(minutes.json()).toMatchObject({ code: 'forbidden' });
    expect(minutes.json().detail).toContain('a counterpart changes only its own attendees, not minutes');
    const own = await patch(
      s.as.rusPo,
      'usa-rus',
      { attendees: ['usa-potus', 'usa-sos', 'rus-president', 'rus-fm', 'rus-aide'] },
      v,
    );
    expect(own.statusCode, own.body).toBe(200);
    // the US request as it stood was accepted by the US alone: that acceptance is withdrawn
    expect(own.json().request.acceptedBy).toEqual([]);
    const history = await s.as.hostAdmin.send({
      method: 'GET',
      url: `${S}/requests/usa-rus/history?limit=200`,
    });
    const edited = (history.json().items as { type: string; payload: Record<string, unknown> }[]).filter(
      (e) => e.type === 'request.edited',
    );
    expect(edited.at(-1)?.payload).toMatchObject({
      by: 'rus',
      changed: ['attendees'],
      before: { attendees: ['usa-potus', 'usa-sos', 'rus-president', 'rus-fm'] },
      after: { attendees: ['usa-potus', 'usa-sos', 'rus-president', 'rus-fm', 'rus-aide'] },
      reconsent: true,
    });
    expect((await patch(s.as.jpnPo, 'usa-rus', { priority: 1 }, v)).statusCode).toBe(404);
  });

  it('answers the request rules with their codes', async () => {
    const v = await etag(s.as.usaPo, 'usa-rus-fm');
    const r = await patch(
      s.as.usaPo,
      'usa-rus-fm',
      { minutes: 20, attendees: ['usa-sos', 'rus-fm', 'usa-sos'] },
      v,
    );
    expect(r.statusCode).toBe(400);
    expect((r.json().errors as { code: string }[]).map((e) => e.code)).toEqual([
      'minutes-off-grain',
      'repeated-attendee',
    ]);
  });

  it('refuses to break the pinned, confirmed jpn-rus meeting (409 meeting-would-break) unless forced', async () => {
    const v = await etag(s.as.jpnPo, 'jpn-rus');
    // two hours from 18:15 run into the gala dinner at 19:30
    const refused = await patch(s.as.jpnPo, 'jpn-rus', { minutes: 120 }, v);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'meeting-would-break' });
    expect(refused.json().detail).toMatch(/jpn-rus, which is pinned/);
    const forced = await patch(s.as.jpnPo, 'jpn-rus', { minutes: 120, force: true }, v);
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json()).toMatchObject({ request: { status: 'under-consideration' }, meeting: null });
  });
});
