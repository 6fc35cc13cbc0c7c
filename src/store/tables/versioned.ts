// Optimistic versioning shared by every mutable table: insert at version 1, update and delete
// only when the stored version is the one the caller read.
import type { Kysely } from 'kysely';
import type { ConstraintKind, DialectName } from '../backend.js';
import { DuplicateError, NotFoundError, StaleVersionError, type StoreNotice } from '../store.js';
import type { Tables } from './rows.js';

/** What every table module needs: the transaction's connection and the dialect's error names. */
export interface TableContext {
  readonly db: Kysely<Tables>;
  constraintOf(error: unknown): ConstraintKind | undefined;
  /** See Backend.lockEventLog. */
  lockEventLog(summit: string): Promise<void>;
  /** See Tx.lockSummit. */
  lockSummit(summit: string): Promise<void>;
  /** The database, for the few statements whose SQL differs (row locks that skip held rows). */
  readonly dialect: DialectName;
  /** Announces `notice` once the transaction commits (Store.subscribe); dropped on rollback. */
  notify(notice: StoreNotice): Promise<void>;
  /**
   * Marks a summit's records as changed before changing them: the first mark in a transaction raises
   * the summit's revision (committed or rolled back with the rest). On PostgreSQL that holds the
   * revision row's lock until the end, so every writer takes it before any other lock of the summit.
   */
  touch(summit: string): Promise<void>;
}

/** Column values that pick one row. */
export type Where = Record<string, string>;

/** One row of one table, named for error messages. */
export interface Target {
  table: keyof Tables;
  entity: string;
  key: string;
  where: Where;
  /**
   * The columns whose clash makes an insert a duplicate, when not every unique constraint may
   * say so: PostgreSQL refuses a deferred constraint (meetings' room exclusion) as an arbiter.
   */
  conflict?: readonly string[];
}

// The helpers below work for any table; the typed table modules check the columns they pass.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Kysely<any>;

/** The connection without column typing, for code shared by every table. */
export function loose(ctx: TableContext): Loose {
  return ctx.db as unknown as Loose;
}

/** Adds `column = value` for each entry of `where`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function whereAll<Q extends { where(...args: any[]): any }>(query: Q, where: Where): Q {
  let q = query;
  for (const [column, value] of Object.entries(where)) q = q.where(column, '=', value) as Q;
  return q;
}

/**
 * Runs one statement, turning a broken foreign key into an error that names the record:
 * on insert or update it points at something missing, on delete something still points at it.
 */
export async function guarded<T>(
  ctx: TableContext,
  target: Pick<Target, 'entity' | 'key'>,
  action: 'write' | 'delete',
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (ctx.constraintOf(error) !== 'foreign-key') throw error;
    const what = `${target.entity} "${target.key}"`;
    const message =
      action === 'write'
        ? `${what} refers to a record that does not exist`
        : `${what} is still referred to by other records; remove or change them first`;
    throw new Error(message, { cause: error });
  }
}

/** Inserts a row at version 1; a taken key is a DuplicateError and changes nothing. */
export async function insertVersioned(
  ctx: TableContext,
  target: Target,
  values: Record<string, unknown>,
): Promise<void> {
  await insertOnce(ctx, target, { ...values, version: 1 });
}

/** The summit a row belongs to, if any: its summit_id, or the summit row itself. */
function summitOf(target: Target, values: Record<string, unknown> = {}): string | undefined {
  const summit = target.where.summit_id ?? values.summit_id;
  if (typeof summit === 'string') return summit;
  return target.table === 'summits' ? (target.where.id ?? (values.id as string | undefined)) : undefined;
}

/** Marks the row's summit as changed (see TableContext.touch), before the row is. */
async function touch(ctx: TableContext, target: Target, values?: Record<string, unknown>): Promise<void> {
  const summit = summitOf(target, values);
  if (summit !== undefined) await ctx.touch(summit);
}

/** Inserts a row unless one with the same key (or another unique value) exists. */
export async function insertOnce(
  ctx: TableContext,
  target: Target,
  values: Record<string, unknown>,
): Promise<void> {
  await touch(ctx, target, values);
  const result = await guarded(ctx, target, 'write', () =>
    loose(ctx)
      .insertInto(target.table)
      .values(values)
      .onConflict((conflict) =>
        (target.conflict ? conflict.columns([...target.conflict]) : conflict).doNothing(),
      )
      .executeTakeFirst(),
  );
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new DuplicateError(target.entity, target.key);
  }
}

/** Why a versioned statement touched no row: the row is gone, or at another version. */
async function explainMiss(ctx: TableContext, target: Target, expected: number): Promise<never> {
  const row = (await whereAll(
    loose(ctx).selectFrom(target.table).select('version'),
    target.where,
  ).executeTakeFirst()) as { version: number } | undefined;
  if (!row) throw new NotFoundError(target.entity, target.key);
  throw new StaleVersionError(target.entity, target.key, expected, Number(row.version));
}

/** Updates the row when it is at `expected`, leaving it at `expected + 1`. */
export async function updateVersioned(
  ctx: TableContext,
  target: Target,
  expected: number,
  values: Record<string, unknown>,
): Promise<number> {
  await touch(ctx, target);
  const query = loose(ctx)
    .updateTable(target.table)
    .set({ ...values, version: expected + 1 })
    .where('version', '=', expected);
  const result = await guarded(ctx, target, 'write', () => whereAll(query, target.where).executeTakeFirst());
  if (Number(result.numUpdatedRows) === 0) await explainMiss(ctx, target, expected);
  return expected + 1;
}

/** Deletes the row when it is at `expected`. */
export async function removeVersioned(ctx: TableContext, target: Target, expected: number): Promise<void> {
  await touch(ctx, target);
  const query = loose(ctx).deleteFrom(target.table).where('version', '=', expected);
  const result = await guarded(ctx, target, 'delete', () => whereAll(query, target.where).executeTakeFirst());
  if (Number(result.numDeletedRows) === 0) await explainMiss(ctx, target, expected);
}
