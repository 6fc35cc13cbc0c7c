// A versioned collection inside one summit, built from a table description; the table modules
// describe their rows and converters, this file holds the one implementation of Collection.
import type { SummitId } from '../../domain/ids.js';
import type { Collection } from '../store.js';
import type { Tables } from './rows.js';
import {
  insertVersioned,
  loose,
  removeVersioned,
  updateVersioned,
  whereAll,
  type TableContext,
  type Target,
  type Where,
} from './versioned.js';

/** Tables whose rows belong to one summit and carry a version. */
export type SummitTable = {
  [N in keyof Tables]: Tables[N] extends { summit_id: string; version: number } ? N : never;
}[keyof Tables];

/** How one domain record maps to its row. */
export interface CollectionSpec<T extends { version: number }, K, R> {
  table: SummitTable;
  /** The record's name in error messages ("room", "condition"). */
  entity: string;
  keyOf(record: T): K;
  /** The key columns other than summit_id. */
  keyColumns(key: K): Where;
  /** The key as text for error messages. */
  describe(key: K): string;
  /** Every column but summit_id and version. */
  toRow(record: T): Omit<R, 'summit_id' | 'version'>;
  fromRow(row: R): T;
  /** Columns that give list() its stable order. */
  order: readonly string[];
  /** Name the key as the only duplicate-making constraint (see Target.conflict). */
  keyIsArbiter?: boolean;
}

/** A Collection plus the filtered listing the `listFor` methods build on. */
export interface SummitCollection<T, K> extends Collection<T, K> {
  listWhere(summit: SummitId, where: Where): Promise<T[]>;
}

/** Builds the Collection of one summit-scoped table. */
export function summitCollection<T extends { version: number }, K, R>(
  ctx: TableContext,
  spec: CollectionSpec<T, K, R>,
): SummitCollection<T, K> {
  const target = (summit: SummitId, key: K): Target => ({
    table: spec.table,
    entity: spec.entity,
    key: spec.describe(key),
    where: { summit_id: summit, ...spec.keyColumns(key) },
    ...(spec.keyIsArbiter ? { conflict: ['summit_id', ...Object.keys(spec.keyColumns(key))] } : {}),
  });
  const select = (where: Where) => whereAll(loose(ctx).selectFrom(spec.table).selectAll(), where);

  const listWhere = async (summit: SummitId, where: Where): Promise<T[]> => {
    let query = select({ summit_id: summit, ...where });
    for (const column of spec.order) query = query.orderBy(column);
    const rows = (await query.execute()) as R[];
    return rows.map((row) => spec.fromRow(row));
  };

  return {
    async get(summit, key) {
      const row = (await select(target(summit, key).where).executeTakeFirst()) as R | undefined;
      return row ? spec.fromRow(row) : undefined;
    },
    list: (summit) => listWhere(summit, {}),
    listWhere,
    async insert(summit, record) {
      const key = spec.keyOf(record);
      await insertVersioned(ctx, target(summit, key), { ...spec.toRow(record), summit_id: summit });
      return { ...record, version: 1 };
    },
    async update(summit, record) {
      const key = spec.keyOf(record);
      // Key columns stay as they are: an update never moves a record to another key.
      const values: Record<string, unknown> = { ...spec.toRow(record) };
      for (const column of Object.keys(spec.keyColumns(key))) delete values[column];
      const version = await updateVersioned(ctx, target(summit, key), record.version, values);
      return { ...record, version };
    },
    async remove(summit, key, expectedVersion) {
      await removeVersioned(ctx, target(summit, key), expectedVersion);
    },
  };
}
