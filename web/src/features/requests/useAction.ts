// Runs one command on a request and refreshes what it changed. A stale write (412) changes nothing;
// it is kept with the record as the user saw it and as it is now, so the page can show the conflict
// and the other person's change instead of overwriting it.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/problem';

/** A record as the API sends it, for comparing two versions field by field. */
export type AnyRecord = Record<string, unknown>;

/** A write refused because the record changed since it was read. */
export interface StaleWrite {
  /** What the user tried to do, in words. */
  action: string;
  /** The record as the user saw it when they acted. */
  before: AnyRecord | null;
  /** The record as it is now, read again after the refusal. */
  after: AnyRecord | null;
  error: ApiError;
}

/** The state and runner of a request page's commands. */
export interface Action {
  busy: string | null;
  error: unknown;
  stale: StaleWrite | null;
  /** Runs `fn` (labelled `action`); `before` is the record it was based on. */
  run(action: string, fn: () => Promise<unknown>, before?: object | null): Promise<boolean>;
  dismiss(): void;
}

/** Commands on one summit's records; `reread` fetches the current version of a record after a 412. */
export function useAction(summit: string, reread?: (before: AnyRecord) => Promise<AnyRecord | null>): Action {
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState<StaleWrite | null>(null);

  const refresh = useCallback(
    () =>
      client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit }),
    [client, summit],
  );

  const run = useCallback(
    async (action: string, fn: () => Promise<unknown>, before: object | null = null) => {
      setBusy(action);
      setError(null);
      setStale(null);
      try {
        await fn();
        await refresh();
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.isStale) {
          const seen = before as AnyRecord | null;
          const after = seen && reread ? await reread(seen).catch(() => null) : null;
          setStale({ action, before: seen, after, error: e });
        } else {
          setError(e);
        }
        await refresh();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [refresh, reread],
  );

  return {
    busy,
    error,
    stale,
    run,
    dismiss: () => {
      setError(null);
      setStale(null);
    },
  };
}
