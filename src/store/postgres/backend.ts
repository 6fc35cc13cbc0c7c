// The PostgreSQL backend: a connection pool per Store, migrated on open.
import type { Backend } from '../backend.js';
import { migrateToLatest } from '../migrations/index.js';
import { openPostgresConnection } from './connection.js';
import { postgresConstraintOf, postgresFaultOf } from './errors.js';
import { listenPostgres, publishPostgresNotice, watchPostgresChanges, type ChangeMark } from './notices.js';
import { lockPostgresEventLog, lockPostgresSummit, postgresRead, postgresWrite } from './transaction.js';

/** Opens the PostgreSQL database at `url` and brings its schema up to date. */
export async function openPostgresBackend(url: string): Promise<Backend> {
  const connection = openPostgresConnection(url);
  let changes: ChangeMark | undefined;
  const backend: Backend = {
    dialect: 'postgres',
    write: (fn) => postgresWrite(connection, fn),
    read: (fn) => postgresRead(connection, fn),
    constraintOf: postgresConstraintOf,
    faultOf: postgresFaultOf,
    lockEventLog: lockPostgresEventLog,
    lockSummit: lockPostgresSummit,
    publish: publishPostgresNotice,
    listen: (onNotice) => listenPostgres(url, onNotice),
    changeMark: () => changes?.mark(),
    committed: () => changes?.bump(),
    poolStats: () => ({
      total: connection.pool.totalCount,
      idle: connection.pool.idleCount,
      waiting: connection.pool.waitingCount,
    }),
    close: async () => {
      await changes?.stop();
      await connection.db.destroy();
    },
  };
  try {
    // Kysely's migrator holds an advisory lock and one transaction: concurrent opens migrate once.
    await migrateToLatest(connection.db, 'postgres');
    changes = await watchPostgresChanges(url, connection.pids);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}
