// SQLite's names for the errors the store cares about.
import Database from 'better-sqlite3';
import type { ConstraintKind } from '../backend.js';
import type { StoreFault } from '../faults.js';

function codeOf(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

/** The constraint a SQLite error broke, if any. */
export function sqliteConstraintOf(error: unknown): ConstraintKind | undefined {
  const code = codeOf(error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign-key';
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'unique';
  return undefined;
}

/** True when another connection held a lock for longer than the busy timeout. */
export function isBusy(error: unknown): boolean {
  return codeOf(error)?.startsWith('SQLITE_BUSY') ?? false;
}

/** The fault a SQLite error reports, if it is one of the file or its disk rather than of the change. */
export function sqliteFaultOf(error: unknown): StoreFault | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_BUSY'))
    return 'unavailable';
  return undefined;
}
