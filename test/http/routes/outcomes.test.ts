// What happened at meetings over HTTP, on SQLite and PostgreSQL: the hold transition a request offers
// works (it answered 400 "Invalid discriminator value" although `allowed` listed it), every
// transition `allowed` offers is one the transitions route takes, outcomes are recorded and
// corrected under If-Match, and the attendance report counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type Client, type DemoServer, type RoleName } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

/** A body the transitions route takes for each name a request may offer. */
const BODIES: Record<string, Record<string, unknown>> = {
  downgrade: { name: 'downgrade', to: 'encounter' },
  miss: { name: 'miss', outcome: 'no-show', by: ['usa'] },
};

describe.each(BACKENDS)('meeting outcomes over HTTP on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  const read = async (as: Client, request: string) => {
    const r = await as.send({ method: 'GET', url: `${S}/requests/${request}` });
    expect(r.statusCode).toBe(200);
    return { view: r.json() as { allowed: string[]; request: { status: string } }, etag: r.headers.etag! };
  };

  it('takes the hold transition that usa-vnm offers once its meeting started', async () => {
    const { view, etag } = await read(s.as.usaPo, 'usa-vnm');
    expect(view.allowed).toContain('hold');
    const r = await s.as.usaPo.send({
      method: 'POST',
      url: `${S}/requests/usa-vnm/transitions`,
      headers: { 'if-match': etag },
      payload: { name: 'hold' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: 'usa-vnm', status: 'held' });
    const after = await s.as.hostStaff.send({ method: 'GET', url: `${S}/requests/usa-vnm` });
    expect(after.json().meeting.outcome).toMatchObject({ kind: 'held', lateMinutes: null, by: [] });
  });

  it('offers only transitions the transitions route takes, for every role and request it shows', async () => {
    const roles: RoleName[] = ['usaLead', 'usaPo', 'rusPo', 'jpnPo', 'hostAdmin', 'hostStaff'];
    let offered = 0;
    for (const role of roles) {
      const list = await s.as[role].send({ method: 'GET', url: `${S}/requests?limit=200` });
      for (const { id } of list.json().items as { id: string }[]) {
        const { view } = await read(s.as[role], id);
        for (const name of view.allowed) {
          offered += 1;
          // a stale If-Match: the route must get past its body schema to the version check
          const r = await s.as[role].send({
            method: 'POST',
            url: `${S}/requests/${id}/transitions`,
            headers: { 'if-match': '"99999"' },
            payload: BODIES[name] ?? { name },
          });
          expect(r.statusCode, `${role} ${id} ${name}: ${r.body}`).toBe(412);
        }
      }
    }
    expect(offered).toBeGreaterThan(20);
  }, 120_000);

  it('records and corrects an outcome under If-Match, and refuses one without it', async () => {
    const meetingEtag = async () =>
      (await s.as.rusPo.send({ method: 'GET', url: `${S}/requests/chn-rus` })).json().meeting.version;
    const url = `${S}/requests/chn-rus/meeting/outcome`;
    const none = await s.as.rusPo.send({ method: 'PUT', url, payload: { kind: 'held' } });
    expect(none.statusCode).toBe(428);
    const v = await meetingEtag();
    const late = await s.as.rusPo.send({
      method: 'PUT',
      url,
      headers: { 'if-match': `"${v}"` },
      payload: { kind: 'held-late', lateMinutes: 15, by: ['chn'] },
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.headers.etag).toBe(`"${v + 1}"`);
    expect(late.json().request.status).toBe('held');
    const stale = await s.as.hostStaff.send({
      method: 'PUT',
      url,
      headers: { 'if-match': `"${v}"` },
      payload: { kind: 'no-show', by: ['chn'] },
    });
    expect(stale.statusCode).toBe(412);
    const bad = await s.as.hostStaff.send({
      method: 'PUT',
      url,
      headers: { 'if-match': `"${v + 1}"` },
      payload: { kind: 'no-show', by: ['usa'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'by[0]', message: 'usa is not a party of this request (chn, rus)' }),
    ]);
    const stranger = await s.as.jpnPo.send({
      method: 'PUT',
      url,
      headers: { 'if-match': `"${v + 1}"` },
      payload: { kind: 'held' },
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('reports attendance per delegation to the host, and nothing to a stranger', async () => {
    const r = await s.as.hostAdmin.send({ method: 'GET', url: `${S}/reports/attendance` });
    expect(r.statusCode).toBe(200);
    const report = r.json() as {
      delegations: { delegation: string; heldLate: number; late: number; lateMinutes: number }[];
    };
    // the demo's aus-chn-trade (China 15 minutes late) and chn-rus, recorded above (the same)
    expect(report.delegations.find((d) => d.delegation === 'chn')).toMatchObject({
      heldLate: 2,
      late: 2,
      lateMinutes: 30,
    });
    const stranger = await s.as.stranger.send({ method: 'GET', url: `${S}/reports/attendance` });
    expect(stranger.statusCode).toBe(404);
  });
});
