// Transactions on PostgreSQL. Writes run at READ COMMITTED: every versioned update is conditional
// on the version, so a concurrent writer's commit turns into a StaleVersionError, not a lost update.
// Reads run REPEATABLE READ, READ ONLY: one snapshot for the whole callback.
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../tables/rows.js';
import type { PostgresConnection } from './connection.js';
import { publishPostgresChange } from './notices.js';

/** Runs `fn` in one write transaction, which tells every process's change mark at commit. */
export function postgresWrite<T>(
  connection: PostgresConnection,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return connection.db.transaction().execute(async (db) => {
    const result = await fn(db);
    await publishPostgresChange(db);
    return result;
  });
}

/** Runs `fn` in one read-only transaction on one snapshot. */
export function postgresRead<T>(
  connection: PostgresConnection,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return connection.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(fn);
}

/**
 * Holds a per-summit advisory lock until the transaction ends. Without it a transaction that took
 * seq 6 could commit before the one holding seq 5, and a stream resuming after 6 would never see 5.
 * Writes append their event last, after their state rows, so the lock is held only briefly.
 */
export async function lockPostgresEventLog(db: Kysely<Tables>, summit: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`sideline.events:${summit}`}))`.execute(db);
}

/**
 * Holds a per-summit advisory lock for placements until the transaction ends. At READ COMMITTED
 * two placements could each check a person's calendar before the other commits and both pass;
 * taken first, the lock makes the second one read the first one's meeting. Its key differs from
 * the event log's, and placements take it before any row, so the lock order stays the same.
 */
export async function lockPostgresSummit(db: Kysely<Tables>, summit: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`sideline.placements:${summit}`}))`.execute(db);
}
