// The summit week: planning jobs remember whose view they were made in (a host planner who is also a
// party sees that party's confidential requests).
import type { AnyDb } from './builders.js';

/** Adds plan_jobs.planner: the starter's grants in the summit, as JSON; null for jobs made before. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan_jobs').addColumn('planner', 'text').execute();
}
