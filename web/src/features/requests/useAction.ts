// Runs one command on a request and refreshes what it changed; a stale write (412) is kept aside
// with the record as the user saw it, so the screen can show what someone else changed meanwhile.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/problem';

/** A write refused because the record changed since it was read. */
export interface StaleWrite {
  /** What the user tried to do, in words. */
  action: string;
  /** The record as the user saw it when they acted. */
  before: Record<string, unknown> | null;
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

/** Commands for one request of one summit. */
export function useAction(summit: string): Action {
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
          setStale({ action, before: before as Record<string, unknown> | null, error: e });
        } else {
          setError(e);
        }
        await refresh();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [refresh],
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
