// The Store over any backend: each transaction gets a Tx built on its own connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Backend } from './backend.js';
import type { Store, Tx } from './store.js';
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

/** Wraps an open backend as the Store the rest of the system uses. */
export function createStore(backend: Backend): Store {
  // A transaction opened inside another on the same Store would wait for a connection or lock the
  // outer one holds: refuse it with a clear error instead.
  const inside = new AsyncLocalStorage<true>();
  let closed = false;

  const run = <T>(kind: 'write' | 'read', fn: (tx: Tx) => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error(`store.${kind}() after close()`));
    if (inside.getStore()) {
      return Promise.reject(
        new Error(`store.${kind}() inside another transaction: use the tx you were given`),
      );
    }
    const open = kind === 'write' ? backend.write.bind(backend) : backend.read.bind(backend);
    return open((db) =>
      inside.run(true, () =>
        fn(
          createTx({
            db,
            constraintOf: backend.constraintOf,
            lockEventLog: (summit) => backend.lockEventLog(db, summit),
          }),
        ),
      ),
    ).catch((error: unknown) => {
      throw backend.constraintOf(error) === 'foreign-key' ? danglingReference(error) : error;
    });
  };

  return {
    dialect: backend.dialect,
    write: (fn) => run('write', fn),
    read: (fn) => run('read', fn),
    async close() {
      if (closed) return;
      closed = true;
      await backend.close();
    },
  };
}
