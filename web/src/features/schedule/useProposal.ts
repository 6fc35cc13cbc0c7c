// The plan on the table: a planning job started from this screen, followed while it runs, and kept
// across reloads (its id in this browser's storage) until it is accepted or discarded, or the
// server no longer has it. Accepting and discarding ask first.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { meetingCommands } from '../../api/hooks/meetings';
import type { PlanJob, PlanMode } from '../../api/models';
import { ApiError } from '../../api/problem';
import { useMe } from '../../api/session';

const POLL_MS = 400;

/** Where the open proposal's job id is kept, per user and summit. */
export function proposalKey(user: string, summit: string): string {
  return `sideline:plan:${user}:${summit}`;
}

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode): the proposal lives as long as the page
  }
}

function remember(key: string, id: string | null): void {
  try {
    if (id === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, id);
  } catch {
    // as above
  }
}

/** What starting a plan takes. */
export interface PlanOptions {
  timeLimitSeconds: number;
  /** Omitted: the server keeps a schedule that exists and re-optimises an empty calendar. */
  mode?: PlanMode;
  /** Keep-the-schedule only: at most this many meetings that still fit move. */
  maxMoves?: number;
}

/** The proposal's state and what can be done with it. */
export interface Proposal {
  job: PlanJob | null;
  /** True while a remembered job is being read back after a reload. */
  restoring: boolean;
  running: boolean;
  busy: boolean;
  error: unknown;
  start(options: PlanOptions): Promise<void>;
  /** Writes the plan to the calendar; false when it was refused (the error says why). */
  accept(): Promise<boolean>;
  /** Cancels a running job or discards a finished plan. */
  discard(): Promise<void>;
  /** Forgets an accepted job's result on screen. */
  clear(): void;
}

/** The proposal of `summit` for the signed-in user. */
export function useProposal(summit: string): Proposal {
  const me = useMe();
  const client = useQueryClient();
  const key = proposalKey(me.user.id, summit);
  const [job, setJob] = useState<PlanJob | null>(null);
  const [restoring, setRestoring] = useState(() => remembered(key) !== null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // after a reload: read the remembered job back; one that ended or is gone is forgotten
  useEffect(() => {
    const id = remembered(key);
    if (!id) return;
    let live = true;
    meetingCommands.plan(summit, id).then(
      (found) => {
        if (!live) return;
        if (found.status === 'accepted' || found.status === 'discarded' || found.status === 'failed') {
          remember(key, null);
        } else {
          setJob(found);
        }
        setRestoring(false);
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) remember(key, null);
        else setError(e);
        setRestoring(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, summit]);

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(
      () =>
        meetingCommands.plan(summit, job.id).then((next) => {
          setJob(next);
          if (next.status === 'failed') remember(key, null);
        }, setError),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [job, running, summit, key]);

  const refresh = useCallback(
    () =>
      client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit }),
    [client, summit],
  );

  const start = useCallback(
    async (options: PlanOptions) => {
      setError(null);
      setBusy(true);
      try {
        const started = await meetingCommands.startPlan(summit, options);
        remember(key, started.id);
        setJob(started);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [summit, key],
  );

  const accept = useCallback(async () => {
    if (!job) return false;
    setBusy(true);
    setError(null);
    try {
      setJob(await meetingCommands.acceptPlan(summit, job));
      remember(key, null);
      await refresh();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, [job, summit, key, refresh]);

  const discard = useCallback(async () => {
    if (!job) return;
    setBusy(true);
    setError(null);
    try {
      await meetingCommands.discardPlan(summit, job);
      remember(key, null);
      setJob(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [job, summit, key]);

  return {
    job,
    restoring,
    running,
    busy,
    error,
    start,
    accept,
    discard,
    clear: () => setJob(null),
  };
}
