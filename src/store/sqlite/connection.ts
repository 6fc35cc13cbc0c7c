// Opens the SQLite file: WAL so readers never wait for the writer, foreign keys enforced,
// and a busy timeout so another process's short write lock is waited for, not failed on.
// Each Store holds two connections: one that writes, and one opened read-only for read transactions,
// so a read neither queues behind a write transaction nor can write by mistake.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Tables } from '../tables/rows.js';
import { yieldingPlugin } from './yield.js';

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** Prepared statements kept per connection; the store's queries are a few hundred distinct texts. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The synchronous setting: FULL unless SIDELINE_SQLITE_SYNCHRONOUS says NORMAL (faster commits,
 * safe against a crash of the process but not of the machine).
 */
export function sqliteSynchronous(): 'FULL' | 'NORMAL' {
  return process.env.SIDELINE_SQLITE_SYNCHRONOUS?.trim().toUpperCase() === 'NORMAL' ? 'NORMAL' : 'FULL';
}

/** An open SQLite file: the raw handle (for transaction state) and Kysely over it. */
export interface SqliteConnection {
  /** The absolute path, or ":memory:". */
  readonly path: string;
  readonly raw: Database.Database;
  readonly db: Kysely<Tables>;
  /** True for the read-only connection read transactions run on. */
  readonly readOnly: boolean;
}

/**
 * The handle Kysely sees, keeping prepared statements by their text (least recently used dropped
 * first): Kysely prepares every query anew, and preparing costs as much as running a small query.
 * Kysely runs one statement at a time per connection and never streams here, so sharing is safe.
 */
export function statementCache(raw: Database.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text); // re-inserted below: the Map's order is the recency order
      } else {
        statement = raw.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

function withKysely(path: string, raw: Database.Database, readOnly: boolean): SqliteConnection {
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: statementCache(raw) }),
    // long transactions leave the event loop turns (see yield.ts)
    plugins: [yieldingPlugin()],
  });
  return { path, raw, db, readOnly };
}

/** Opens (creating if needed, with its folder) the SQLite file at `path`. */
export function openSqliteConnection(path: string): SqliteConnection {
  const memory = path === ':memory:';
  const absolute = memory ? path : resolve(path);
  if (!memory) mkdirSync(dirname(absolute), { recursive: true });
  const raw = new Database(absolute);
  try {
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = raw.pragma('journal_mode = WAL', { simple: true });
    if (!memory && mode !== 'wal')
      throw new Error(`SQLite file ${absolute} refused WAL mode (got ${String(mode)})`);
    raw.pragma('foreign_keys = ON');
    // FULL: a commit is on disk before it is acknowledged, so a power cut loses no acknowledged
    // write (NORMAL in WAL mode is safe against a process crash only). docs/operations.md has the cost.
    raw.pragma(`synchronous = ${sqliteSynchronous()}`);
  } catch (error) {
    raw.close();
    throw error;
  }
  return withKysely(absolute, raw, false);
}

/**
 * Opens a read-only connection to the file `writer` has open (and has migrated). An in-memory
 * database has no second connection: its reads share the writer's.
 */
export function openSqliteReader(writer: SqliteConnection): SqliteConnection {
  if (writer.path === ':memory:') return writer;
  const raw = new Database(writer.path, { readonly: true, fileMustExist: true });
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    raw.close();
    throw error;
  }
  return withKysely(writer.path, raw, true);
}

/** Tells whether anything committed to the file since it was last asked (see Store.changeMark). */
export interface ChangeWatcher {
  mark(): number;
  close(): void;
}

/**
 * Watches the file `writer` has open through a read-only connection of its own that never opens a
 * transaction: SQLite's data_version on it changes with every commit of any other connection (this
 * process's writer, or another process's), and reading it costs no query. In memory there is no
 * other connection: a counter of the writer's commits stands in.
 */
export function openChangeWatcher(writer: SqliteConnection): ChangeWatcher {
  if (writer.path === ':memory:') {
    const changes = writer.raw.prepare('select total_changes()').pluck();
    return { mark: () => Number(changes.get()), close() {} };
  }
  const raw = new Database(writer.path, { readonly: true, fileMustExist: true });
  const version = raw.prepare('pragma data_version').pluck();
  return {
    mark: () => Number(version.get()),
    close: () => raw.close(),
  };
}
