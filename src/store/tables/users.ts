// Users, their role grants and their password hashes.
import type { DelegationId, SummitId, UserId } from '../../domain/ids.js';
import type { DelegationRole, HostRole, PlatformRole, RoleGrant } from '../../domain/actor/schema.js';
import { DuplicateError, NotFoundError, type Tx, type User } from '../store.js';
import { flag } from './columns.js';
import type { RoleGrantRow, UserRow } from './rows.js';
import { guarded, insertVersioned, updateVersioned, type TableContext, type Target } from './versioned.js';

/** A users row as a User. */
export function rowToUser(row: UserRow): User {
  return {
    id: row.id as UserId,
    email: row.email,
    name: row.name,
    disabled: row.disabled === 1,
    version: row.version,
  };
}

/** The key that makes emails unique whatever their case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A role_grants row as a RoleGrant. */
export function rowToGrant(row: RoleGrantRow): RoleGrant {
  if (row.kind === 'platform') return { kind: 'platform', role: row.role as PlatformRole };
  const summit = row.summit_id as SummitId;
  if (row.kind === 'host') return { kind: 'host', summit, role: row.role as HostRole };
  return {
    kind: 'delegation',
    summit,
    delegation: row.delegation_id as DelegationId,
    role: row.role as DelegationRole,
  };
}

/** A RoleGrant as the role_grants row at `position` of the user's grants. */
function grantToRow(user: string, position: number, grant: RoleGrant): RoleGrantRow {
  return {
    user_id: user,
    position,
    kind: grant.kind,
    summit_id: grant.kind === 'platform' ? null : grant.summit,
    delegation_id: grant.kind === 'delegation' ? grant.delegation : null,
    role: grant.role,
  };
}

/** The users member of a transaction. */
export function usersTable(ctx: TableContext): Tx['users'] {
  const target = (id: string): Target => ({ table: 'users', entity: 'user', key: id, where: { id } });
  const byId = (id: string) => ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

  const requireUser = async (id: string) => {
    if (!(await byId(id))) throw new NotFoundError('user', id);
  };
  /**
   * Like requireUser, and on PostgreSQL holds the user's row until the transaction ends, so writers
   * of one user's grants take turns instead of one overwriting what the other read (SQLite writes
   * take turns already).
   */
  const lockUser = async (id: string) => {
    let query = ctx.db.selectFrom('users').select('id').where('id', '=', id);
    if (ctx.dialect === 'postgres') query = query.forUpdate();
    if (!(await query.executeTakeFirst())) throw new NotFoundError('user', id);
  };
  const insertGrant = async (user: string, position: number, grant: RoleGrant) => {
    const what = { entity: `grant ${position} of user`, key: user };
    await guarded(ctx, what, 'write', () =>
      ctx.db
        .insertInto('role_grants')
        .values(grantToRow(user, position, grant))
        .execute(),
    );
  };
  /** Refuses an email another user holds, before the unique index would. */
  const requireFreeEmail = async (email: string, except: string) => {
    const holder = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email_key', '=', emailKey(email))
      .where('id', '!=', except)
      .executeTakeFirst();
    if (holder) throw new DuplicateError('user email', email);
  };

  return {
    async get(id) {
      const row = await byId(id);
      return row ? rowToUser(row) : undefined;
    },
    async byEmail(email) {
      const row = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('email_key', '=', emailKey(email))
        .executeTakeFirst();
      return row ? rowToUser(row) : undefined;
    },
    async list() {
      const rows = await ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(rowToUser);
    },
    async insert(user) {
      if (await byId(user.id)) throw new DuplicateError('user', user.id);
      await requireFreeEmail(user.email, user.id);
      const values = { id: user.id, email: user.email, email_key: emailKey(user.email), name: user.name };
      await insertVersioned(ctx, target(user.id), { ...values, disabled: flag(user.disabled) });
      return { ...user, version: 1 };
    },
    async update(user) {
      await requireFreeEmail(user.email, user.id);
      const values = { email: user.email, email_key: emailKey(user.email), name: user.name };
      const version = await updateVersioned(ctx, target(user.id), user.version, {
        ...values,
        disabled: flag(user.disabled),
      });
      await ctx.notify({ kind: 'account', user: user.id });
      return { ...user, version };
    },
    async grants(user) {
      const rows = await ctx.db
        .selectFrom('role_grants')
        .selectAll()
        .where('user_id', '=', user)
        .orderBy('position')
        .execute();
      return rows.map(rowToGrant);
    },
    async setGrants(user, grants) {
      await lockUser(user);
      await ctx.db.deleteFrom('role_grants').where('user_id', '=', user).execute();
      for (const [position, grant] of grants.entries()) await insertGrant(user, position, grant);
      await ctx.notify({ kind: 'account', user });
    },
    async addGrant(user, grant) {
      await lockUser(user);
      const last = await ctx.db
        .selectFrom('role_grants')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('user_id', '=', user)
        .executeTakeFirst();
      const position =
        last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
      await insertGrant(user, position, grant);
      await ctx.notify({ kind: 'account', user });
    },
    async setPasswordHash(user, hash) {
      await requireUser(user);
      await ctx.db
        .insertInto('password_hashes')
        .values({ user_id: user, hash })
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ hash }))
        .execute();
      await ctx.notify({ kind: 'account', user });
    },
    async passwordHash(user) {
      const row = await ctx.db
        .selectFrom('password_hashes')
        .select('hash')
        .where('user_id', '=', user)
        .executeTakeFirst();
      return row?.hash;
    },
  };
}
