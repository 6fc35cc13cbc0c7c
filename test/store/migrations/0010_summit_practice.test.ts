// 0010 on a database that already holds a summit, on SQLite and PostgreSQL: the rows written
// before read as their files meant (every version 2 rule off), and the new columns hold their values.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../support/postgres.js';
import type { DialectName } from '../../../src/store/backend.js';
import { openPostgresConnection } from '../../../src/store/postgres/connection.js';
import { openSqliteConnection } from '../../../src/store/sqlite/connection.js';
import type { AnyDb } from '../../../src/store/migrations/builders.js';
import { migrateToLatest, migrationNames } from '../../../src/store/migrations/index.js';
import * as initial from '../../../src/store/migrations/0001_initial.js';
import { rowToSummit } from '../../../src/store/tables/summits.js';
import { rowToRoom } from '../../../src/store/tables/logistics.js';
import { rowToDelegation, rowToPerson } from '../../../src/store/tables/delegations.js';
import { rowToRequest } from '../../../src/store/tables/requests.js';
import type {
  RequestRow,
  RoomRow,
  SummitRow,
  DelegationRow,
  PersonRow,
} from '../../../src/store/tables/rows.js';

/** A database with the first schema only: the columns every table had before 0010. */
async function before(db: AnyDb, dialect: DialectName): Promise<void> {
  const migrations: Record<string, Migration> = { '0001_initial': { up: (d) => initial.up(d, dialect) } };
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

async function openRaw(dialect: DialectName): Promise<{ db: AnyDb; dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'sideline-0010-'));
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

describe.each(['sqlite', 'postgres'] as const)('migration 0010 (summit practice) on %s', (dialect) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it('reads rows written before it with every version 2 rule off, and refuses values out of range', async () => {
    const raw = await openRaw(dialect);
    dispose = raw.dispose;
    const { db } = raw;
    await before(db, dialect);
    const s = { summit_id: 's1' };
    await db
      .insertInto('summits')
      .values({
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
      })
      .execute();
    await db
      .insertInto('venues')
      .values({ ...s, id: 'v', name: 'V', version: 1 })
      .execute();
    await db
      .insertInto('delegations')
      .values({ ...s, id: 'usa', name: 'USA', principal_id: 'usa-p', presence: null, version: 1 })
      .execute();
    await db
      .insertInto('persons')
      .values({
        ...s,
        id: 'usa-p',
        delegation_id: 'usa',
        name: 'P',
        title: null,
        role: 'principal',
        presence: null,
        version: 1,
      })
      .execute();
    await db
      .insertInto('rooms')
      .values({
        ...s,
        id: 'r',
        venue_id: 'v',
        name: 'R',
        capacity: 4,
        available: null,
        delegation_id: null,
        version: 1,
      })
      .execute();
    await db
      .insertInto('requests')
      .values({
        ...s,
        id: 'q',
        from_delegation_id: 'usa',
        to_delegations: '["usa"]',
        format: 'bilateral',
        level: 'leaders',
        minutes: 30,
        priority: 3,
        topics: '[]',
        attendees: '[]',
        seats: null,
        venue_id: null,
        allowed: null,
        preferred: '[]',
        status: 'requested',
        accepted_by: '[]',
        downgrade: null,
        confidential: 0,
        version: 1,
      })
      .execute();

    await migrateToLatest(db, dialect);

    const one = async <T>(table: string): Promise<T> =>
      (await db.selectFrom(table).selectAll().executeTakeFirstOrThrow()) as T;
    expect(rowToSummit(await one<SummitRow>('summits'))).toMatchObject({
      roomTurnoverMinutes: 0,
      rankParity: 'warn',
      planning: { maxMoves: null, now: null, freezeHours: null },
      quotas: [],
      // 0009: a summit of before sets no confirmation deadline
      confirmation: null,
    });
    expect(rowToRoom(await one<RoomRow>('rooms')).features).toEqual([]);
    expect(rowToDelegation(await one<DelegationRow>('delegations'))).toMatchObject({
      languages: null,
      interpreters: null,
    });
    expect(rowToPerson(await one<PersonRow>('persons'))).toMatchObject({ languages: null, rank: null });
    expect(rowToRequest(await one<RequestRow>('requests'))).toMatchObject({ needs: [], press: 'closed' });

    const keys: Record<string, string> = { summits: 's1', requests: 'q', delegations: 'usa' };
    const set = (table: string, values: Record<string, unknown>) =>
      db.updateTable(table).set(values).where('id', '=', keys[table]!).execute();
    await expect(set('summits', { rank_parity: 'sometimes' })).rejects.toThrow();
    await expect(set('summits', { room_turnover_minutes: -1 })).rejects.toThrow();
    await expect(set('delegations', { interpreters: -1 })).rejects.toThrow();
    await expect(set('requests', { press: 'tv' })).rejects.toThrow();
    await set('summits', {
      room_turnover_minutes: 15,
      rank_parity: 'refuse',
      freeze_hours: 12,
      confirmation: JSON.stringify({ at: '18:00', daysBefore: 1, lapse: 'release' }),
    });
    expect(rowToSummit(await one<SummitRow>('summits'))).toMatchObject({
      roomTurnoverMinutes: 15,
      rankParity: 'refuse',
      planning: { freezeHours: 12 },
      confirmation: { at: '18:00', daysBefore: 1, lapse: 'release' },
    });
    expect(migrationNames).toContain('0010_summit_practice');
  });
});
