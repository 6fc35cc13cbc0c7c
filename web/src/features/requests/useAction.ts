// Runs one command on a request and refreshes what it changed. A stale write (412) changes nothing;
// it is kept with the record as the user saw it and as it is now, so the page can show the conflict
// and the other person's change instead of overwriting it.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/problem';
import { useDeferredChange, useToasts } from '../../ui/toasts';

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
  /**
   * Runs `fn` a few seconds from now unless Undo is pressed first, for changes that reach the other
   * parties the moment they are made (accepting a condition or a request). `doing` says what waits
   * ("Accepting the condition “…”"), `done` what happened.
   */
  defer(
    action: string,
    fn: () => Promise<unknown>,
    before: object | null,
    words: { doing: string; done: string },
  ): void;
  /** Runs `fn` now and offers Undo (`undo`) in a toast saying `done`, for changes that can be taken back. */
  runUndoable(
    action: string,
    fn: () => Promise<unknown>,
    before: object | null,
    words: { done: string; undo: () => Promise<unknown>; undone: string },
  ): Promise<boolean>;
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

  const deferChange = useDeferredChange();
  const toasts = useToasts();

  const defer = useCallback<Action['defer']>(
    (action, fn, before, words) =>
      deferChange({
        text: words.doing,
        doneText: words.done,
        commit: async () => {
          if (!(await run(action, fn, before)))
            throw new Error(`${action} was not done; see the request page`);
        },
      }),
    [deferChange, run],
  );

  const runUndoable = useCallback<Action['runUndoable']>(
    async (action, fn, before, words) => {
      const ok = await run(action, fn, before);
      if (ok) {
        toasts.show({
          text: words.done,
          tone: 'ok',
          undo: async () => {
            await words.undo();
            await refresh();
          },
          undoneText: words.undone,
        });
      }
      return ok;
    },
    [run, toasts, refresh],
  );

  return {
    busy,
    error,
    stale,
    run,
    defer,
    runUndoable,
    dismiss: () => {
      setError(null);
      setStale(null);
    },
  };
}
