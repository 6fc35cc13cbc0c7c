// The Store over any backend: each transaction gets a Tx built on its own connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SummitId } from '../domain/ids.js';
import type { Backend, NoticeListener } from './backend.js';
import { FAULT_ERRORS, FaultTracker, isStoreFault } from './faults.js';
import { MarkedValues } from './marked-values.js';
import { OverlapError, type HeldWrites, type Store, type StoreNotice, type Tx } from './store.js';
import type { Tables } from './tables/rows.js';
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

/** Thrown inside a held transaction's callback to roll it back; never seen outside. */
const ROLL_BACK = Symbol('roll back');

/** A first-come, first-served chain: one statement sequence at a time on a held connection. */
function serialiser(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** Wraps an open backend as the Store the rest of the system uses. */
export function createStore(backend: Backend): Store {
  // A transaction opened inside another on the same Store would wait for a connection or lock the
  // outer one holds: refuse it with a clear error instead.
  const inside = new AsyncLocalStorage<true>();
  // The held transaction (holdWrites) the current request runs in, if any.
  const heldHere = new AsyncLocalStorage<Held>();
  const faults = new FaultTracker();
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

  /** The error a failed transaction ends with: faults and broken constraints named for the reader. */
  const named = (error: unknown, kind: 'read' | 'write'): unknown => {
    if (isStoreFault(error)) return error;
    const fault = backend.faultOf(error, kind);
    if (fault) {
      const failure = new FAULT_ERRORS[fault](error);
      faults.failed(failure);
      return failure;
    }
    const constraint = backend.constraintOf(error);
    if (constraint === 'foreign-key') return danglingReference(error);
    if (constraint === 'exclusion') return overlap(error);
    return error;
  };

  /** The Tx of one transaction (or held transaction) on `db`; `notices` and `touched` are its own. */
  const txOn = (db: Kysely<Tables>, notices: StoreNotice[], touched: Set<string>): Tx => {
    const touch = async (summit: string): Promise<void> => {
      if (touched.has(summit)) return;
      touched.add(summit);
      await bumpRevision(db, summit);
    };
    return createTx({
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
    });
  };

  /** After a commit: this process hears at once; other processes hear through the database. */
  const committed = (notices: readonly StoreNotice[]): void => {
    backend.committed?.();
    faults.succeeded('write');
    for (const notice of notices) emit(notice);
  };

  const run = <T>(kind: 'write' | 'read', fn: (tx: Tx) => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error(`store.${kind}() after close()`));
    if (inside.getStore()) {
      return Promise.reject(
        new Error(`store.${kind}() inside another transaction: use the tx you were given`),
      );
    }
    const held = heldHere.getStore();
    if (held && !held.done && (kind === 'write' || held.opened)) return held[kind](fn);
    const open = kind === 'write' ? backend.write.bind(backend) : backend.read.bind(backend);
    const notices: StoreNotice[] = [];
    return open((db) => inside.run(true, () => fn(txOn(db, notices, new Set())))).then(
      (result) => {
        if (kind === 'write') committed(notices);
        else faults.succeeded('read');
        return result;
      },
      (error: unknown) => {
        throw named(error, kind);
      },
    );
  };

  /** One request's held write transaction (see Store.holdWrites). */
  class Held implements HeldWrites {
    done = false;
    #db: Promise<Kysely<Tables>> | undefined;
    #ended: Promise<void> | undefined;
    #finish!: (last: ((tx: Tx) => Promise<void>) | typeof ROLL_BACK) => void;
    readonly #notices: StoreNotice[] = [];
    #touched = new Set<string>();
    readonly #serial = serialiser();
    #savepoints = 0;

    constructor(readonly onOpen?: (tx: Tx) => Promise<void>) {}

    get opened(): boolean {
      return this.#db !== undefined;
    }

    run<T>(fn: () => T): T {
      return heldHere.run(this, fn);
    }

    /** Opens the transaction (once) and runs onOpen in it. */
    #open(): Promise<Kysely<Tables>> {
      if (this.#db) return this.#db;
      if (closed) return Promise.reject(new Error('store.write() after close()'));
      let opened!: (db: Kysely<Tables>) => void;
      const ready = new Promise<Kysely<Tables>>((resolve) => (opened = resolve));
      const finished = new Promise<((tx: Tx) => Promise<void>) | typeof ROLL_BACK>(
        (resolve) => (this.#finish = resolve),
      );
      this.#ended = backend.write(async (db) => {
        opened(db);
        const last = await finished;
        if (last === ROLL_BACK) throw ROLL_BACK;
        await inside.run(true, () => last(this.#tx(db)));
      });
      // a BEGIN that fails (database unreachable) ends the transaction before it opened
      this.#db = Promise.race([ready, this.#ended.then(() => ready)]).then(async (db) => {
        if (this.onOpen) await this.#savepoint(db, this.onOpen);
        return db;
      });
      this.#db.catch(() => undefined);
      return this.#db;
    }

    #tx(db: Kysely<Tables>): Tx {
      return txOn(db, this.#notices, this.#touched);
    }

    /** Runs `fn` in a savepoint: what it wrote is undone when it throws, the rest stays. */
    #savepoint<T>(db: Kysely<Tables>, fn: (tx: Tx) => Promise<T>): Promise<T> {
      return this.#serial(async () => {
        const name = sql.raw(`held_${++this.#savepoints}`);
        const notices = this.#notices.length;
        const touched = new Set(this.#touched);
        await sql`savepoint ${name}`.execute(db);
        try {
          const result = await inside.run(true, () => fn(this.#tx(db)));
          await sql`release savepoint ${name}`.execute(db);
          return result;
        } catch (error) {
          this.#notices.length = notices;
          this.#touched = touched;
          await sql`rollback to savepoint ${name}`.execute(db).catch(() => undefined);
          throw error;
        }
      });
    }

    async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      try {
        return await this.#savepoint(await this.#open(), fn);
      } catch (error) {
        throw named(error, 'write');
      }
    }

    async read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const db = await this.#open();
      try {
        return await this.#serial(() => inside.run(true, () => fn(this.#tx(db))));
      } catch (error) {
        throw named(error, 'read');
      }
    }

    async commit(last: (tx: Tx) => Promise<void>): Promise<void> {
      if (this.done) throw new Error('held writes committed or rolled back already');
      try {
        await this.#open();
      } catch (error) {
        this.done = true;
        throw named(error, 'write');
      }
      this.done = true;
      await this.#serial(async () => this.#finish(last));
      try {
        await this.#ended;
      } catch (error) {
        throw named(error, 'write');
      }
      committed(this.#notices);
    }

    async rollback(): Promise<void> {
      if (this.done) return;
      this.done = true;
      if (!this.#db) return;
      await this.#db.catch(() => undefined);
      await this.#serial(async () => this.#finish(ROLL_BACK));
      await this.#ended?.catch(() => undefined);
    }
  }

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

  const probeName = `probe-${randomUUID()}`;

  return {
    dialect: backend.dialect,
    write: (fn) => run('write', fn),
    read: (fn) => run('read', fn),
    subscribe,
    changeMark: () => backend.changeMark?.(),
    summitRevision,
    condition: () => faults.condition,
    async ping() {
      await run('read', (tx) => tx.revisions.get('' as SummitId));
    },
    async probeWrite(by) {
      const at = new Date().toISOString();
      // one row per process, written over and over: the probe never grows the database
      await run('write', (tx) => tx.probes.write(probeName, by, at));
    },
    poolStats: () => backend.poolStats?.(),
    holdWrites: (options) => new Held(options?.onOpen),
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
