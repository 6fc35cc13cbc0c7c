// PostgreSQL's names (SQLSTATE codes) for the errors the store cares about.
import type { ConstraintKind } from '../backend.js';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The constraint a PostgreSQL error broke, if any. */
export function postgresConstraintOf(error: unknown): ConstraintKind | undefined {
  const code = codeOf(error);
  if (code === '23503') return 'foreign-key';
  if (code === '23505') return 'unique';
  if (code === '23P01') return 'exclusion';
  return undefined;
}
