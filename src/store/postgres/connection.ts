// Opens a pool of connections to PostgreSQL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from '../tables/rows.js';

/** Connections each Store may hold at once. */
const POOL_SIZE = 10;

/** An open pool and Kysely over it. */
export interface PostgresConnection {
  readonly pool: pg.Pool;
  readonly db: Kysely<Tables>;
}

/** Opens a pool on the database at `url` (postgres://user@host:port/name). */
export function openPostgresConnection(url: string): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { pool, db };
}
