// SQLite's names for the errors the store cares about.
import Database from 'better-sqlite3';
import type { ConstraintKind } from '../backend.js';

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
