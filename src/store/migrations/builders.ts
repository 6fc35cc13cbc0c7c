// Building blocks of the migrations. Released migrations depend on these, so never change what
// one of them produces: add a new helper instead.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not today's row types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Table = CreateTableBuilder<string, any>;

/**
 * How a reference behaves. `cascade`: the row is deleted with its parent (it cannot outlive it).
 * `deferred`: the row merely points at its target, checked at commit, so one transaction may
 * delete a target and repoint or delete its referrers in either order; a dangling one fails the commit.
 */
export type Reference = 'cascade' | 'deferred';

/** Adds NOT NULL text columns. */
export function texts(t: Table, ...names: string[]): Table {
  return names.reduce((table, name) => table.addColumn(name, 'text', (c) => c.notNull()), t);
}

/** Adds nullable text columns. */
export function optionalTexts(t: Table, ...names: string[]): Table {
  return names.reduce((table, name) => table.addColumn(name, 'text'), t);
}

/** Adds NOT NULL integer columns. */
export function integers(t: Table, ...names: string[]): Table {
  return names.reduce((table, name) => table.addColumn(name, 'integer', (c) => c.notNull()), t);
}

/** Adds NOT NULL 0/1 columns standing for booleans. */
export function flags(t: Table, ...names: string[]): Table {
  return names.reduce(
    (table, name) => table.addColumn(name, 'integer', (c) => c.notNull().check(sql.raw(`${name} in (0, 1)`))),
    t,
  );
}

/** Adds the optimistic-locking version, from 1. */
export function versioned(t: Table): Table {
  return t.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`));
}

/** Adds a foreign key. */
export function references(
  t: Table,
  name: string,
  columns: string[],
  target: [table: string, columns: string[]],
  kind: Reference,
): Table {
  return t.addForeignKeyConstraint(name, columns, target[0], target[1], (fk) =>
    kind === 'cascade' ? fk.onDelete('cascade') : fk.deferrable().initiallyDeferred(),
  );
}

/** Starts a table of one summit keyed by (summit_id, ...key), deleted with its summit. */
export function summitTable(db: AnyDb, name: string, key: string[] = ['id']): Table {
  const table = texts(db.schema.createTable(name), 'summit_id', ...key).addPrimaryKeyConstraint(
    `${name}_pk`,
    ['summit_id', ...key],
  );
  return references(table, `${name}_summit_fk`, ['summit_id'], ['summits', ['id']], 'cascade');
}

/** A reference to a row of the same summit: (summit_id, column) → table (summit_id, id). */
export function sameSummit(
  t: Table,
  column: string,
  table: string,
  kind: Reference,
  name = `${column}_fk`,
): Table {
  return references(t, `${name}`, ['summit_id', column], [table, ['summit_id', 'id']], kind);
}
