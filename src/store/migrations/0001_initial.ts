// The first schema: every table of store.ts. Rows of a summit are keyed by (summit_id, …) so
// summits never share rows. A child that cannot outlive its parent is deleted with it (cascade);
// a record that merely refers to another (a meeting's room, a request's requester) is checked at commit.
import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../backend.js';
import {
  flags,
  integers,
  optionalTexts,
  references,
  sameSummit,
  summitTable,
  texts,
  versioned,
  type AnyDb,
  type Table,
} from './builders.js';

async function logistics(db: AnyDb): Promise<void> {
  let summits = db.schema.createTable('summits').addColumn('id', 'text', (c) => c.primaryKey());
  summits = texts(summits, 'name', 'timezone', 'days_from', 'days_to', 'day_from', 'day_to');
  await versioned(integers(summits, 'grain_minutes', 'buffer_minutes')).execute();

  await versioned(texts(summitTable(db, 'venues'), 'name')).execute();

  let travel = integers(summitTable(db, 'travel', ['venue_a', 'venue_b']), 'minutes')
    .addCheckConstraint('travel_minutes', sql`minutes >= 0`)
    .addCheckConstraint('travel_ordered', sql`venue_a < venue_b`);
  travel = sameSummit(travel, 'venue_a', 'venues', 'cascade', 'travel_a_fk');
  travel = sameSummit(travel, 'venue_b', 'venues', 'cascade', 'travel_b_fk');
  await travel.execute();

  // The principal is a person of the delegation, written after it: no foreign key.
  const delegations = optionalTexts(
    texts(summitTable(db, 'delegations'), 'name', 'principal_id'),
    'presence',
  );
  await versioned(delegations).execute();

  let rooms = integers(texts(summitTable(db, 'rooms'), 'venue_id', 'name'), 'capacity');
  rooms = optionalTexts(rooms, 'available', 'delegation_id');
  rooms = sameSummit(rooms, 'venue_id', 'venues', 'cascade', 'rooms_venue_fk');
  rooms = sameSummit(rooms, 'delegation_id', 'delegations', 'deferred', 'rooms_delegation_fk');
  await versioned(rooms).execute();

  let persons = texts(summitTable(db, 'persons'), 'delegation_id', 'name', 'role');
  persons = optionalTexts(persons, 'title', 'presence');
  persons = sameSummit(persons, 'delegation_id', 'delegations', 'cascade', 'persons_delegation_fk');
  await versioned(persons).execute();

  let programme = texts(summitTable(db, 'programme_events'), 'title', 'starts_at', 'ends_at', 'attendees');
  programme = sameSummit(
    optionalTexts(programme, 'venue_id'),
    'venue_id',
    'venues',
    'deferred',
    'programme_venue_fk',
  );
  await versioned(flags(programme, 'encounter')).execute();

  let busy = optionalTexts(
    texts(summitTable(db, 'busy'), 'person_id', 'starts_at', 'ends_at'),
    'venue_id',
    'label',
  );
  busy = sameSummit(busy, 'person_id', 'persons', 'cascade', 'busy_person_fk');
  busy = sameSummit(busy, 'venue_id', 'venues', 'deferred', 'busy_venue_fk');
  await versioned(busy).execute();
}

/** A reference to the request a row belongs to. */
function ofRequest(t: Table, name: string): Table {
  return sameSummit(t, 'request_id', 'requests', 'cascade', `${name}_request_fk`);
}

async function requests(db: AnyDb): Promise<void> {
  let requests = texts(
    summitTable(db, 'requests'),
    'from_delegation_id',
    'to_delegations',
    'format',
    'level',
  );
  requests = integers(requests, 'minutes', 'priority');
  requests = texts(requests, 'topics', 'attendees', 'preferred', 'status', 'accepted_by');
  requests = optionalTexts(requests.addColumn('seats', 'integer'), 'venue_id', 'allowed', 'downgrade');
  requests = sameSummit(requests, 'from_delegation_id', 'delegations', 'deferred', 'requests_from_fk');
  requests = sameSummit(requests, 'venue_id', 'venues', 'deferred', 'requests_venue_fk');
  await versioned(flags(requests, 'confidential')).execute();

  let conditions = texts(
    summitTable(db, 'conditions', ['request_id', 'id']),
    'by_delegation_id',
    'kind',
    'text',
  );
  conditions = optionalTexts(texts(conditions, 'status'), 'counters');
  await versioned(ofRequest(conditions, 'conditions')).execute();

  const thread = texts(
    summitTable(db, 'thread_messages'),
    'request_id',
    'delegation_id',
    'author_id',
    'at',
    'text',
  );
  await ofRequest(thread, 'thread').execute();

  let meetings = texts(summitTable(db, 'meetings', ['request_id']), 'starts_at', 'ends_at', 'confirmed_by');
  meetings = ofRequest(optionalTexts(meetings, 'room_id'), 'meetings');
  meetings = sameSummit(meetings, 'room_id', 'rooms', 'deferred', 'meetings_room_fk');
  await versioned(flags(meetings, 'pinned', 'announced')).execute();
}

/** References of a delegation's private record: gone with the request or with the delegation. */
function ofRequestAndDelegation(t: Table, name: string): Table {
  return sameSummit(ofRequest(t, name), 'delegation_id', 'delegations', 'cascade', `${name}_delegation_fk`);
}

async function deliberation(db: AnyDb): Promise<void> {
  let positions = texts(summitTable(db, 'positions'), 'request_id', 'delegation_id', 'holder', 'author_id');
  positions = texts(positions, 'stance', 'rationale', 'considerations', 'at');
  await versioned(ofRequestAndDelegation(positions, 'positions')).execute();

  const key = ['request_id', 'delegation_id'];
  const decisions = optionalTexts(
    texts(summitTable(db, 'decisions', key), 'outcome', 'by_user_id', 'at'),
    'note',
  );
  await versioned(ofRequestAndDelegation(decisions, 'decisions')).execute();

  const lines = texts(summitTable(db, 'public_lines', key), 'claim', 'text', 'by_user_id', 'at');
  await versioned(flags(ofRequestAndDelegation(lines, 'public_lines'), 'published')).execute();
}

async function events(db: AnyDb, dialect: DialectName): Promise<void> {
  const table = db.schema.createTable('events');
  let log =
    dialect === 'postgres'
      ? table.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      : table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  log = texts(log, 'summit_id', 'at').addColumn('at_ms', 'bigint', (c) => c.notNull());
  log = texts(log, 'actor_id', 'scope', 'type', 'payload');
  await references(log, 'events_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade').execute();
}

async function accounts(db: AnyDb): Promise<void> {
  const ofUser = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  let users = db.schema.createTable('users').addColumn('id', 'text', (c) => c.primaryKey());
  users = texts(users, 'email', 'name').addColumn('email_key', 'text', (c) => c.notNull().unique());
  await versioned(flags(users, 'disabled')).execute();

  let grants: Table = db.schema.createTable('role_grants').addColumn('user_id', 'text', ofUser);
  grants = optionalTexts(texts(integers(grants, 'position'), 'kind', 'summit_id', 'role'), 'delegation_id');
  grants = grants.addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'position']);
  grants = references(grants, 'role_grants_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  grants = sameSummit(grants, 'delegation_id', 'delegations', 'cascade', 'role_grants_delegation_fk');
  await grants.execute();

  const hashes = db.schema
    .createTable('password_hashes')
    .addColumn('user_id', 'text', (c) => ofUser(c).primaryKey());
  await texts(hashes, 'hash').execute();

  const sessions = db.schema.createTable('sessions').addColumn('id_hash', 'text', (c) => c.primaryKey());
  await texts(
    sessions.addColumn('user_id', 'text', ofUser),
    'created_at',
    'last_seen_at',
    'expires_at',
  ).execute();

  let tokens = db.schema.createTable('api_tokens').addColumn('id', 'text', (c) => c.primaryKey());
  tokens = tokens.addColumn('hash', 'text', (c) => c.notNull().unique()).addColumn('user_id', 'text', ofUser);
  await optionalTexts(texts(tokens, 'name', 'created_at'), 'revoked_at').execute();

  let idempotency: Table = db.schema.createTable('idempotency').addColumn('user_id', 'text', ofUser);
  idempotency = integers(texts(idempotency, 'key', 'fingerprint'), 'status');
  idempotency = texts(idempotency, 'body', 'created_at');
  await idempotency.addPrimaryKeyConstraint('idempotency_pk', ['user_id', 'key']).execute();
}

/** Indexes behind lookups and cascades that do not start with a primary key. */
async function indexes(db: AnyDb): Promise<void> {
  const index = (table: string, columns: string[]) =>
    db.schema
      .createIndex(`${table}_${columns.at(-1)}_ix`)
      .on(table)
      .columns(columns)
      .execute();
  await index('rooms', ['summit_id', 'venue_id']);
  await index('rooms', ['summit_id', 'delegation_id']);
  await index('persons', ['summit_id', 'delegation_id']);
  await index('programme_events', ['summit_id', 'venue_id']);
  await index('busy', ['summit_id', 'person_id']);
  await index('busy', ['summit_id', 'venue_id']);
  await index('requests', ['summit_id', 'from_delegation_id']);
  await index('requests', ['summit_id', 'venue_id']);
  await index('thread_messages', ['summit_id', 'request_id']);
  await index('meetings', ['summit_id', 'room_id']);
  await index('positions', ['summit_id', 'request_id', 'delegation_id']);
  await index('decisions', ['summit_id', 'delegation_id']);
  await index('public_lines', ['summit_id', 'delegation_id']);
  await index('events', ['summit_id', 'seq']);
  await index('role_grants', ['summit_id', 'delegation_id']);
  await index('sessions', ['user_id']);
  await index('api_tokens', ['user_id']);
}

/** Creates every table of the first schema. */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await logistics(db);
  await requests(db);
  await deliberation(db);
  await events(db, dialect);
  await accounts(db);
  await indexes(db);
}
