// Serialises the write transactions of every Store in this process that shares one SQLite file.
// better-sqlite3 is synchronous: if a second connection in the same process waited on SQLite's
// busy handler it would block the event loop, and with it the transaction it waits for.
import { AsyncLocalStorage } from 'node:async_hooks';

/** A first-come, first-served async lock. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const locks = new Map<string, Mutex>();
/** Files whose lock the current async context holds, to refuse a nested write instead of deadlocking. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/** Runs `fn` holding this process's write lock on the SQLite file at `path`. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const mine = held.getStore() ?? new Set<string>();
  if (mine.has(path)) {
    throw new Error(
      `a write on ${path} was started inside another write on the same file; use the tx you were given`,
    );
  }
  let mutex = locks.get(path);
  if (!mutex) {
    mutex = new Mutex();
    locks.set(path, mutex);
  }
  return mutex.run(() => held.run(new Set([...mine, path]), fn));
}
