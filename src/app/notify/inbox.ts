// The signed-in user's own notices: list, count the unread, mark read. Nobody reads another's.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { SummitId } from '../../domain/ids.js';
import { NotFoundError, type Notification } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';

/** Which notices to list. */
export const InboxQuery = z.strictObject({
  summit: SummitId.optional(),
  unread: z.boolean().optional(),
  /** Notices older than this one (the last of the previous page). */
  before: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type InboxQuery = z.input<typeof InboxQuery>;

/**
 * A page of the user's notices, newest first, the id to pass as `before` for the next, and how many
 * are unread (in the summit asked for, or everywhere): the header's badge and list in one read.
 */
export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
  query: InboxQuery = {},
): Promise<{ items: Notification[]; next: string | null; unread: number }> {
  const q = parseInput(InboxQuery, query);
  return ctx.store.read(async (tx) => {
    const anchor = q.before ? await tx.notifications.get(actor.user, q.before) : undefined;
    if (q.before && !anchor) throw new NotFoundError('notification', q.before);
    const items = await tx.notifications.list(actor.user, {
      ...(q.summit ? { summit: q.summit } : {}),
      ...(q.unread ? { unread: true } : {}),
      ...(anchor ? { before: { createdAt: anchor.createdAt, id: anchor.id } } : {}),
      limit: q.limit + 1,
    });
    const page = items.slice(0, q.limit);
    const unread = await tx.notifications.unreadCount(actor.user, q.summit);
    return {
      items: page,
      next: items.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
      unread,
    };
  });
}

/** How many of the user's notices are unread (in one summit, or everywhere). */
export function unreadCount(ctx: AppContext, actor: Actor, summit?: SummitId): Promise<number> {
  return ctx.store.read((tx) => tx.notifications.unreadCount(actor.user, summit));
}

/** Marks one of the user's notices read; another user's is "not found". Reading twice is fine. */
export function markNotificationRead(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  return ctx.store.write(async (tx) => {
    if (!(await tx.notifications.get(actor.user, id))) throw new NotFoundError('notification', id);
    await tx.notifications.markRead(actor.user, ctx.now(), { ids: [id] });
  });
}

/** Marks every unread notice of the user read (in one summit, or everywhere); says how many. */
export function markAllRead(ctx: AppContext, actor: Actor, summit?: SummitId): Promise<number> {
  return ctx.store.write((tx) => tx.notifications.markRead(actor.user, ctx.now(), summit ? { summit } : {}));
}
