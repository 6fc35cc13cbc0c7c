// Transactions on PostgreSQL. Writes run at READ COMMITTED: every versioned update is conditional
// on the version, so a concurrent writer's commit turns into a StaleVersionError, not a lost update.
// Reads run REPEATABLE READ, READ ONLY: one snapshot for the whole callback.
import type { Kysely } from 'kysely';
import type { Tables } from '../tables/rows.js';
import type { PostgresConnection } from './connection.js';

/** Runs `fn` in one write transaction. */
export function postgresWrite<T>(
  connection: PostgresConnection,
  fn: (db: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return connection.db.transaction().execute(fn);
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
