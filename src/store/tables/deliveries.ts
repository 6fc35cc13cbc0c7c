// The outbox of deliveries outside the app (emails, webhook calls): written with the change they
// tell of, claimed by one dispatcher at a time, retried, and kept with their outcome.
import type { Selectable } from 'kysely';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { Delivery, DeliveryStatus, Tx } from '../store.js';
import { json, parseJson } from './columns.js';
import type { NotificationDeliveryRow } from './rows.js';
import type { TableContext } from './versioned.js';

/** A notification_deliveries row as a Delivery. */
export function rowToDelivery(row: Selectable<NotificationDeliveryRow>): Delivery {
  return {
    id: row.id,
    channel: row.channel as Delivery['channel'],
    summit: row.summit_id as SummitId,
    user: row.user_id as UserId | null,
    webhook: row.webhook_id,
    digest: row.digest,
    payload: parseJson<unknown>(row.payload),
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    dueAt: row.due_at,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
    lastError: row.last_error,
    lastStatus: row.last_status,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

/** The deliveries member of a transaction. */
export function deliveriesTable(ctx: TableContext): Tx['deliveries'] {
  const claimable = (at: string, channels: readonly string[]) =>
    ctx.db
      .selectFrom('notification_deliveries')
      .where('status', '=', 'pending')
      .where('channel', 'in', channels)
      .where('due_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]));

  return {
    async insert(d) {
      await ctx.db
        .insertInto('notification_deliveries')
        .values({
          id: d.id,
          channel: d.channel,
          summit_id: d.summit,
          user_id: d.user,
          webhook_id: d.webhook,
          digest: d.digest,
          payload: json(d.payload),
          status: d.status,
          attempts: d.attempts,
          due_at: d.dueAt,
          claimed_by: d.claimedBy,
          claimed_until: d.claimedUntil,
          last_error: d.lastError,
          last_status: d.lastStatus,
          sent_at: d.sentAt,
          created_at: d.createdAt,
        })
        .execute();
    },
    async claim(worker, at, until, channels) {
      if (channels.length === 0) return [];
      let pick = claimable(at, channels).select(['id', 'digest']).orderBy('due_at').orderBy('id').limit(1);
      // Dispatchers in other processes pass over the row this one holds instead of waiting for it.
      if (ctx.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const first = await pick.executeTakeFirst();
      if (!first) return [];
      let ids = [first.id];
      if (first.digest !== null) {
        let group = claimable(at, channels)
          .select('id')
          .where('digest', '=', first.digest)
          .orderBy('created_at');
        if (ctx.dialect === 'postgres') group = group.forUpdate().skipLocked();
        ids = [...new Set([first.id, ...(await group.execute()).map((r) => r.id)])];
      }
      await ctx.db
        .updateTable('notification_deliveries')
        .set({ claimed_by: worker, claimed_until: until })
        .where('id', 'in', ids)
        .execute();
      const rows = await ctx.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('id', 'in', ids)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToDelivery);
    },
    async finish(ids, worker, outcome) {
      if (ids.length === 0) return false;
      const set =
        outcome.kind === 'sent'
          ? { status: 'sent', sent_at: outcome.at, last_error: null }
          : outcome.kind === 'retry'
            ? { status: 'pending', due_at: outcome.retryAt, last_error: outcome.error }
            : { status: 'dead', last_error: outcome.error };
      const result = await ctx.db
        .updateTable('notification_deliveries')
        .set((eb) => ({
          ...set,
          claimed_by: null,
          claimed_until: null,
          last_status: outcome.status ?? null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', 'in', ids)
        .where('claimed_by', '=', worker)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === ids.length;
    },
    async listForWebhook(webhook, limit) {
      const rows = await ctx.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('webhook_id', '=', webhook)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(rowToDelivery);
    },
    async listByStatus(status, limit) {
      const rows = await ctx.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('status', '=', status)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(rowToDelivery);
    },
  };
}
