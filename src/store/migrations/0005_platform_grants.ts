// Grants held over the platform rather than in one summit (the operator's): role_grants.summit_id
// may be null, and only for such a grant. SQLite cannot drop a column's NOT NULL, so there the table
// is built again, with the same name, columns, keys and index, and the rows it held.
import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../backend.js';
import {
  integers,
  optionalTexts,
  references,
  sameSummit,
  texts,
  type AnyDb,
  type Table,
} from './builders.js';

const CHECK_NAME = 'role_grants_platform';
/** A platform grant names no summit and no delegation; every other grant names its summit. */
const CHECK = sql`(kind = 'platform' and summit_id is null and delegation_id is null) or (kind <> 'platform' and summit_id is not null)`;
const COLUMNS = ['user_id', 'position', 'kind', 'summit_id', 'role', 'delegation_id'];

async function onPostgres(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('role_grants')
    .alterColumn('summit_id', (c) => c.dropNotNull())
    .execute();
  await db.schema.alterTable('role_grants').addCheckConstraint(CHECK_NAME, CHECK).execute();
}

async function onSqlite(db: AnyDb): Promise<void> {
  const ofUser = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  let grants: Table = db.schema.createTable('role_grants_next').addColumn('user_id', 'text', ofUser);
  grants = optionalTexts(texts(integers(grants, 'position'), 'kind'), 'summit_id');
  grants = optionalTexts(texts(grants, 'role'), 'delegation_id');
  grants = grants.addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'position']);
  grants = references(grants, 'role_grants_summit_fk', ['summit_id'], ['summits', ['id']], 'cascade');
  grants = sameSummit(grants, 'delegation_id', 'delegations', 'cascade', 'role_grants_delegation_fk');
  await grants.addCheckConstraint(CHECK_NAME, CHECK).execute();
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into role_grants_next (${columns}) select ${columns} from role_grants`.execute(db);
  await db.schema.dropTable('role_grants').execute();
  await db.schema.alterTable('role_grants_next').renameTo('role_grants').execute();
  await db.schema
    .createIndex('role_grants_delegation_id_ix')
    .on('role_grants')
    .columns(['summit_id', 'delegation_id'])
    .execute();
}

/** Lets role_grants hold grants of no summit, checked to be platform grants. */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await (dialect === 'postgres' ? onPostgres(db) : onSqlite(db));
}
