// Writes the one event of a change, inside the change's own transaction.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Scope } from '../../domain/visibility/scope.js';
import type { Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';

/** Appends one event for a change made by `actor`; call it in the same `store.write` as the change. */
export function recordEvent(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  scope: Scope,
  type: string,
  payload: Record<string, unknown>,
): Promise<DomainEvent> {
  return tx.events.append({ summit, at: ctx.now(), actor: actor.user, scope, type, payload });
}
