// The SQLite backend: one better-sqlite3 connection per Store, migrated on open.
import type { Backend } from '../backend.js';
import { migrateToLatest } from '../migrations/index.js';
import { openSqliteConnection } from './connection.js';
import { sqliteConstraintOf } from './errors.js';
import { sqliteRead, sqliteWrite } from './transaction.js';

/** Opens the SQLite file at `path` and brings its schema up to date. */
export async function openSqliteBackend(path: string): Promise<Backend> {
  const connection = openSqliteConnection(path);
  const backend: Backend = {
    dialect: 'sqlite',
    write: (fn) => sqliteWrite(connection, fn),
    read: (fn) => sqliteRead(connection, fn),
    constraintOf: sqliteConstraintOf,
    // BEGIN IMMEDIATE already makes each write the only one: events commit in seq order.
    lockEventLog: () => Promise.resolve(),
    // Likewise for placements: no other write runs while this one does.
    lockSummit: () => Promise.resolve(),
    // Another process's SQLite writes cannot be heard; this process's are told by the Store itself.
    publish: () => Promise.resolve(),
    listen: () => undefined,
    close: () => connection.db.destroy(),
  };
  try {
    // Inside one IMMEDIATE transaction: two processes opening a new file migrate it once.
    await backend.write((db) => migrateToLatest(db, 'sqlite'));
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}
