// Opens the SQLite file: WAL so readers never wait for the writer, foreign keys enforced,
// and a busy timeout so another process's short write lock is waited for, not failed on.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Tables } from '../tables/rows.js';

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** An open SQLite file: the raw handle (for transaction state) and Kysely over it. */
export interface SqliteConnection {
  /** The absolute path, or ":memory:". */
  readonly path: string;
  readonly raw: Database.Database;
  readonly db: Kysely<Tables>;
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
    // In WAL mode NORMAL keeps the database consistent; a power cut may lose the last commits only.
    raw.pragma('synchronous = NORMAL');
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  return { path: absolute, raw, db };
}
