// Transactions on SQLite. Writes begin IMMEDIATE, taking the write lock before the first statement,
// so a write never fails half-way because another connection wrote first; reads are deferred
// (a WAL snapshot) on a read-only connection.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../tables/rows.js';
import type { SqliteConnection } from './connection.js';
import { isBusy } from './errors.js';
import { withFileLock } from './file-lock.js';

/** Extra tries of BEGIN IMMEDIATE after the busy timeout ran out; nothing has been done yet then. */
const BEGIN_RETRIES = 3;

async function beginImmediate(db: Kysely<Tables>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`begin immediate`.execute(db);
      return;
    } catch (error) {
      if (!isBusy(error) || attempt >= BEGIN_RETRIES) throw error;
      await sleep(50 * (attempt + 1));
    }
  }
}

/** Runs `fn` between `begin` and `commit`, rolling back if it or the commit throws. */
async function inTransaction<T>(
  connection: SqliteConnection,
  db: Kysely<Tables>,
  begin: (db: Kysely<Tables>) => Promise<void>,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  await begin(db);
  try {
    const result = await fn(db);
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    // SQLite ends the transaction itself after some errors; roll back only what is still open.
    if (connection.raw.inTransaction) await sql`rollback`.execute(db);
    throw error;
  }
}

/** Runs `fn` in one write transaction holding the file's write lock. */
export function sqliteWrite<T>(
  connection: SqliteConnection,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return withFileLock(connection.path, () =>
    connection.db.connection().execute((db) => inTransaction(connection, db, beginImmediate, fn)),
  );
}

/**
 * Runs `fn` in one read transaction (a WAL snapshot); any write inside it fails. On the read-only
 * connection SQLite refuses writes itself; on a shared in-memory connection query_only does.
 */
export function sqliteRead<T>(
  connection: SqliteConnection,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  const begin = (db: Kysely<Tables>) => sql`begin`.execute(db).then(() => undefined);
  if (connection.readOnly)
    return connection.db.connection().execute((db) => inTransaction(connection, db, begin, fn));
  return connection.db.connection().execute(async (db) => {
    await sql`pragma query_only = on`.execute(db);
    try {
      return await inTransaction(connection, db, begin, fn);
    } finally {
      await sql`pragma query_only = off`.execute(db);
    }
  });
}
