// `sideline backup` while a server writes, then `sideline restore` into a fresh database, on SQLite
// and PostgreSQL: every record and account is there, every write acknowledged before the backup
// began is in it, the event log is a prefix of the live one, and signing in works.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { SummitId } from '../../../src/domain/ids.js';
import { buildServer } from '../../../src/http/server.js';
import { openStore } from '../../../src/store/open.js';
import type { Store, Tx } from '../../../src/store/store.js';
import { DEMO_PASSWORD, DEMO_THREAD, seedDemo } from '../../support/demo-server.js';
import { createTestDatabase } from '../../support/postgres.js';
import { runCli } from '../testing.js';

const S = 'apec-2017' as SummitId;

/** Everything of the demo summit and every account, as one comparable object. */
async function everything(tx: Tx) {
  const requests = await tx.requests.list(S);
  const users = await tx.users.list();
  return {
    summits: await tx.summits.list(),
    delegations: await tx.delegations.list(S),
    persons: await tx.persons.list(S),
    rooms: await tx.rooms.list(S),
    requests,
    meetings: await tx.meetings.list(S),
    positions: await tx.positions.list(S),
    decisions: await tx.decisions.list(S),
    publicLines: await tx.publicLines.list(S),
    users,
    grants: await Promise.all(users.map((u) => tx.users.grants(u.id))),
    passwords: await Promise.all(users.map((u) => tx.users.passwordHash(u.id))),
    tokens: await Promise.all(users.map((u) => tx.tokens.listFor(u.id))),
  };
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`backup and restore on ${backend}`, { timeout: 240_000 }, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('backs up during writes and restores every record and account, with sign-in working', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sideline-backup-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      const database = async (name: string): Promise<{ env: Record<string, string>; args: string[] }> => {
        if (backend === 'sqlite')
          return { env: { SIDELINE_DB: join(dir, `${name}.db`) }, args: ['--db', join(dir, `${name}.db`)] };
        const db = await createTestDatabase(inject('pgUrl'));
        cleanup.push(() => db.drop());
        return { env: { DATABASE_URL: db.url }, args: [] };
      };
      const open = (target: { env: Record<string, string> }): Promise<Store> =>
        openStore(
          target.env.DATABASE_URL
            ? { databaseUrl: target.env.DATABASE_URL }
            : { sqlitePath: target.env.SIDELINE_DB },
        );

      const live = await database('live');
      const store = await open(live);
      cleanup.push(() => store.close());
      const token = await seedDemo(store);
      const app = await buildServer({ store, rateLimits: false });
      cleanup.push(() => app.close());
      const acknowledged: string[] = [];
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          await new Promise((resolve) => setImmediate(resolve)); // as requests arriving on sockets would
          const text = `during backup #${i}`;
          const r = await app.inject({
            method: 'POST',
            url: DEMO_THREAD,
            headers: { authorization: `Bearer ${token}` },
            payload: { text },
          });
          expect(r.statusCode, r.body).toBe(201);
          acknowledged.push(text);
        }
      })();
      while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 10));

      const file = join(dir, backend === 'sqlite' ? 'backup.db' : 'backup.pgdump');
      const before = [...acknowledged];
      const backup = await runCli(['backup', '--out', file, ...live.args], live.env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toMatch(/backed up the (SQLite|PostgreSQL) database to /u);
      writing = false;
      await writer;
      expect(acknowledged.length).toBeGreaterThan(before.length); // writes went on meanwhile

      const fresh = await database('restored');
      const restore = await runCli(['restore', file, ...fresh.args], fresh.env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stderr).toMatch(/restored .*: 1 summit\(s\), \d+ account\(s\)/u);
      // a second restore onto it is refused: it holds data now
      const again = await runCli(['restore', file, ...fresh.args], fresh.env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/--replace/u);

      const restored = await open(fresh);
      cleanup.push(() => restored.close());
      expect(await restored.read(everything)).toEqual(await store.read(everything));
      const thread = (await restored.read((tx) => tx.thread.listFor(S, 'png-usa'))).map((m) => m.text);
      for (const text of before) expect(thread).toContain(text);
      for (const text of thread.filter((t) => t.startsWith('during backup')))
        expect(acknowledged).toContain(text);
      const liveEvents = await store.read((tx) => tx.events.list(S));
      const restoredEvents = await restored.read((tx) => tx.events.list(S));
      expect(restoredEvents.length).toBeGreaterThan(before.length);
      expect(restoredEvents).toEqual(liveEvents.slice(0, restoredEvents.length));

      // the accounts work: sign in with a password, and call with the token made before the backup
      const server = await buildServer({ store: restored, rateLimits: false });
      cleanup.push(() => server.close());
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'usa-protocol@demo.test', password: DEMO_PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const read = await server.inject({
        method: 'GET',
        url: DEMO_THREAD,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.statusCode).toBe(200);
    });
  });
}
