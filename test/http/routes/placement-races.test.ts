// Placements racing each other through two servers on one database (two processes' worth of
// connections), on SQLite and PostgreSQL: of N meetings for one person, or in one room, at
// overlapping times, exactly one commits; of N writes under one If-Match version, exactly one wins.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../support/postgres.js';
import { BACKENDS, TestClock, type Backend } from '../../app/auth/testing/stores.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import type { UserId } from '../../../src/domain/ids.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { buildServer } from '../../../src/http/server.js';
import { addUser } from '../testing.js';

const N = 6;
const SYSTEM = { user: 'operator' as UserId, grants: [], system: true };
const S = '/api/summits/race';
/** 10:00 on the summit's day (UTC+7), when every room and person is free. */
const AT = '2030-05-06T03:00:00.000Z';

/** A summit where `host` asks n delegations for a meeting each, and n pairs of others meet too. */
function summitFile(n: number): string {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const delegation = (id: string) =>
    `  - { id: ${id}, name: ${id.toUpperCase()}, principal: { id: ${id}-lead, name: Lead of ${id} } }`;
  const request = (id: string, from: string, to: string) =>
    `  - { id: ${id}, from: ${from}, to: [${to}], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [${from}-lead, ${to}-lead], status: agreed }`;
  return [
    'summit:',
    '  id: race',
    '  name: Race summit',
    '  timezone: Asia/Ho_Chi_Minh',
    '  days: { from: 2030-05-06, to: 2030-05-06 }',
    "  dayWindow: { from: '08:00', to: '18:00' }",
    '  grainMinutes: 15',
    '  bufferMinutes: 0',
    'venues:',
    '  - { id: hall, name: Hall }',
    'rooms:',
    ...ids.map((i) => `  - { id: room-${i}, venue: hall, name: Room ${i}, capacity: 10 }`),
    'delegations:',
    delegation('hub'),
    ...ids.flatMap((i) => [delegation(`d${i}`), delegation(`x${i}`), delegation(`y${i}`)]),
    'requests:',
    // one person in every meeting: hub-lead
    ...ids.map((i) => request(`hub-${i}`, 'hub', `d${i}`)),
    // no person shared: x_i with y_i
    ...ids.map((i) => request(`pair-${i}`, `x${i}`, `y${i}`)),
  ].join('\n');
}

/** Two stores on one new database (a temp SQLite file, or a PostgreSQL database), and a way to drop it. */
async function twoStores(backend: Backend): Promise<{ stores: [Store, Store]; drop(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'sideline-races-'));
    const file = join(dir, 'races.db');
    const first = await openStore({ sqlitePath: file });
    return {
      stores: [first, await openStore({ sqlitePath: file })],
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const db = await createTestDatabase(inject('pgUrl'));
  const first = await openStore({ databaseUrl: db.url });
  return { stores: [first, await openStore({ databaseUrl: db.url })], drop: () => db.drop() };
}

describe.each(BACKENDS)('racing placements on %s', (backend) => {
  let stores: Store[] = [];
  let drop: () => Promise<void>;
  let apps: FastifyInstance[] = [];
  let token: string;

  beforeAll(async () => {
    const made = await twoStores(backend);
    stores = made.stores;
    drop = made.drop;
    // two servers, each with its own connection(s) to the database, as two processes would have
    const clock = new TestClock();
    apps = await Promise.all(
      stores.map((store) => buildServer({ store, now: clock.now, rateLimits: false })),
    );
    await importSummitFile(apps[0]!.deps.app, SYSTEM, { text: summitFile(N), format: 'yaml' });
    const host = await addUser(stores[0]!, [{ kind: 'host', summit: 'race' as never, role: 'host-staff' }]);
    token = (await createToken(stores[0]!, host.id, 'races', clock.now())).token;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await drop?.();
  });

  /** Sends the same kind of request N times at once, alternating between the two servers. */
  const race = (
    make: (i: number) => {
      method: 'PUT' | 'POST';
      url: string;
      payload?: object;
      headers?: Record<string, string>;
    },
  ) =>
    Promise.all(
      Array.from({ length: N }, (_, k) => {
        const r = make(k + 1);
        return apps[k % 2]!.inject({
          ...r,
          headers: { ...(r.headers ?? {}), authorization: `Bearer ${token}` },
        });
      }),
    );
  const meetings = () => stores[0]!.read((tx) => tx.meetings.list('race' as never));

  it(`lets one of ${N} meetings of one person at one time commit; the others name the overlap`, async () => {
    const answers = await race((i) => ({
      method: 'PUT',
      url: `${S}/requests/hub-${i}/meeting`,
      payload: { start: AT, room: `room-${i}` },
      headers: { 'if-none-match': '*' },
    }));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((c) => c === 201)).toHaveLength(1);
    expect(statuses.filter((c) => c === 409)).toHaveLength(N - 1);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().detail).toMatch(/person-overlap: hub-lead in hub-\d+/);
    }
    expect((await meetings()).filter((m) => m.request.startsWith('hub-'))).toHaveLength(1);
  });

  it(`lets one of ${N} meetings in one room at overlapping times commit`, async () => {
    const answers = await race((i) => ({
      method: 'PUT',
      // staggered by 15 minutes: every pair of them overlaps (30-minute meetings)
      url: `${S}/requests/pair-${i}/meeting`,
      payload: { start: new Date(Date.parse(AT) + (i % 2) * 15 * 60_000).toISOString(), room: 'room-1' },
      headers: { 'if-none-match': '*' },
    }));
    const statuses = answers.map((a) => a.statusCode);
    // room-1 may already hold the hub meeting of the test before: then none of these fits
    const before = (await meetings()).some((m) => m.room === 'room-1' && m.request.startsWith('hub-'));
    expect(statuses.filter((c) => c === 201)).toHaveLength(before ? 0 : 1);
    expect(statuses.every((c) => c === 201 || c === 409)).toBe(true);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().detail).toMatch(/room-exclusive/);
    const inRoom = (await meetings()).filter((m) => m.room === 'room-1');
    expect(inRoom).toHaveLength(1);
  });

  it(`lets one of ${N} writes made under the same If-Match version win; the rest are 412`, async () => {
    const [meeting] = (await meetings()).filter((m) => m.request.startsWith('hub-'));
    const answers = await race(() => ({
      method: 'POST',
      url: `${S}/requests/${meeting!.request}/meeting/pin`,
      headers: { 'if-match': `"${meeting!.version}"` },
    }));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, ...Array<number>(N - 1).fill(412)]);
    const stored = await stores[1]!.read((tx) => tx.meetings.get('race' as never, meeting!.request));
    expect(stored).toMatchObject({ pinned: true, version: meeting!.version + 1 });
  });
});
