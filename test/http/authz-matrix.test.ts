// The HTTP authorisation matrix, on SQLite and PostgreSQL: every route of the OpenAPI document, aimed at
// another delegation's records (the US deliberation on usa-rus, US busy blocks, a confidential US-Russia
// request, the US draft line), sent as the host's admin and staff, each role of the US, Russia and China,
// a user with no grant, an operator (who may create summits and holds no role in the demo) and an
// anonymous caller. Each answer must be what the matrix row and the route's
// x-authz say (refused ones 401/403/404, never 2xx), and
// no answer, successful ones included, may show its reader another delegation's private text,
// confidential request ids it is no party to, or credentials.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKENDS } from '../support/app.js';
import { ACTORS, type ActorInfo } from './authz-matrix/actors.js';
import { MATRIX } from './authz-matrix/entries/index.js';
import type { Category } from './authz-matrix/markers.js';
import {
  declarationProblems,
  documentRoutes,
  inPool,
  runEntry,
  type Answer,
  type DocumentRoute,
} from './authz-matrix/run.js';
import { startWorld, type World } from './authz-matrix/world.js';

/** Rows run at once; each row's refused actors go together, so this bounds the load at a few dozen. */
const ROWS_AT_ONCE = 4;

describe.each(BACKENDS)('the HTTP authorisation matrix on %s', (backend) => {
  let w: World;
  let routes: DocumentRoute[];

  beforeAll(async () => {
    w = await startWorld(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
    const doc = await w.server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    routes = documentRoutes(doc.json());
  });
  afterAll(() => w?.dispose());

  it('has exactly one row for every route of the OpenAPI document', () => {
    const documented = routes.map((r) => r.route);
    const rows = MATRIX.map((e) => e.route);
    expect(documented.length).toBeGreaterThan(60);
    expect(
      documented.filter((r) => !rows.includes(r)),
      'routes without a matrix row',
    ).toEqual([]);
    expect(
      rows.filter((r) => !documented.includes(r)),
      'rows without a route',
    ).toEqual([]);
    expect(
      rows.filter((r, i) => rows.indexOf(r) !== i),
      'routes with two rows',
    ).toEqual([]);
  });

  it('lets the operator in only to create summits and to its own account', () => {
    const operator: ActorInfo = { name: 'operator', kind: 'operator' };
    const noGrant: ActorInfo = { name: 'no-grant', kind: 'no-grant' };
    const open = MATRIX.filter((e) => e.may(operator)).map((e) => e.route);
    expect(open.sort()).toEqual(
      [
        'POST /api/summits',
        'POST /api/summits/import',
        // what any signed-in user may do: its account, its tokens, the list of its own summits
        ...MATRIX.filter((e) => e.may(noGrant)).map((e) => e.route),
      ].sort(),
    );
    // the platform routes say so, and no other route does
    const platform = routes.filter((r) => r.authz?.access === 'signed-in' && r.authz.scope === 'platform');
    expect(platform.map((r) => r.route).sort()).toEqual(['POST /api/summits', 'POST /api/summits/import']);
  });

  it("agrees with every route's x-authz declaration", () => {
    const problems = MATRIX.flatMap((e) =>
      declarationProblems(e, routes.find((r) => r.route === e.route)?.authz),
    );
    expect(problems).toEqual([]);
  });

  it('answers every route for every role as the matrix says, and shows no one what they may not see', async () => {
    const authzOf = (route: string) => routes.find((r) => r.route === route)?.authz;
    const rows = MATRIX.filter((e) => authzOf(e.route) !== undefined);
    const shared = rows.filter((e) => !e.exclusive);
    const answers: Answer[] = (
      await inPool(
        shared.map((e) => () => runEntry(w, e, authzOf(e.route))),
        ROWS_AT_ONCE,
      )
    ).flat();
    for (const e of rows.filter((x) => x.exclusive))
      answers.push(...(await runEntry(w, e, authzOf(e.route))));

    // every route was asked as every actor
    expect(answers.length).toBe(rows.length * ACTORS.length);
    expect(rows.length).toBe(routes.length);
    const findings = answers.flatMap((a) => a.findings.map((f) => `${a.route} as ${a.actor}: ${f}`));
    expect(findings).toEqual([]);

    // the refusals really happened, and so did successes: the matrix is not all one answer
    const statuses = new Set(answers.map((a) => a.status));
    for (const s of [200, 201, 204, 401, 403, 404]) expect(statuses, `some answer was ${s}`).toContain(s);

    // the scan would have seen each kind of private text: its owners' answers show it
    const seen = (c: Category) => w.markers.seenByPermitted.get(c) ?? 0;
    for (const c of ['us-deliberation', 'us-draft-line', 'busy-label', 'confidential-request'] as const) {
      expect(seen(c), `answers to permitted readers holding a ${c} marker`).toBeGreaterThan(0);
    }
  }, 180_000);

  it('shows the operator the summits it created, as their host-admin, and still none of the demo', async () => {
    const operator: ActorInfo = { name: 'operator', kind: 'operator' };
    const send = (request: Parameters<World['send']>[1]) => w.send(operator, request);
    const id = `mx-own-${w.next()}`;
    const created = await send({
      method: 'POST',
      url: '/api/summits',
      payload: {
        id,
        name: 'The operator’s own summit',
        timezone: 'America/New_York',
        days: { from: '2017-09-19', to: '2017-09-25' },
        dayWindow: { from: '08:00', to: '20:00' },
        grainMinutes: 15,
        bufferMinutes: 5,
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await send({ method: 'GET', url: `/api/summits/${id}` })).statusCode).toBe(200);
    const venue = await send({
      method: 'POST',
      url: `/api/summits/${id}/venues`,
      payload: { id: 'un-hq', name: 'UN headquarters' },
    });
    expect(venue.statusCode).toBe(201);
    expect((await send({ method: 'GET', url: `/api/summits/${id}/rooms/utilisation` })).statusCode).toBe(200);
    const listed = (await send({ method: 'GET', url: '/api/summits?limit=200' })).json() as {
      items: { id: string }[];
    };
    const ids = listed.items.map((s) => s.id);
    expect(ids).toContain(id);
    // only what it made: this summit and those the matrix rows had it create
    expect(ids.filter((s) => !/^mx-(own|summit|copy)-\d+$/u.test(s))).toEqual([]);
    expect((await send({ method: 'GET', url: '/api/summits/apec-2017' })).statusCode).toBe(404);
  });
});
