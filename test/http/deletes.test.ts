// Deleting over HTTP, on SQLite and PostgreSQL: a person still in use (a delegation's principal, a
// request's attendee, a programme event's, the owner of busy blocks or of a live calendar feed) is
// refused with 409 in-use naming only what the caller may see; and after everyone has deleted every
// record the API lets them, no read of any route answers 5xx.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS } from '../support/app.js';
import { loadSummitData } from '../../src/app/summit/load.js';
import type { SummitId } from '../../src/domain/ids.js';
import { ACTORS, type ActorInfo } from './authz-matrix/actors.js';
import { documentRoutes } from './authz-matrix/run.js';
import { startWorld, type World } from './authz-matrix/world.js';

const S = 'apec-2017' as SummitId;
const actor = (name: string): ActorInfo => ACTORS.find((a) => a.name === name)!;

describe.each(BACKENDS)('deletes and what they leave behind, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
  });
  afterAll(() => w.dispose());

  const data = () => w.server.store.read((tx) => loadSummitData(tx, S));
  const versionOf = async (kind: string, id: string) => {
    const r = await w.send(actor('host-admin'), { method: 'GET', url: `/api/summits/${S}/${kind}/${id}` });
    return r.statusCode === 200 ? (r.json() as { version: number }).version : 1;
  };
  const remove = async (who: string, kind: string, id: string): Promise<LightMyRequestResponse> =>
    w.send(actor(who), {
      method: 'DELETE',
      url: `/api/summits/${S}/${kind}/${id}`,
      headers: { 'if-match': `"${await versionOf(kind, id)}"` },
    });

  it('refuses to delete the US principal or a US minister in use, naming only what the caller may see', async () => {
    const before = await data();
    // the host: what it may see by name, the US's busy blocks only as "records you cannot see"
    const sos = await remove('host-admin', 'persons', 'usa-sos');
    expect(sos.statusCode).toBe(409);
    expect(sos.json().code).toBe('in-use');
    expect(sos.json().detail).toMatch(/^person usa-sos is in use by .*request usa-rus\b/u);
    expect(sos.json().detail).toContain('records you cannot see');
    expect(sos.json().detail).not.toMatch(/busy block|usa-sos-prep|usa-rus-officials/u);
    // the US protocol officer: its own busy blocks by name, and the delegation it leads
    const potus = await remove('usa-po', 'persons', 'usa-potus');
    expect(potus.statusCode).toBe(409);
    expect(potus.json().detail).toContain('delegation usa (its principal)');
    expect(potus.json().detail).not.toContain('records you cannot see');
    // nothing was removed: not the person, nor a busy block, nor an attendee
    expect(await data()).toEqual(before);
  });

  it('refuses a person with a live calendar feed until it is revoked, then deletes them', async () => {
    const person = {
      id: `usa-mx-feed-${w.next()}`,
      delegation: 'usa',
      name: 'Feed Holder',
      title: null,
      role: 'member',
      presence: null,
    };
    const added = await w.send(actor('usa-po'), {
      method: 'POST',
      url: `/api/summits/${S}/persons`,
      payload: person,
    });
    expect(added.statusCode).toBe(201);
    const feed = await w.send(actor('usa-po'), {
      method: 'POST',
      url: `/api/summits/${S}/persons/${person.id}/calendar-tokens`,
      payload: {},
    });
    expect(feed.statusCode).toBe(201);
    const refused = await remove('host-admin', 'persons', person.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`a calendar feed of ${person.id}`);
    const revoked = await w.send(actor('usa-po'), {
      method: 'DELETE',
      url: `/api/summits/${S}/persons/${person.id}/calendar-tokens/${(feed.json() as { id: string }).id}`,
    });
    expect(revoked.statusCode).toBeLessThan(300);
    expect((await remove('host-admin', 'persons', person.id)).statusCode).toBe(204);
  });

  it(
    'answers every read below 500 after every record the API allows has been deleted',
    { timeout: 240_000 },
    async () => {
      // a delegation added before its principal: reads must say so, not fail
      const fresh = { id: 'mx-late', name: 'Late Delegation', principal: 'mx-late-pm', presence: null };
      expect(
        (
          await w.send(actor('host-admin'), {
            method: 'POST',
            url: `/api/summits/${S}/delegations`,
            payload: fresh,
          })
        ).statusCode,
      ).toBe(201);
      const statuses = new Map<string, number>();
      const tally = (r: LightMyRequestResponse) =>
        statuses.set(String(r.statusCode), (statuses.get(String(r.statusCode)) ?? 0) + 1);
      // each delegation's lead removes its own busy blocks; then the host and the leads remove all they may
      for (let round = 0; round < 2; round++) {
        const d = await data();
        for (const b of d.busy) {
          const owner = d.persons.find((p) => p.id === b.person)?.delegation;
          for (const who of [
            'host-admin',
            ...['usa', 'rus', 'chn'].filter((x) => x === owner).map((x) => `${x}-lead`),
          ])
            tally(await remove(who, 'busy', b.id));
        }
        for (const m of d.meetings.filter((x) => !x.pinned))
          tally(
            await w.send(actor('host-admin'), {
              method: 'DELETE',
              url: `/api/summits/${S}/requests/${m.request}/meeting`,
              headers: { 'if-match': `"${m.version}"` },
            }),
          );
        for (const e of d.programme) tally(await remove('host-admin', 'programme', e.id));
        for (const p of d.persons) tally(await remove('host-admin', 'persons', p.id));
        for (const r of d.rooms) tally(await remove('host-admin', 'rooms', r.id));
        for (const v of d.venues) tally(await remove('host-admin', 'venues', v.id));
        for (const g of d.delegations) tally(await remove('host-admin', 'delegations', g.id));
      }
      expect(
        [...statuses.keys()].filter((s) => Number(s) >= 500),
        JSON.stringify([...statuses]),
      ).toEqual([]);
      expect(statuses.get('204'), 'some records were deleted').toBeGreaterThan(20);

      const left = await data();
      const ids = {
        // a sample, each state of the life cycle among them (suggestions run the engine per request)
        request: [
          ...new Map(left.requests.map((r) => [r.status, r.id as string])).values(),
          'usa-rus',
          'usa-rus-officials',
          'sgp-mys',
        ],
        person: [...left.persons.map((p) => p.id as string), 'usa-sos', 'mx-late-pm'],
        id: [
          'usa-potus',
          'usa-sos',
          'hyatt',
          'usa',
          'mx-late',
          'ariyana-b3',
          'usa-potus-prep',
          'gala-dinner',
        ],
      };
      const doc = (await w.server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const reads = documentRoutes(doc).filter((r) => r.route.startsWith('GET /api/summits/{summit}'));
      const failures: string[] = [];
      let count = 0;
      for (const { route } of reads) {
        const path = route.slice('GET '.length);
        const params = [...path.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).filter((p) => p !== 'summit');
        const queries = path.endsWith('/encounters')
          ? [
              { a: 'usa', b: 'rus' },
              { a: 'mx-late', b: 'usa' },
            ]
          : path.endsWith('/export')
            ? [{ format: 'json' }, { format: 'yaml' }]
            : path.endsWith('/events')
              ? [{ follow: 'false', lastEventId: '0' }]
              : [{}];
        let urls = [path.replace('{summit}', S)];
        for (const p of params) {
          const values = (ids as Record<string, string[]>)[p] ?? ['nothing-here'];
          urls = urls.flatMap((u) => values.map((v) => u.replace(`{${p}}`, v)));
        }
        for (const url of urls)
          for (const query of queries)
            for (const who of ['host-admin', 'usa-lead', 'rus-viewer', 'chn-lead']) {
              const r = await w.send(actor(who), { method: 'GET', url, query });
              count++;
              if (r.statusCode >= 500)
                failures.push(`${who} GET ${url} ${JSON.stringify(query)}: ${r.statusCode}`);
            }
      }
      expect(count).toBeGreaterThan(200);
      expect(failures).toEqual([]);
    },
  );
});
