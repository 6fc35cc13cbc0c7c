// Indexes for the retention sweeps: remembered idempotent answers are deleted by age, finished
// planning jobs by when they finished. Without them each sweep would read the whole table.
import type { AnyDb } from './builders.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('idempotency_created_at_ix')
    .on('idempotency')
    .columns(['created_at'])
    .execute();
  await db.schema.createIndex('plan_jobs_finished_at_ix').on('plan_jobs').columns(['finished_at']).execute();
}
