// The summit week's records: what became of each meeting once it started (held, late, a no-show, a
// late cancellation), the overrides a delegation's lead gave of its own decision, and the choice to
// publish a public line whose words conflict with the record. All new, so old rows mean what they did.
import { sameSummit, summitTable, texts, type AnyDb, type Table } from './builders.js';

/** The private overrides of a delegation's decision, gone with the request or the delegation. */
async function decisionOverrides(db: AnyDb): Promise<void> {
  let overrides: Table = texts(
    summitTable(db, 'decision_overrides'),
    'request_id',
    'delegation_id',
    'transition',
    'outcome',
    'reason',
    'by_user_id',
    'at',
  );
  overrides = sameSummit(overrides, 'request_id', 'requests', 'cascade', 'decision_overrides_request_fk');
  overrides = sameSummit(
    overrides,
    'delegation_id',
    'delegations',
    'cascade',
    'decision_overrides_delegation_fk',
  );
  await overrides.execute();
  await db.schema
    .createIndex('decision_overrides_delegation_id_ix')
    .on('decision_overrides')
    .columns(['summit_id', 'request_id', 'delegation_id'])
    .execute();
}

/** Adds the meeting outcome, the decision overrides and the public line's conflict choice. */
export async function up(db: AnyDb): Promise<void> {
  // JSON of the outcome ({kind, lateMinutes, by, note, recorded}); null while nothing is recorded
  await optionalTextColumn(db, 'meetings', 'outcome');
  // JSON of the choice ({reason, phrases, by, at}) to publish a line despite conflicting words
  await optionalTextColumn(db, 'public_lines', 'conflict_choice');
  await decisionOverrides(db);
}

/** Adds one nullable text column to an existing table (SQLite adds one column per statement). */
async function optionalTextColumn(db: AnyDb, table: string, column: string): Promise<void> {
  await db.schema.alterTable(table).addColumn(column, 'text').execute();
}
