// Chooses the database: a PostgreSQL URL when one is given, else the embedded SQLite file.
import { createStore } from './create-store.js';
import { openPostgresBackend } from './postgres/backend.js';
import { openSqliteBackend } from './sqlite/backend.js';
import type { Store } from './store.js';

/** Where the store lives. */
export interface StoreOptions {
  /** A postgres:// or postgresql:// URL (DATABASE_URL); selects PostgreSQL. */
  databaseUrl?: string;
  /** The SQLite file used when there is no databaseUrl; its folder is created if missing. */
  sqlitePath?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Opens the store and applies any pending migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!POSTGRES_URL.test(url)) {
      throw new Error('databaseUrl: expected a postgres:// or postgresql:// URL');
    }
    return createStore(await openPostgresBackend(url));
  }
  const path = options.sqlitePath?.trim();
  if (!path) throw new Error('openStore needs a databaseUrl (PostgreSQL) or a sqlitePath (SQLite file)');
  return createStore(await openSqliteBackend(path));
}
