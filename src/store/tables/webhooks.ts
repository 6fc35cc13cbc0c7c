// Webhooks: URLs a delegation or the host registered, with their signing secret and health.
import type { Selectable } from 'kysely';
import type { DelegationId, SummitId, UserId } from '../../domain/ids.js';
import type { NotificationKind, Tx, Webhook } from '../store.js';
import { flag, json, parseJson } from './columns.js';
import type { WebhookRow } from './rows.js';
import {
  insertVersioned,
  removeVersioned,
  updateVersioned,
  type TableContext,
  type Target,
} from './versioned.js';

/** A webhooks row as a Webhook. */
export function rowToWebhook(row: Selectable<WebhookRow>): Webhook {
  return {
    id: row.id,
    summit: row.summit_id as SummitId,
    delegation: row.delegation_id as DelegationId | null,
    url: row.url,
    secret: row.secret,
    kinds: parseJson<NotificationKind[]>(row.kinds),
    enabled: row.enabled === 1,
    failures: row.failures,
    disabledReason: row.disabled_reason,
    createdBy: row.created_by as UserId,
    createdAt: row.created_at,
    version: row.version,
  };
}

function columnsOf(hook: Webhook): Record<string, unknown> {
  return {
    delegation_id: hook.delegation,
    url: hook.url,
    secret: hook.secret,
    kinds: json(hook.kinds),
    enabled: flag(hook.enabled),
    failures: hook.failures,
    disabled_reason: hook.disabledReason,
    created_by: hook.createdBy,
    created_at: hook.createdAt,
  };
}

/** The webhooks member of a transaction. */
export function webhooksTable(ctx: TableContext): Tx['webhooks'] {
  const target = (summit: string, id: string): Target => ({
    table: 'webhooks',
    entity: 'webhook',
    key: id,
    where: { summit_id: summit, id },
  });
  return {
    async insert(hook) {
      await insertVersioned(ctx, target(hook.summit, hook.id), {
        id: hook.id,
        summit_id: hook.summit,
        ...columnsOf(hook),
      });
      return { ...hook, version: 1 };
    },
    async get(summit, id) {
      const row = await ctx.db
        .selectFrom('webhooks')
        .selectAll()
        .where('summit_id', '=', summit)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? rowToWebhook(row) : undefined;
    },
    async list(summit) {
      const rows = await ctx.db
        .selectFrom('webhooks')
        .selectAll()
        .where('summit_id', '=', summit)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToWebhook);
    },
    async update(hook) {
      const version = await updateVersioned(ctx, target(hook.summit, hook.id), hook.version, columnsOf(hook));
      return { ...hook, version };
    },
    remove(summit, id, expectedVersion) {
      return removeVersioned(ctx, target(summit, id), expectedVersion);
    },
    async recordAttempt(id, ok) {
      // health is not a change of the summit's records: no version, no revision
      await ctx.db
        .updateTable('webhooks')
        .set((eb) => ({ failures: ok ? 0 : eb('failures', '+', 1) }))
        .where('id', '=', id)
        .execute();
      const row = await ctx.db
        .selectFrom('webhooks')
        .select('failures')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.failures ?? 0;
    },
  };
}
