// Chooses the database: a PostgreSQL URL when one is given, else the embedded SQLite file.
import { existsSync } from 'node:fs';
import { createStore } from './create-store.js';
import type { Store } from './store.js';

/** Where the store lives. */
export interface StoreOptions {
  /** A postgres:// or postgresql:// URL (DATABASE_URL); selects PostgreSQL. */
  databaseUrl?: string;
  /** The SQLite file used when there is no databaseUrl; its folder is created if missing. */
  sqlitePath?: string;
  /** Refuse a SQLite file that does not exist yet instead of creating it (a mistyped path). */
  mustExist?: boolean;
}

/** The SQLite file named does not exist and the caller did not ask to create it. */
export class MissingDatabaseError extends Error {
  override name = 'MissingDatabaseError';
  constructor(readonly path: string) {
    super(`no database at ${path}`);
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens the store and applies any pending migrations. Each backend's module (and its driver) is
 * loaded only when chosen: a SQLite command never loads pg.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!POSTGRES_URL.test(url)) {
      throw new Error('databaseUrl: expected a postgres:// or postgresql:// URL');
    }
    const { openPostgresBackend } = await import('./postgres/backend.js');
    return createStore(await openPostgresBackend(url));
  }
  const path = options.sqlitePath?.trim();
  if (!path) throw new Error('openStore needs a databaseUrl (PostgreSQL) or a sqlitePath (SQLite file)');
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) throw new MissingDatabaseError(path);
  const { openSqliteBackend } = await import('./sqlite/backend.js');
  return createStore(await openSqliteBackend(path));
}
