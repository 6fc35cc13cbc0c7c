// What a planning job was asked for beyond its time limit and seed: keep the schedule or re-optimise,
// and the move policy (summit-file.md rules 9 and 10). JSON text; null for jobs stored before.
import type { AnyDb } from './builders.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan_jobs').addColumn('settings', 'text').execute();
}
