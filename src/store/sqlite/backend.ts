// The SQLite backend: a writing and a read-only better-sqlite3 connection per Store, migrated on open.
import type { Backend } from '../backend.js';
import { migrateToLatest } from '../migrations/index.js';
import {
  openChangeWatcher,
  openSqliteConnection,
  openSqliteReader,
  type ChangeWatcher,
  type SqliteConnection,
} from './connection.js';
import { sqliteConstraintOf, sqliteFaultOf } from './errors.js';
import { sqliteRead, sqliteWrite } from './transaction.js';

/** Opens the SQLite file at `path` and brings its schema up to date. */
export async function openSqliteBackend(path: string): Promise<Backend> {
  const writer = openSqliteConnection(path);
  let reader: SqliteConnection | undefined;
  let watcher: ChangeWatcher | undefined;
  const close = async () => {
    watcher?.close();
    if (reader && reader !== writer) await reader.db.destroy();
    await writer.db.destroy();
  };
  const backend: Backend = {
    dialect: 'sqlite',
    write: (fn) => sqliteWrite(writer, fn),
    read: (fn) => sqliteRead(reader ?? writer, fn),
    constraintOf: sqliteConstraintOf,
    faultOf: sqliteFaultOf,
    // BEGIN IMMEDIATE already makes each write the only one: events commit in seq order.
    lockEventLog: () => Promise.resolve(),
    // Likewise for placements: no other write runs while this one does.
    lockSummit: () => Promise.resolve(),
    // Another process's SQLite writes cannot be heard; this process's are told by the Store itself.
    publish: () => Promise.resolve(),
    listen: () => undefined,
    changeMark: () => watcher?.mark() ?? Number.NaN, // NaN equals nothing: no mark before open
    close,
  };
  try {
    // Inside one IMMEDIATE transaction: two processes opening a new file migrate it once.
    await backend.write((db) => migrateToLatest(db, 'sqlite'));
    reader = openSqliteReader(writer); // after the migration: the file and its WAL exist
    watcher = openChangeWatcher(writer);
  } catch (error) {
    await close();
    throw error;
  }
  return backend;
}
