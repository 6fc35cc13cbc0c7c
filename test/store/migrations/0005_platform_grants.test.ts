// 0005 on a database that already holds grants, on SQLite and PostgreSQL: the rows stay as they were,
// a platform grant may name no summit (and only it), and the keys still cascade.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Migration } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../support/postgres.js';
import type { DialectName } from '../../../src/store/backend.js';
import { openPostgresConnection } from '../../../src/store/postgres/connection.js';
import { openSqliteConnection } from '../../../src/store/sqlite/connection.js';
import type { AnyDb } from '../../../src/store/migrations/builders.js';
import { migrateToLatest } from '../../../src/store/migrations/index.js';
import * as initial from '../../../src/store/migrations/0001_initial.js';
import * as feedsJobsRoomExclusion from '../../../src/store/migrations/0002_feeds_jobs_room_exclusion.js';
import * as summitRevisions from '../../../src/store/migrations/0003_summit_revisions.js';

/** A database migrated as it was before platform grants (0001-0003; later ones add nothing here). */
async function before(db: AnyDb, dialect: DialectName): Promise<void> {
  const up = (m: { up(db: AnyDb, dialect: DialectName): Promise<void> }): Migration => ({
    up: (d) => m.up(d, dialect),
  });
  const migrations = {
    '0001_initial': up(initial),
    '0002_feeds_jobs_room_exclusion': up(feedsJobsRoomExclusion),
    '0003_summit_revisions': up(summitRevisions),
  };
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

/** Opens a raw connection on a new database of `dialect`, and how to throw it away. */
async function openRaw(dialect: DialectName): Promise<{ db: AnyDb; dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'sideline-0005-'));
    const { db } = openSqliteConnection(join(dir, 'old.db'));
    return {
      db,
      dispose: async () => {
        await db.destroy();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase(inject('pgUrl'));
  const { db } = openPostgresConnection(database.url);
  return {
    db,
    dispose: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}

const grantsOf = (db: AnyDb, user: string) =>
  db
    .selectFrom('role_grants')
    .select(['position', 'kind', 'summit_id', 'delegation_id', 'role'])
    .where('user_id', '=', user)
    .orderBy('position')
    .execute();

describe.each(['sqlite', 'postgres'] as const)('migration 0005 (platform grants) on %s', (dialect) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it('keeps the grants a database held, and lets only a platform grant name no summit', async () => {
    const raw = await openRaw(dialect);
    dispose = raw.dispose;
    const { db } = raw;
    await before(db, dialect);
    const summit = {
      id: 's1',
      name: 'S1',
      timezone: 'UTC',
      days_from: '2017-11-10',
      days_to: '2017-11-11',
      day_from: '08:00',
      day_to: '20:00',
      grain_minutes: 15,
      buffer_minutes: 0,
      version: 1,
    };
    await db.insertInto('summits').values(summit).execute();
    await db
      .insertInto('delegations')
      .values({ summit_id: 's1', id: 'usa', name: 'USA', principal_id: 'usa-p', presence: null, version: 1 })
      .execute();
    for (const id of ['u1', 'u2']) {
      await db
        .insertInto('users')
        .values({ id, email: `${id}@x.org`, email_key: `${id}@x.org`, name: id, disabled: 0, version: 1 })
        .execute();
    }
    const held = [
      { position: 0, kind: 'host', summit_id: 's1', delegation_id: null, role: 'host-admin' },
      { position: 1, kind: 'delegation', summit_id: 's1', delegation_id: 'usa', role: 'viewer' },
    ];
    await db
      .insertInto('role_grants')
      .values(held.map((g) => ({ user_id: 'u1', ...g })))
      .execute();
    const platform = { user_id: 'u2', position: 0, kind: 'platform', summit_id: null, role: 'operator' };
    await expect(db.insertInto('role_grants').values(platform).execute()).rejects.toThrow(/summit_id/);

    await migrateToLatest(db, dialect);

    expect(await grantsOf(db, 'u1')).toEqual(held);
    await db.insertInto('role_grants').values(platform).execute();
    expect(await grantsOf(db, 'u2')).toEqual([
      { position: 0, kind: 'platform', summit_id: null, delegation_id: null, role: 'operator' },
    ]);
    // a summit grant without its summit, or a platform grant naming one, is refused by name
    const noSummit = { user_id: 'u2', position: 1, kind: 'host', summit_id: null, role: 'host-staff' };
    await expect(db.insertInto('role_grants').values(noSummit).execute()).rejects.toThrow(
      /role_grants_platform/,
    );
    const inSummit = { ...platform, position: 1, summit_id: 's1' };
    await expect(db.insertInto('role_grants').values(inSummit).execute()).rejects.toThrow(
      /role_grants_platform/,
    );
    // the keys still hold: an unknown delegation is refused, and a summit takes its grants with it
    const unknown = { ...held[1], user_id: 'u2', position: 1, delegation_id: 'fra' };
    await expect(db.insertInto('role_grants').values(unknown).execute()).rejects.toThrow();
    await db.deleteFrom('summits').where('id', '=', 's1').execute();
    expect(await grantsOf(db, 'u1')).toEqual([]);
    expect(await grantsOf(db, 'u2')).toHaveLength(1);
    // and a user takes theirs
    await db.deleteFrom('users').where('id', '=', 'u2').execute();
    expect(await grantsOf(db, 'u2')).toEqual([]);
    const indexed = await indexNames(db, dialect);
    expect(indexed).toContain('role_grants_delegation_id_ix');
  });
});

async function indexNames(db: AnyDb, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'role_grants'`.execute(db)
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'role_grants'`.execute(db);
  return rows.rows.map((r) => r.name);
}
