// Never stuck, over HTTP: a presence that would break a confirmed meeting answers 409 breaks-meeting,
// naming the meeting and the rule; `?force=true` makes it and flags the meeting; plans are still
// accepted afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

describe.each(BACKENDS)('a write that would break a confirmed meeting, on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(() => s?.dispose());

  /** Every event of the log the host's staff may read, page by page. */
  async function wholeLog(): Promise<{ type: string; payload: { request?: string } }[]> {
    const out: { type: string; payload: { request?: string } }[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await s.as.hostStaff.send({
        method: 'GET',
        url: `${S}/log?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const body = page.json() as { items: typeof out; next: string | null };
      out.push(...body.items);
      cursor = body.next;
    }
    return out;
  }

  /** Putin's record, leaving Da Nang at Saturday noon (before the confirmed rus-vnm at 15:00). */
  async function leavingEarly(): Promise<{ body: object; etag: string }> {
    const read = await s.as.rusPo.send({ method: 'GET', url: `${S}/persons/rus-president` });
    const { version: _, ...person } = read.json() as { version: number };
    const presence = [{ from: '2017-11-10T05:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];
    return { body: { ...person, presence }, etag: read.headers.etag as string };
  }

  it('answers 409 breaks-meeting naming the meeting and the rule, and changes nothing', async () => {
    const { body, etag } = await leavingEarly();
    const r = await s.as.rusPo.send({
      method: 'PUT',
      url: `${S}/persons/rus-president`,
      payload: body,
      headers: { 'if-match': etag },
    });
    expect(r.statusCode, r.body).toBe(409);
    const problem = r.json() as { code: string; detail: string; conflicts: unknown[] };
    expect(problem.code).toBe('breaks-meeting');
    expect(problem.detail).toMatch(/confirmed meeting rus-vnm/);
    expect(problem.conflicts).toContainEqual(
      expect.objectContaining({ request: 'rus-vnm', rule: 'presence' }),
    );
    const again = await s.as.rusPo.send({ method: 'GET', url: `${S}/persons/rus-president` });
    expect(again.headers.etag).toBe(etag);
  });

  it('makes the change with ?force=true and tells both parties;', async () => {
    const { body, etag } = await leavingEarly();
    const r = await s.as.rusPo.send({
      method: 'PUT',
      url: `${S}/persons/rus-president?force=true`,
      payload: body,
      headers: { 'if-match': etag },
    });
    expect(r.statusCode, r.body).toBe(200);
    const events = await wholeLog();
    expect(events.filter((e) => e.type === 'meeting.broken').map((e) => e.payload.request)).toEqual([
      'rus-vnm',
    ]);
  });
});
