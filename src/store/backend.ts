// The seam between the shared query code and one database: how it runs transactions and how it
// names the constraint an error broke. src/store/sqlite and src/store/postgres each provide one.
import type { Kysely } from 'kysely';
import type { StoreFault } from './faults.js';
import type { PoolStats, Store, StoreNotice } from './store.js';
import type { Tables } from './tables/rows.js';

/** The databases the store runs on. */
export type DialectName = Store['dialect'];

/** The kinds of constraint the store turns into clear errors. */
export type ConstraintKind = 'foreign-key' | 'unique' | 'exclusion';

/** A way to hear other processes' notices; stop() ends it. */
export interface NoticeListener {
  stop(): Promise<void>;
}

/** One open database behind a Store. */
export interface Backend {
  readonly dialect: DialectName;
  /** Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws. */
  write<T>(fn: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read-only transaction on a consistent snapshot. */
  read<T>(fn: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** The constraint a database error broke, or undefined when it is another kind of error. */
  constraintOf(error: unknown): ConstraintKind | undefined;
  /**
   * Makes the calling write transaction the only one appending to this summit's log until it ends,
   * so events commit in seq order and a reader resuming after seq n never misses a lower seq later.
   */
  lockEventLog(db: Kysely<Tables>, summit: string): Promise<void>;
  /** See Tx.lockSummit: the calling write transaction is the only one placing meetings in the summit. */
  lockSummit(db: Kysely<Tables>, summit: string): Promise<void>;
  /** Tells other processes about `notice` when the calling write transaction commits (nothing on SQLite). */
  publish(db: Kysely<Tables>, notice: StoreNotice): Promise<void>;
  /** Hears every process's published notices, or undefined where the database cannot tell (SQLite). */
  listen(onNotice: (notice: StoreNotice) => void): Promise<NoticeListener> | undefined;
  /** The fault an error of this database reports (unreachable, full, read-only), if any. */
  faultOf(error: unknown, kind: 'read' | 'write'): StoreFault | undefined;
  /** See Store.changeMark; undefined while the database cannot tell without a query. */
  changeMark?(): number | undefined;
  /** Tells this process's change mark that a write of its own committed (see Store.changeMark). */
  committed?(): void;
  /** See Store.poolStats. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}
