// The Store over any backend: each transaction gets a Tx built on its own connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SummitId } from '../domain/ids.js';
import type { Backend, NoticeListener } from './backend.js';
import { MarkedValues } from './marked-values.js';
import { OverlapError, type Store, type StoreNotice, type Tx } from './store.js';
import { bumpRevision } from './tables/revisions.js';
import { createTx } from './tables/tx.js';

/**
 * A reference checked at commit (a meeting's room, a request's requester) found its target gone.
 * Statements that break an immediate reference are named where they run (tables/versioned.ts).
 */
function danglingReference(error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(
    `the change would leave a record referring to one that does not exist; nothing was saved (${detail})`,
    {
      cause: error,
    },
  );
}

/** A commit-time exclusion (two meetings in one room at once, on PostgreSQL), named for the reader. */
function overlap(error: unknown): Error {
  const detail = (error as { detail?: unknown }).detail;
  const room =
    typeof detail === 'string' ? /\(summit_id, room_id[^=]*=\(([^,]+), ([^,]+),/u.exec(detail) : null;
  return new OverlapError(
    'room',
    room?.[2] ?? '(unknown)',
    'another meeting holds this room at an overlapping time',
  );
}

/** Summits whose revision a Store remembers at once under its change mark; more are forgotten all together. */
const REMEMBERED_REVISIONS = 1000;

/** Wraps an open backend as the Store the rest of the system uses. */
export function createStore(backend: Backend): Store {
  // A transaction opened inside another on the same Store would wait for a connection or lock the
  // outer one holds: refuse it with a clear error instead.
  const inside = new AsyncLocalStorage<true>();
  let closed = false;
  const listeners = new Set<(notice: StoreNotice) => void>();
  let remote: Promise<NoticeListener> | undefined;

  const emit = (notice: StoreNotice): void => {
    for (const listener of [...listeners]) {
      try {
        listener(notice);
      } catch {
        // one listener's failure must not keep the notice from the others, nor fail the write
      }
    }
  };

  const run = <T>(kind: 'write' | 'read', fn: (tx: Tx) => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error(`store.${kind}() after close()`));
    if (inside.getStore()) {
      return Promise.reject(
        new Error(`store.${kind}() inside another transaction: use the tx you were given`),
      );
    }
    const open = kind === 'write' ? backend.write.bind(backend) : backend.read.bind(backend);
    const notices: StoreNotice[] = [];
    const touched = new Set<string>();
    return open((db) => {
      const touch = async (summit: string): Promise<void> => {
        if (touched.has(summit)) return;
        touched.add(summit);
        await bumpRevision(db, summit);
      };
      return inside.run(true, async () => {
        const result = await fn(
          createTx({
            db,
            dialect: backend.dialect,
            constraintOf: backend.constraintOf,
            lockEventLog: (summit) => backend.lockEventLog(db, summit),
            lockSummit: async (summit) => {
              await touch(summit); // the revision lock first, as every writer takes it
              await backend.lockSummit(db, summit);
            },
            async notify(notice) {
              notices.push(notice);
              await backend.publish(db, notice);
            },
            touch,
          }),
        );
        return result;
      });
    }).then(
      (result) => {
        // committed: this process hears at once; other processes hear through the database
        for (const notice of notices) emit(notice);
        return result;
      },
      (error: unknown) => {
        const constraint = backend.constraintOf(error);
        if (constraint === 'foreign-key') throw danglingReference(error);
        if (constraint === 'exclusion') throw overlap(error);
        throw error;
      },
    );
  };

  const subscribe = async (listener: (notice: StoreNotice) => void): Promise<() => Promise<void>> => {
    if (closed) throw new Error('store.subscribe() after close()');
    listeners.add(listener);
    try {
      remote ??= backend.listen(emit);
      await remote;
    } catch (error) {
      remote = undefined;
      listeners.delete(listener);
      throw error;
    }
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || !remote) return;
      const stopping = remote;
      remote = undefined;
      await (await stopping).stop();
    };
  };

  const revisions = new MarkedValues<number>(REMEMBERED_REVISIONS);
  const summitRevision = async (summit: SummitId, given?: number): Promise<number> => {
    const mark = given ?? backend.changeMark?.();
    const known = revisions.get(summit, mark);
    if (known !== undefined) return known;
    // the mark is taken before the read: a commit in between only makes the next call read again
    const revision = await run('read', (tx) => tx.revisions.get(summit));
    revisions.set(summit, mark, revision);
    return revision;
  };

  return {
    dialect: backend.dialect,
    write: (fn) => run('write', fn),
    read: (fn) => run('read', fn),
    subscribe,
    changeMark: () => backend.changeMark?.(),
    summitRevision,
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      const listening = remote;
      remote = undefined;
      await listening?.then((l) => l.stop()).catch(() => undefined);
      await backend.close();
    },
  };
}
