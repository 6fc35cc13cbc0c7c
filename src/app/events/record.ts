// Writes the events of a change inside the change's own transaction, after its state rows.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Scope } from '../../domain/visibility/scope.js';
import type { Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { writeNotices } from '../notify/outbox.js';

type PendingEvent = Omit<DomainEvent, 'seq'>;

/** Events recorded in each open write, appended when the write's own work is done. */
const pending = new WeakMap<Tx, PendingEvent[]>();

/**
 * Records one event of a change made by `actor`, inside a `writeWithEvents` transaction. Events are
 * appended after the change's rows: appending takes the summit's log lock, and taking it last keeps
 * every write's lock order the same (rows, then log), so concurrent writes cannot deadlock.
 */
export async function recordEvent(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  scope: Scope,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const queue = pending.get(tx);
  if (!queue) throw new Error('recordEvent outside writeWithEvents: the event would not be written');
  queue.push({ summit, at: ctx.now(), actor: actor.user, scope, type, payload });
}

/** Runs `fn` in one write transaction and appends the events it recorded, with their notices, before committing. */
export function writeWithEvents<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.store.write(async (tx) => {
    const queue: PendingEvent[] = [];
    pending.set(tx, queue);
    try {
      const result = await fn(tx);
      const appended: DomainEvent[] = [];
      for (const event of queue) appended.push(await tx.events.append(event));
      // the notices commit or roll back with the change they tell of (the outbox)
      await writeNotices(tx, ctx, appended);
      return result;
    } finally {
      pending.delete(tx);
    }
  });
}
