// What running Sideline as a shared service needs in the database: idempotency keys claimed before
// their request runs (a claim is a row with status 0 whose `claim` names its holder) and answered
// with their headers; planning jobs that count their attempts and remember a takeover; request
// counters shared by every server (rate limits); and a row the readiness probe may write.
import { integers, optionalTexts, texts, type AnyDb, type Table } from './builders.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('idempotency').addColumn('headers', 'text').execute();
  await db.schema.alterTable('idempotency').addColumn('claim', 'text').execute();

  await db.schema
    .alterTable('plan_jobs')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('plan_jobs').addColumn('taken_over_from', 'text').execute();
  await db.schema.alterTable('plan_jobs').addColumn('attempt_errors', 'text').execute();

  // One row per counted key and window: `window_start` in epoch milliseconds.
  let counters: Table = db.schema
    .createTable('rate_counters')
    .addColumn('key', 'text', (c) => c.primaryKey());
  counters = counters.addColumn('window_start', 'bigint', (c) => c.notNull());
  counters = integers(counters, 'hits');
  await counters.execute();
  await db.schema
    .createIndex('rate_counters_window_start_ix')
    .on('rate_counters')
    .columns(['window_start'])
    .execute();

  let probes: Table = db.schema.createTable('store_probes').addColumn('name', 'text', (c) => c.primaryKey());
  probes = optionalTexts(texts(probes, 'at'), 'by');
  await probes.execute();
}
