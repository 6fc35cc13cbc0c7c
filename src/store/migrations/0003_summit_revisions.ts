// A revision number per summit, raised by every write transaction that changes the summit's records,
// so a cache of what a summit looked like can tell in one small read whether it is still current.
// No reference to summits: a summit deleted and made again keeps counting up, never reusing a number.
import { integers, type AnyDb, type Table } from './builders.js';

export async function up(db: AnyDb): Promise<void> {
  let revisions: Table = db.schema
    .createTable('summit_revisions')
    .addColumn('summit_id', 'text', (c) => c.primaryKey());
  revisions = integers(revisions, 'revision');
  await revisions.execute();
}
