// PostgreSQL's names (SQLSTATE codes) for the errors the store cares about.
import type { ConstraintKind } from '../backend.js';
import type { StoreFault } from '../faults.js';

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

/** Connection-level failures pg and Node report without a SQLSTATE. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const UNREACHABLE_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|not queryable|connection error|cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/iu;

/** The fault a PostgreSQL error reports, if it is one of the server or the connection rather than of the change. */
export function postgresFaultOf(error: unknown, kind: 'read' | 'write'): StoreFault | undefined {
  const code = codeOf(error);
  if (code !== undefined) {
    if (UNREACHABLE_CODES.has(code)) return 'unavailable';
    // admin or crash shutdown, cannot connect now, connection exceptions, too many connections
    if (/^57P0[1-3]$/u.test(code) || code.startsWith('08') || code === '53300') return 'unavailable';
    if (code === '53100') return 'full';
    // a write on a standby (or a database set default_transaction_read_only)
    if (code === '25006' && kind === 'write') return 'read-only';
  }
  const message = error instanceof Error ? error.message : '';
  return UNREACHABLE_MESSAGES.test(message) ? 'unavailable' : undefined;
}
