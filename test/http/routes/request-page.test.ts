// The request page's one read, in-process on the APEC demo on SQLite and PostgreSQL: it answers what
// the separate reads answer for the same reader, no more (the host gets no thread or deliberation,
// a stranger to a confidential request a 404), and names every account it mentions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type DemoServer, type RoleName } from './demo-server.testkit.js';

const R = '/api/summits/apec-2017/requests';

describe.each(BACKENDS)('the request page on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  const get = async (who: RoleName, url: string) => {
    const r = await s.as[who].send({ method: 'GET', url });
    return {
      status: r.statusCode,
      body: r.statusCode === 200 ? (r.json() as Record<string, unknown>) : null,
    };
  };
  const items = (body: Record<string, unknown> | null) => (body as { items: unknown[] }).items;

  it('answers a party what its separate reads answer, with the names of the users who acted', async () => {
    for (const who of ['usaPo', 'rusPo', 'usaAdviser'] as const) {
      const page = await get(who, `${R}/usa-rus/page`);
      expect(page.status).toBe(200);
      const body = page.body as Record<string, unknown>;
      expect(body.view).toEqual((await get(who, `${R}/usa-rus`)).body);
      expect(body.thread).toEqual(items((await get(who, `${R}/usa-rus/thread`)).body));
      expect(body.history).toEqual(items((await get(who, `${R}/usa-rus/history`)).body));
      expect(body.deliberation).toEqual((await get(who, `${R}/usa-rus/deliberation`)).body);
      expect(body.publicLines).toEqual(items((await get(who, `${R}/usa-rus/public-lines`)).body));
      // the gala dinner and the family photo: the two presidents meet anyway
      expect(body.encounterLikely).toBe(true);
    }
    // a message posted now: its author is named (the demo's own accounts are not made in these tests)
    const posted = await s.as.usaPo.send({
      method: 'POST',
      url: `${R}/usa-rus/thread`,
      payload: { text: 'Names, not ids.' },
    });
    expect(posted.statusCode).toBe(201);
    const us = (await get('usaPo', `${R}/usa-rus/page`)).body as {
      history: { actor: string }[];
      thread: { author: string }[];
      names: { users: { id: string; name: string }[]; persons: { delegation: string }[] };
    };
    expect(us.history.some((e) => e.actor === s.as.usaPo.user)).toBe(true);
    expect(us.thread.some((m) => m.author === s.as.usaPo.user)).toBe(true);
    const author = us.names.users.find((u) => u.id === s.as.usaPo.user);
    expect(author?.name).toMatch(/^User \d+$/u);
    expect(new Set(us.names.persons.map((p) => p.delegation))).toEqual(new Set(['usa', 'rus']));
  });

  it("never shows one party the other party's deliberation", async () => {
    const us = (await get('usaPo', `${R}/usa-rus/page`)).body as { deliberation: { delegation: string } };
    const ru = (await get('rusPo', `${R}/usa-rus/page`)).body as { deliberation: { delegation: string } };
    expect(us.deliberation.delegation).toBe('usa');
    expect(ru.deliberation.delegation).toBe('rus');
    expect(JSON.stringify(ru)).not.toContain('Worth the cost of awkward optics');
  });

  it('gives the host the request and its history, but no thread, deliberation or encounter', async () => {
    const page = await get('hostStaff', `${R}/usa-rus/page`);
    expect(page.status).toBe(200);
    const body = page.body as Record<string, unknown>;
    expect(body.thread).toBeNull();
    expect(body.deliberation).toBeNull();
    expect(body.encounterLikely).toBeNull();
    expect(body.history).toEqual(items((await get('hostStaff', `${R}/usa-rus/history`)).body));
    expect(JSON.stringify(body)).not.toMatch(
      /position\.recorded|decision\.taken|Consultations are continuing/u,
    );
  });

  it('is not found for whoever may not see the request, as the request itself is', async () => {
    expect((await get('jpnPo', `${R}/usa-rus/page`)).status).toBe(404);
    expect((await get('hostStaff', `${R}/usa-rus-officials/page`)).status).toBe(404);
    expect((await get('stranger', `${R}/usa-rus/page`)).status).toBe(404);
    expect((await get('usaPo', `${R}/no-such-request/page`)).status).toBe(404);
    expect((await s.anonymous({ method: 'GET', url: `${R}/usa-rus/page` })).statusCode).toBe(401);
  });
});
