// Notifications: the in-app notices of each user, the outbox of deliveries (email and webhooks)
// written in the same transaction as the change they tell of, each user's preferences, and the
// webhooks a delegation or the host registers.
import { sql } from 'kysely';
import {
  flags,
  integers,
  optionalTexts,
  references,
  texts,
  versioned,
  type AnyDb,
  type Table,
} from './builders.js';

async function notifications(db: AnyDb): Promise<void> {
  let t: Table = db.schema.createTable('notifications').addColumn('id', 'text', (c) => c.primaryKey());
  t = texts(t, 'user_id', 'summit_id', 'type', 'kind', 'title', 'body', 'link', 'created_at');
  t = t.addColumn('event_seq', 'bigint', (c) => c.notNull());
  t = optionalTexts(t, 'request_id', 'read_at');
  t = references(t, 'notifications_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  t = references(t, 'notifications_user_fk', ['user_id'], ['users', ['id']], 'cascade');
  await t.execute();
  await db.schema
    .createIndex('notifications_user_ix')
    .on('notifications')
    .columns(['user_id', 'read_at', 'created_at'])
    .execute();
}

async function deliveries(db: AnyDb): Promise<void> {
  let t: Table = db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey());
  t = texts(t, 'channel', 'summit_id', 'payload', 'status', 'due_at', 'created_at');
  t = integers(t, 'attempts');
  t = optionalTexts(
    t,
    'user_id',
    'webhook_id',
    'digest',
    'claimed_by',
    'claimed_until',
    'last_error',
    'sent_at',
  );
  t = t.addColumn('last_status', 'integer');
  t = t
    .addCheckConstraint('notification_deliveries_channel', sql`channel in ('email', 'webhook')`)
    .addCheckConstraint('notification_deliveries_status', sql`status in ('pending', 'sent', 'dead')`);
  t = references(t, 'notification_deliveries_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  await t.execute();
  await db.schema
    .createIndex('notification_deliveries_due_ix')
    .on('notification_deliveries')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_webhook_ix')
    .on('notification_deliveries')
    .columns(['webhook_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_digest_ix')
    .on('notification_deliveries')
    .columns(['digest'])
    .execute();
}

async function preferences(db: AnyDb): Promise<void> {
  let t: Table = db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey());
  t = texts(t, 'settings');
  t = references(t, 'notification_preferences_user_fk', ['user_id'], ['users', ['id']], 'cascade');
  await versioned(t).execute();
}

async function webhooks(db: AnyDb): Promise<void> {
  let t: Table = db.schema.createTable('webhooks').addColumn('id', 'text', (c) => c.primaryKey());
  t = texts(t, 'summit_id', 'url', 'secret', 'kinds', 'created_by', 'created_at');
  t = optionalTexts(t, 'delegation_id', 'disabled_reason');
  t = flags(t, 'enabled');
  t = integers(t, 'failures');
  t = references(t, 'webhooks_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  await versioned(t).execute();
  await db.schema.createIndex('webhooks_summit_ix').on('webhooks').columns(['summit_id']).execute();
}

/** Adds the notification tables (the same on both databases). */
export async function up(db: AnyDb): Promise<void> {
  await notifications(db);
  await deliveries(db);
  await preferences(db);
  await webhooks(db);
}
