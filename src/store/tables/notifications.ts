// In-app notices, who may hear of a summit's events, and each user's notification preferences.
import type { Selectable } from 'kysely';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { Listener, Notification, NotificationKind, Tx } from '../store.js';
import { json, parseJson } from './columns.js';
import type { NotificationRow } from './rows.js';
import { insertVersioned, updateVersioned, type TableContext, type Target } from './versioned.js';
import { rowToGrant, rowToUser } from './users.js';

/** A notifications row as a Notification. */
export function rowToNotification(row: Selectable<NotificationRow>): Notification {
  return {
    id: row.id,
    user: row.user_id as UserId,
    summit: row.summit_id as SummitId,
    eventSeq: Number(row.event_seq),
    type: row.type,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    request: row.request_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The notifications member of a transaction. */
export function notificationsTable(ctx: TableContext): Tx['notifications'] {
  const prefsTarget = (user: string): Target => ({
    table: 'notification_preferences',
    entity: 'notification preferences of user',
    key: user,
    where: { user_id: user },
  });
  return {
    async insert(n) {
      await ctx.db
        .insertInto('notifications')
        .values({
          id: n.id,
          user_id: n.user,
          summit_id: n.summit,
          event_seq: n.eventSeq,
          type: n.type,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          request_id: n.request,
          created_at: n.createdAt,
          read_at: n.readAt,
        })
        .execute();
    },
    async list(user, query) {
      let select = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', user);
      if (query.summit !== undefined) select = select.where('summit_id', '=', query.summit);
      if (query.unread) select = select.where('read_at', 'is', null);
      const before = query.before;
      if (before)
        select = select.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      const rows = await select
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .execute();
      return rows.map(rowToNotification);
    },
    async get(user, id) {
      const row = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', user)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? rowToNotification(row) : undefined;
    },
    async unreadCount(user, summit) {
      let select = ctx.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', user)
        .where('read_at', 'is', null);
      if (summit !== undefined) select = select.where('summit_id', '=', summit);
      const row = await select.executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async markRead(user, at, which) {
      let update = ctx.db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', user)
        .where('read_at', 'is', null);
      if (which.ids !== undefined) {
        if (which.ids.length === 0) return 0;
        update = update.where('id', 'in', which.ids);
      }
      if (which.summit !== undefined) update = update.where('summit_id', '=', which.summit);
      const result = await update.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listeners(summit): Promise<Listener[]> {
      const holders = await ctx.db
        .selectFrom('role_grants')
        .select('user_id')
        .distinct()
        .where('summit_id', '=', summit)
        .execute();
      if (holders.length === 0) return [];
      const ids = holders.map((h) => h.user_id);
      const users = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', ids)
        .where('disabled', '=', 0)
        .orderBy('id')
        .execute();
      const grants = await ctx.db
        .selectFrom('role_grants')
        .selectAll()
        .where('user_id', 'in', ids)
        .orderBy('user_id')
        .orderBy('position')
        .execute();
      return users.map((u) => ({
        user: rowToUser(u),
        grants: grants.filter((g) => g.user_id === u.id).map(rowToGrant),
      }));
    },
    async preferences(user) {
      const row = await ctx.db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', '=', user)
        .executeTakeFirst();
      return row ? { settings: parseJson<unknown>(row.settings), version: row.version } : undefined;
    },
    async setPreferences(user, settings, expected) {
      if (expected === null) {
        await insertVersioned(ctx, prefsTarget(user), { user_id: user, settings: json(settings) });
        return 1;
      }
      return updateVersioned(ctx, prefsTarget(user), expected, { settings: json(settings) });
    },
  };
}
