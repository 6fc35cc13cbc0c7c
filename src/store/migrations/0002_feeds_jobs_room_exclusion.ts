// Calendar-feed tokens and planning jobs (both databases), and on PostgreSQL a constraint that no
// two meetings hold one room at overlapping times, whatever the writers do concurrently.
import { sql } from 'kysely';
import type { DialectName } from '../backend.js';
import {
  optionalTexts,
  references,
  sameSummit,
  texts,
  versioned,
  type AnyDb,
  type Table,
} from './builders.js';

async function calendarTokens(db: AnyDb): Promise<void> {
  let tokens: Table = db.schema.createTable('calendar_tokens').addColumn('id', 'text', (c) => c.primaryKey());
  tokens = tokens.addColumn('hash', 'text', (c) => c.notNull().unique());
  tokens = optionalTexts(texts(tokens, 'summit_id', 'person_id', 'created_by', 'created_at'), 'revoked_at');
  tokens = references(tokens, 'calendar_tokens_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  tokens = sameSummit(tokens, 'person_id', 'persons', 'cascade', 'calendar_tokens_person_fk');
  await tokens.execute();
  await db.schema
    .createIndex('calendar_tokens_person_ix')
    .on('calendar_tokens')
    .columns(['summit_id', 'person_id'])
    .execute();
}

async function planJobs(db: AnyDb): Promise<void> {
  let jobs: Table = db.schema.createTable('plan_jobs').addColumn('id', 'text', (c) => c.primaryKey());
  jobs = texts(jobs, 'summit_id', 'status', 'requested_by', 'created_at');
  jobs = jobs
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('time_limit_ms', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'plan_jobs_status',
      sql`status in ('queued', 'running', 'done', 'failed', 'accepted', 'discarded')`,
    );
  jobs = optionalTexts(
    jobs,
    'started_at',
    'finished_at',
    'progress',
    'result',
    'error',
    'worker',
    'heartbeat_at',
  );
  jobs = references(jobs, 'plan_jobs_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  await versioned(jobs).execute();
  await db.schema.createIndex('plan_jobs_summit_ix').on('plan_jobs').columns(['summit_id']).execute();
  await db.schema
    .createIndex('plan_jobs_status_ix')
    .on('plan_jobs')
    .columns(['status', 'created_at'])
    .execute();
}

/**
 * No two meetings of a summit in one room at overlapping times. Instants are stored as ISO text
 * with `Z`, so reading them as UTC timestamps does not depend on the session's settings: the
 * function is immutable as declared. Checked at commit, so one transaction may swap two meetings.
 * Pull-asides (no room) never conflict: NULL equals nothing.
 */
async function roomExclusion(db: AnyDb): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`
    create function sideline_span(starts_at text, ends_at text) returns tsrange
    language sql immutable parallel safe
    as $$ select tsrange(($1::timestamptz at time zone 'UTC'), ($2::timestamptz at time zone 'UTC'), '[)') $$
  `.execute(db);
  await sql`
    alter table meetings add constraint meetings_room_no_overlap
    exclude using gist (summit_id with =, room_id with =, sideline_span(starts_at, ends_at) with &&)
    deferrable initially deferred
  `.execute(db);
}

/** Adds the tables of both databases, and PostgreSQL's room constraint. */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await calendarTokens(db);
  await planJobs(db);
  if (dialect === 'postgres') await roomExclusion(db);
}
