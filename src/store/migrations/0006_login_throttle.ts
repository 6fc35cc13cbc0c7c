// Failed sign-ins, kept in the database so that every server of one database throttles alike: one
// row per account and address pair (the account as a hash of its normalised email, so the table
// does not keep the addresses people mistyped), counted since its last quiet spell.
import type { AnyDb } from './builders.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_failures_pk', ['account_key', 'address'])
    .execute();
  await db.schema
    .createIndex('login_failures_address_ix')
    .on('login_failures')
    .columns(['address'])
    .execute();
  await db.schema
    .createIndex('login_failures_last_failed_at_ix')
    .on('login_failures')
    .columns(['last_failed_at'])
    .execute();
}
