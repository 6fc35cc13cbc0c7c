// Summit practice (summit-file.md, "Version 2 keys"): room turnover, rank parity, planning limits and
// quotas on the summit; features on rooms; languages and interpreters on delegations; languages and
// rank on persons; needs and press access on requests. Rows written before read as the files of
// before mean: no turnover, parity warned, no planning limits, no quotas, no features or needs,
// closed press, languages, interpreters and ranks not given.
import { sql, type AlterTableBuilder, type AlterTableColumnAlteringBuilder } from 'kysely';
import type { AnyDb } from './builders.js';

type Column = (table: AlterTableBuilder) => AlterTableColumnAlteringBuilder;

/** One column per statement: SQLite adds one column at a time. */
async function addColumns(db: AnyDb, table: string, columns: Column[]): Promise<void> {
  for (const column of columns) await column(db.schema.alterTable(table)).execute();
}

const jsonList =
  (name: string): Column =>
  (t) =>
    t.addColumn(name, 'text', (c) => c.notNull().defaultTo('[]'));
const optionalText =
  (name: string): Column =>
  (t) =>
    t.addColumn(name, 'text');
const nonNegative =
  (name: string): Column =>
  (t) =>
    t.addColumn(name, 'integer', (c) => c.check(sql.raw(`${name} is null or ${name} >= 0`)));

/** Adds the columns of every version 2 key. */
export async function up(db: AnyDb): Promise<void> {
  await addColumns(db, 'summits', [
    (t) =>
      t.addColumn('room_turnover_minutes', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`room_turnover_minutes >= 0`),
      ),
    (t) =>
      t.addColumn('rank_parity', 'text', (c) =>
        c
          .notNull()
          .defaultTo('warn')
          .check(sql`rank_parity in ('warn', 'refuse', 'off')`),
      ),
    nonNegative('max_moves'),
    optionalText('planning_now'),
    nonNegative('freeze_hours'),
    jsonList('quotas'),
  ]);
  await addColumns(db, 'rooms', [jsonList('features')]);
  await addColumns(db, 'delegations', [optionalText('languages'), nonNegative('interpreters')]);
  await addColumns(db, 'persons', [optionalText('languages'), optionalText('rank')]);
  await addColumns(db, 'requests', [
    jsonList('needs'),
    (t) =>
      t.addColumn('press', 'text', (c) =>
        c
          .notNull()
          .defaultTo('closed')
          .check(sql`press in ('closed', 'pool-spray', 'open')`),
      ),
  ]);
}
