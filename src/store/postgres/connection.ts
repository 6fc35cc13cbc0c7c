// Opens a pool of connections to PostgreSQL that outlives the server's restarts: a connection the
// server drops is thrown away (never the process), a new one is opened for the next query, and a
// query that cannot get a connection fails after a few seconds instead of waiting forever.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from '../tables/rows.js';

/** Connections each Store may hold at once (SIDELINE_PG_POOL overrides). */
export const POOL_SIZE = 10;

/** How long a query waits for a connection before failing as "database unavailable". */
export const CONNECT_TIMEOUT_MS = 5000;

/** An open pool and Kysely over it. */
export interface PostgresConnection {
  readonly pool: pg.Pool;
  readonly db: Kysely<Tables>;
  /** The server process ids of this pool's connections, to tell this process's notifications from others'. */
  readonly pids: ReadonlySet<number>;
}

/** The pool size from SIDELINE_PG_POOL, or POOL_SIZE. */
function poolSize(): number {
  const configured = Number(process.env.SIDELINE_PG_POOL);
  return Number.isInteger(configured) && configured > 0 ? configured : POOL_SIZE;
}

/** Opens a pool on the database at `url` (postgres://user@host:port/name). */
export function openPostgresConnection(url: string): PostgresConnection {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // a peer that vanished without closing (a network drop) is noticed, not waited on forever
    keepAlive: true,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // A connection in use when the server goes away (between two statements of a transaction) has no
  // pool listener then: without one of its own its 'error' event would end the process. The query
  // waiting on it fails and the pool discards it on release.
  const pids = new Set<number>();
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) pids.add(pid);
  });
  pool.on('remove', (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) pids.delete(pid);
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { pool, db, pids };
}
