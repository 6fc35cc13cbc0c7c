// Backups of the whole database and their restore. SQLite: SQLite's online backup, a consistent
// copy taken while servers keep writing. PostgreSQL: pg_dump in its custom format (one consistent
// snapshot, the server keeps writing) and pg_restore into an empty database.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreOptions } from './open.js';

const run = promisify(execFile);

/** What a backup file holds, told by its first bytes. */
export type BackupKind = 'sqlite' | 'postgres';

/** A backup or restore the operator must act on: the message says what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The kind of backup `file` is: a SQLite database, or a pg_dump custom-format archive. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupError(`${file}: no such backup file`);
  });
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    if (head.toString('latin1', 0, 15) === 'SQLite format 3') return 'sqlite';
    if (head.toString('latin1', 0, 5) === 'PGDMP') return 'postgres';
  } finally {
    await handle.close();
  }
  throw new BackupError(`${file} is neither a SQLite backup nor a pg_dump archive made by sideline backup`);
}

/**
 * Where PostgreSQL's client tools are: SIDELINE_PG_BIN, else PATH, else the newest
 * /usr/lib/postgresql/<version>/bin (Debian's layout).
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const configured = process.env.SIDELINE_PG_BIN;
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/u.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const dirs = [...(configured ? [configured] : []), ...(process.env.PATH ?? '').split(delimiter), ...debian];
  const found = dirs.filter(Boolean).find((dir) => existsSync(join(dir, name)));
  if (!found) {
    throw new BackupError(
      `${name} was not found (SIDELINE_PG_BIN, PATH, /usr/lib/postgresql/*/bin); install PostgreSQL's client tools of the server's version or newer`,
    );
  }
  return join(found, name);
}

/** Writes `file` whole or not at all: to a temp name beside it, renamed once complete. */
async function atomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = join(dirname(resolve(file)), `.${Date.now()}-${process.pid}.partial`);
  try {
    await write(temp);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Copies the SQLite database at `path` into `out` as one consistent snapshot (VACUUM INTO: one read
 * transaction, which in WAL mode never holds up the writers; the online backup API would start over
 * at every commit of a busy server), and checks the copy.
 */
async function backupSqlite(path: string, out: string): Promise<void> {
  if (!existsSync(path)) throw new BackupError(`${path}: no such database file`);
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await atomically(out, async (temp) => {
      source.prepare('vacuum into ?').run(temp);
      checkSqlite(temp);
    });
  } finally {
    source.close();
  }
}

/** Throws unless the SQLite file at `file` passes SQLite's integrity check. */
function checkSqlite(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

/** Dumps the PostgreSQL database at `url` into `out` with pg_dump's custom format. */
async function backupPostgres(url: string, out: string): Promise<void> {
  const pgDump = postgresTool('pg_dump');
  await atomically(out, async (temp) => {
    try {
      await run(pgDump, [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${temp}`,
        `--dbname=${url}`,
      ]);
    } catch (error) {
      throw new BackupError(
        `pg_dump failed: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`,
      );
    }
  });
}

/** Backs up the database `options` name into `out` (a new file, written whole or not at all). */
export async function backupDatabase(
  options: StoreOptions,
  out: string,
): Promise<{ kind: BackupKind; bytes: number }> {
  const url = options.databaseUrl?.trim();
  if (url) await backupPostgres(url, out);
  else await backupSqlite(resolve(options.sqlitePath ?? ''), out);
  return { kind: url ? 'postgres' : 'sqlite', bytes: (await stat(out)).size };
}

/** True when the PostgreSQL database at `url` already holds Sideline's tables. */
async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema = 'public' and table_name in ('summits', 'users', 'kysely_migration')`,
    );
    return Number(r.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the database `options` name, which must be new or empty unless `replace`.
 * No server may use the target meanwhile. The restored database is migrated when next opened, so a
 * backup of an older release restores into a newer one.
 */
export async function restoreDatabase(
  options: StoreOptions,
  file: string,
  replace = false,
): Promise<{ kind: BackupKind }> {
  const kind = await backupKindOf(file);
  const url = options.databaseUrl?.trim();
  const target: BackupKind = url ? 'postgres' : 'sqlite';
  if (kind !== target) {
    throw new BackupError(
      `${file} is a ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup; the target is ${target === 'sqlite' ? 'a SQLite file' : 'PostgreSQL'} (set ${kind === 'sqlite' ? 'SIDELINE_DB or --db, without DATABASE_URL' : 'DATABASE_URL'})`,
    );
  }
  if (url) {
    if (!replace && (await postgresHasTables(url))) {
      throw new BackupError(
        'the target database already holds Sideline data: restore into a new, empty database, or pass --replace',
      );
    }
    try {
      await run(postgresTool('pg_restore'), [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        ...(replace ? ['--clean', '--if-exists'] : []),
        `--dbname=${url}`,
        file,
      ]);
    } catch (error) {
      throw new BackupError(
        `pg_restore failed; nothing was restored: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`,
      );
    }
    return { kind };
  }
  const path = resolve(options.sqlitePath ?? '');
  if (existsSync(path) && !replace) {
    throw new BackupError(
      `${path} exists: restore to a new file, or pass --replace (with every server using it stopped)`,
    );
  }
  checkSqlite(file);
  await atomically(path, (temp) => copyFile(file, temp));
  // the replaced database's log belongs to the old file
  await rm(`${path}-wal`, { force: true });
  await rm(`${path}-shm`, { force: true });
  return { kind };
}
