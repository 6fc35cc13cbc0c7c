// Failures of the database itself rather than of one change: it cannot be reached, its disk is
// full, or it refuses writes. Each backend names its own errors as these (see classifyFault), so
// the layers above answer them the same way on SQLite and PostgreSQL.

/** What is wrong with the database. */
export type StoreFault = 'unavailable' | 'full' | 'read-only';

/** The database could not be reached or dropped the connection; the change may be retried later. */
export class StoreUnavailableError extends Error {
  readonly fault = 'unavailable' as const;
  constructor(cause: unknown) {
    super(`the database is unavailable: ${messageOf(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** The database's disk (or its size limit) is full: nothing of the change was saved. */
export class StorageFullError extends Error {
  readonly fault = 'full' as const;
  constructor(cause: unknown) {
    super(`the database's storage is full; nothing was saved (${messageOf(cause)})`, { cause });
    this.name = 'StorageFullError';
  }
}

/** The database is read-only (its file, its disk or a standby server): nothing was saved. */
export class StorageReadOnlyError extends Error {
  readonly fault = 'read-only' as const;
  constructor(cause: unknown) {
    super(`the database's storage is read-only; nothing was saved (${messageOf(cause)})`, { cause });
    this.name = 'StorageReadOnlyError';
  }
}

/** Any of the three. */
export type StoreFaultError = StoreUnavailableError | StorageFullError | StorageReadOnlyError;

/** The error class of each fault. */
export const FAULT_ERRORS = {
  unavailable: StoreUnavailableError,
  full: StorageFullError,
  'read-only': StorageReadOnlyError,
} as const;

/** True for the errors above. */
export function isStoreFault(error: unknown): error is StoreFaultError {
  return (
    error instanceof StoreUnavailableError ||
    error instanceof StorageFullError ||
    error instanceof StorageReadOnlyError
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the database said about its own state, and since when (epoch ms); `ok` when its last word was a success. */
export interface StoreCondition {
  state: 'ok' | StoreFault;
  since: number;
  detail: string | null;
}

/**
 * Remembers the last fault a store met and forgets it on the next success that proves it over:
 * any answer for `unavailable`, a committed write for `full` and `read-only`.
 */
export class FaultTracker {
  #condition: StoreCondition = { state: 'ok', since: Date.now(), detail: null };

  get condition(): StoreCondition {
    return this.#condition;
  }

  failed(error: StoreFaultError): void {
    if (this.#condition.state === error.fault) return;
    this.#condition = { state: error.fault, since: Date.now(), detail: error.message };
  }

  succeeded(kind: 'read' | 'write'): void {
    const state = this.#condition.state;
    if (state === 'ok' || (state !== 'unavailable' && kind !== 'write')) return;
    this.#condition = { state: 'ok', since: Date.now(), detail: null };
  }
}
