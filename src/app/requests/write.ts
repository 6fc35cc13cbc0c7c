// Writes a changed request with its events, guarding against stale versions.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Request } from '../../domain/request/schema.js';
import type { Tx } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../events/record.js';

/**
 * Stores `next` over `before`. `expectedVersion` is the version the caller read (If-Match);
 * when omitted the version loaded in this transaction is used. One event per transition taken.
 */
export async function saveRequest(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  before: Request,
  next: Request,
  transitions: readonly string[],
  expectedVersion: number | undefined,
): Promise<Request> {
  const stored = await tx.requests.update(summit, { ...next, version: expectedVersion ?? before.version });
  for (const name of transitions) {
    await recordEvent(tx, ctx, actor, summit, partiesScope(stored), `request.${name}`, {
      request: stored.id,
      from: before.status,
      to: stored.status,
    });
  }
  return stored;
}
