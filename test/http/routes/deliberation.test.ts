// Deliberation and public-line routes on the APEC demo, on SQLite and PostgreSQL, and the privacy of
// the US deliberation on meeting Russia across every summit route: Russia and the host never read it.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { errorPaths, startDemoServer, type Client, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const R = `${S}/requests/usa-rus`;

/** Words only the US deliberation and the US draft line hold. */
const US_PRIVATE = [
  'Worth the cost of awkward optics',
  'Russia experts, National Security Council',
  'No formal meeting unless Moscow agrees',
  'bump into each other',
  'Moscow has not answered', // added by these tests
];

/** Every GET of these routes whose answer could carry the US deliberation or draft line. */
const READS = [
  `${S}/requests?topic=syria`,
  R,
  `${R}/history?limit=200`,
  `${R}/thread`,
  `${R}/public-lines`,
  `${R}/deliberation`,
  `${R}/deliberation?delegation=usa`,
  `${S}/persons/usa-potus/agenda?limit=200`,
  `${S}/encounters?a=usa&b=rus`,
  `${S}/export?format=json`,
  `${S}/export?format=yaml`,
  `${S}/meetings.csv`,
  `${S}/busy?limit=200`,
];

/** Reads every page of the log as `client`. */
async function wholeLog(client: Client): Promise<LightMyRequestResponse[]> {
  const pages: LightMyRequestResponse[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.send({
      method: 'GET',
      url: `${S}/log?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
    });
    pages.push(page);
    cursor = (page.json() as { next: string | null }).next;
  } while (cursor !== null);
  return pages;
}

/** Asserts that nothing `client` can read mentions the US deliberation or draft line. */
async function expectNoUsPrivacyLeak(client: Client, party: boolean): Promise<void> {
  const log = await wholeLog(client);
  const answers: (readonly [string, LightMyRequestResponse])[] = [
    ...(await Promise.all(
      READS.map(async (url) => [url, await client.send({ method: 'GET', url })] as const),
    )),
    ...log.map((page, i) => [`log page ${i}`, page] as const),
  ];
  for (const [url, answer] of answers) {
    // a party reads its own deliberation; the US one, or any for the host, is "not found", never
    // "forbidden", so its existence does not leak; the thread is the parties' alone
    const own = party && url.endsWith('/deliberation');
    const expected =
      url.includes('/deliberation') && !own ? 404 : url.endsWith('/thread') && !party ? 403 : 200;
    expect(answer.statusCode, url).toBe(expected);
    for (const words of US_PRIVATE) expect(answer.body, url).not.toContain(words);
    expect(answer.body, url).not.toMatch(/"claim":"no-meeting"[^}]*"published":false/);
  }
  const events = log.flatMap(
    (p) => (p.json() as { items: { type: string; scope: { kind: string; delegation?: string } }[] }).items,
  );
  expect(events.length).toBeGreaterThan(0);
  expect(events.filter((e) => e.scope.kind === 'delegation' && e.scope.delegation === 'usa')).toEqual([]);
  expect(events.filter((e) => e.type === 'public-line.published').length).toBeGreaterThan(0);
}

describe.each(BACKENDS)('deliberation and public-line routes on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(async () => s?.dispose());

  it('never shows Russia or the host the US deliberation or the US draft line, through any route', async () => {
    for (const client of [s.as.rusLead, s.as.rusPo]) await expectNoUsPrivacyLeak(client, true);
    for (const client of [s.as.hostAdmin, s.as.hostStaff]) await expectNoUsPrivacyLeak(client, false);
  });

  it('would see a leak: the same sweep finds the US words when the US itself reads', async () => {
    await expect(expectNoUsPrivacyLeak(s.as.usaViewer, true)).rejects.toThrow(/not to contain/);
  });

  describe('deliberation', () => {
    it('shows the US its positions, decision and totals, with the decision ETag', async () => {
      const r = await s.as.usaViewer.send({ method: 'GET', url: `${R}/deliberation` });
      expect(r.statusCode).toBe(200);
      const view = r.json();
      expect(view.delegation).toBe('usa');
      expect(view.positions.map((p: { stance: string }) => p.stance).sort()).toEqual([
        'against',
        'for',
        'for',
      ]);
      expect(view.decision).toMatchObject({ outcome: 'defer', version: 1 });
      expect(view.summary.stances).toEqual({ for: 2, against: 1, undecided: 0 });
      expect(r.headers.etag).toBe('"1"');
      expect((await s.as.jpnPo.send({ method: 'GET', url: `${R}/deliberation` })).statusCode).toBe(404);
    });

    it('records a position for an adviser, refuses a viewer with 403 naming who may', async () => {
      const position = {
        holder: 'Deputy Secretary of State',
        stance: 'undecided',
        rationale: 'Moscow has not answered on Syria.',
        considerations: [{ kind: 'risk', weight: 2, topic: 'optics', note: null }],
      };
      const r = await s.as.usaAdviser.send({
        method: 'POST',
        url: `${R}/deliberation/positions`,
        payload: position,
      });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({
        ...position,
        delegation: 'usa',
        author: s.as.usaAdviser.user,
        version: 1,
      });
      expect(r.headers.etag).toBe('"1"');
      const viewer = await s.as.usaViewer.send({
        method: 'POST',
        url: `${R}/deliberation/positions`,
        payload: position,
      });
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json().code).toBe('forbidden');
      expect(viewer.json().detail).toMatch(
        /only usa's delegation-lead, protocol-officer, adviser may record positions/,
      );
      const bad = await s.as.usaAdviser.send({
        method: 'POST',
        url: `${R}/deliberation/positions`,
        payload: { ...position, stance: 'maybe', considerations: [{ kind: 'risk', weight: 9, topic: '' }] },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(
        expect.arrayContaining([
          'body.stance',
          'body.considerations[0].weight',
          'body.considerations[0].topic',
        ]),
      );
    });

    it('amends a position under If-Match, by its author or the lead only', async () => {
      const list = (await s.as.usaAdviser.send({ method: 'GET', url: `${R}/deliberation` })).json();
      const mine = list.positions.find((p: { author: string }) => p.author === s.as.usaAdviser.user);
      const url = `${R}/deliberation/positions/${mine.id}`;
      const body = { holder: mine.holder, stance: 'against', rationale: 'Moscow has not answered, still.' };
      expect((await s.as.usaAdviser.send({ method: 'PUT', url, payload: body })).statusCode).toBe(428);
      const other = await s.as.usaPo.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"1"' },
      });
      expect(other.statusCode).toBe(403);
      expect(other.json().detail).toMatch(/only they or the lead may amend it/);
      const ok = await s.as.usaAdviser.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"1"' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ stance: 'against', version: 2 });
      const stale = await s.as.usaLead.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      const foreign = await s.as.rusLead.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"2"' },
      });
      expect(foreign.statusCode).toBe(404);
    });

    it('lets only the lead decide, under the deliberation ETag', async () => {
      const url = `${R}/deliberation/decision`;
      const body = { outcome: 'downgrade-encounter', note: 'They will meet at the gala dinner.' };
      expect((await s.as.usaLead.send({ method: 'PUT', url, payload: body })).statusCode).toBe(428);
      const po = await s.as.usaPo.send({ method: 'PUT', url, payload: body, headers: { 'if-match': '"1"' } });
      expect(po.statusCode).toBe(403);
      expect(po.json().detail).toMatch(/only usa's delegation-lead may decide/);
      const ok = await s.as.usaLead.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"1"' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ outcome: 'downgrade-encounter', version: 2 });
      expect(ok.headers.etag).toBe('"2"');
      const stale = await s.as.usaLead.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      const create = await s.as.usaLead.send({
        method: 'PUT',
        url,
        payload: body,
        headers: { 'if-none-match': '*' },
      });
      expect(create.statusCode).toBe(412); // there is one already
    });

    it("gives Russia its own deliberation, separate from the US's", async () => {
      const empty = await s.as.rusLead.send({ method: 'GET', url: `${R}/deliberation` });
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toMatchObject({ delegation: 'rus', positions: [], decision: null });
      expect(empty.headers.etag).toBe('"0"');
      const first = await s.as.rusLead.send({
        method: 'PUT',
        url: `${R}/deliberation/decision`,
        payload: { outcome: 'pursue', note: null },
        headers: { 'if-match': empty.headers.etag as string },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ delegation: 'rus', outcome: 'pursue', version: 1 });
      const us = (await s.as.usaLead.send({ method: 'GET', url: `${R}/deliberation` })).json();
      expect(us.decision.outcome).toBe('downgrade-encounter');
    });
  });

  describe('public lines', () => {
    const url = `${R}/public-lines`;

    it("lists every party's published line and only your own draft", async () => {
      const claims = async (client: Client) =>
        (await client.send({ method: 'GET', url }))
          .json()
          .items.map((l: { delegation: string; claim: string }) => `${l.delegation}:${l.claim}`);
      expect(await claims(s.as.usaViewer)).toEqual(['rus:no-final-understanding', 'usa:no-meeting']);
      expect(await claims(s.as.rusPo)).toEqual(['rus:no-final-understanding']);
      expect(await claims(s.as.hostStaff)).toEqual(['rus:no-final-understanding']);
      expect((await s.as.jpnPo.send({ method: 'GET', url })).statusCode).toBe(404);
    });

    it('refuses to publish a claim the record does not support (409, every reason), changing nothing', async () => {
      const line = (await s.as.usaPo.send({ method: 'GET', url }))
        .json()
        .items.find((l: { delegation: string }) => l.delegation === 'usa');
      const r = await s.as.usaPo.send({
        method: 'PUT',
        url: `${url}/usa`,
        payload: { claim: 'confirmed', text: 'The presidents will meet.', published: true },
        headers: { 'if-match': `"${line.version}"` },
      });
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('public-line-inconsistent');
      expect(r.json().errors).toEqual([
        { path: 'body.claim', message: expect.stringMatching(/'confirmed' needs every party to confirm/) },
        { path: 'body.claim', message: expect.stringMatching(/decided 'downgrade-encounter'/) },
      ]);
      const after = (await s.as.usaPo.send({ method: 'GET', url }))
        .json()
        .items.find((l: { delegation: string }) => l.delegation === 'usa');
      expect(after).toEqual(line);
    });

    it('publishes a supported line under If-Match; 428 without, 412 stale, 403 for another delegation', async () => {
      const line = (await s.as.usaPo.send({ method: 'GET', url }))
        .json()
        .items.find((l: { delegation: string }) => l.delegation === 'usa');
      const body = {
        claim: 'informal-encounter-likely',
        text: 'They may well say hello at the dinner.',
        published: true,
      };
      expect((await s.as.usaPo.send({ method: 'PUT', url: `${url}/usa`, payload: body })).statusCode).toBe(
        428,
      );
      const russian = await s.as.rusPo.send({
        method: 'PUT',
        url: `${url}/usa`,
        payload: body,
        headers: { 'if-match': `"${line.version}"` },
      });
      expect(russian.statusCode).toBe(403);
      const ok = await s.as.usaPo.send({
        method: 'PUT',
        url: `${url}/usa`,
        payload: body,
        headers: { 'if-match': `"${line.version}"` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        line: { ...body, delegation: 'usa', version: line.version + 1 },
        issues: [],
      });
      expect(ok.headers.etag).toBe(`"${line.version + 1}"`);
      const stale = await s.as.usaPo.send({
        method: 'PUT',
        url: `${url}/usa`,
        payload: body,
        headers: { 'if-match': `"${line.version}"` },
      });
      expect(stale.statusCode).toBe(412);
      const seen = (await s.as.rusPo.send({ method: 'GET', url }))
        .json()
        .items.map((l: { delegation: string }) => l.delegation);
      expect(seen).toEqual(['rus', 'usa']);
    });

    it('drafts a first line with If-None-Match: *, keeping its issues as warnings', async () => {
      const first = `${S}/requests/usa-rus-fm/public-lines/usa`;
      const body = { claim: 'scheduled', text: 'The ministers will meet.', published: false };
      const ok = await s.as.usaPo.send({
        method: 'PUT',
        url: first,
        payload: body,
        headers: { 'if-none-match': '*' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().line).toMatchObject({ ...body, version: 1 });
      expect(ok.json().issues).toEqual([
        { claim: 'scheduled', message: expect.stringMatching(/needs the meeting placed/) },
      ]);
      const again = await s.as.usaPo.send({
        method: 'PUT',
        url: first,
        payload: body,
        headers: { 'if-none-match': '*' },
      });
      expect(again.statusCode).toBe(412);
      const bad = await s.as.usaPo.send({
        method: 'PUT',
        url: first,
        payload: { claim: 'maybe' },
        headers: { 'if-match': '"1"' },
      });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['body.claim']);
    });
  });

  it('still shows Russia and the host nothing of the US deliberation after it changed', async () => {
    await expectNoUsPrivacyLeak(s.as.rusLead, true);
    await expectNoUsPrivacyLeak(s.as.hostAdmin, false);
  });
});
