// The decision gate over HTTP, on SQLite and PostgreSQL: the US decided "defer" on usa-rus, so its
// acceptance of Russia's condition is 409 decision-blocks until its lead overrides with a reason; the
// override is in the US deliberation, and Russia and the host see neither it nor its event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type Client, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const C3 = `${S}/requests/usa-rus/conditions/c3`;

describe.each(BACKENDS)('the decision gate over HTTP on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  // a condition's ETag is its version, as the request lists it
  const etag = async (as: Client) => {
    const read = await as.send({ method: 'GET', url: `${S}/requests/usa-rus` });
    const c3 = (read.json().conditions as { id: string; version: number }[]).find((c) => c.id === 'c3')!;
    return `"${c3.version}"`;
  };
  const accept = async (as: Client, payload?: Record<string, unknown>) =>
    as.send({
      method: 'POST',
      url: `${C3}/accept`,
      headers: { 'if-match': await etag(as) },
      ...(payload ? { payload } : {}),
    });

  /** Every page of the log the client may read. */
  const wholeLog = async (as: Client) => {
    const items: { type: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await as.send({
        method: 'GET',
        url: `${S}/log?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      });
      expect(page.statusCode, page.body).toBe(200);
      items.push(...page.json().items);
      cursor = page.json().next ?? undefined;
    } while (cursor);
    return items;
  };

  it('answers 409 decision-blocks naming the decision, and 403 to an officer who overrides', async () => {
    const blocked = await accept(s.as.usaPo);
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'decision-blocks' });
    expect(blocked.json().detail).toContain('usa decided "defer" on request usa-rus');
    const officer = await accept(s.as.usaPo, { override: { reason: 'the lead is away' } });
    expect(officer.statusCode).toBe(403);
    const empty = await accept(s.as.usaLead, { override: { reason: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toContain('override.reason');
  });

  it("takes the lead's override and keeps its reason from Russia and the host", async () => {
    const reason = 'Moscow moved on the Syria text overnight';
    const done = await accept(s.as.usaLead, { override: { reason } });
    expect(done.statusCode, done.body).toBe(200);
    const mine = await s.as.usaLead.send({ method: 'GET', url: `${S}/requests/usa-rus/deliberation` });
    expect(mine.json().overrides).toEqual([
      expect.objectContaining({ step: 'accept-condition', outcome: 'defer', reason }),
    ]);
    for (const other of [s.as.rusLead, s.as.hostAdmin]) {
      const log = await wholeLog(other);
      expect(log.length).toBeGreaterThan(0);
      expect(log.some((e) => e.type === 'condition.accepted')).toBe(true); // the step itself is shared
      expect(log.some((e) => e.type === 'decision.overridden')).toBe(false);
      expect(JSON.stringify(log)).not.toContain('overnight');
      const history = await other.send({ method: 'GET', url: `${S}/requests/usa-rus/history` });
      expect(history.body).not.toContain('overnight');
    }
  });
});
