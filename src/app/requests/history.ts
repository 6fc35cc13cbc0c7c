// The history of one request: the events about it that the reader may see.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { AppContext } from '../context.js';
import { readEventLog } from '../events/read-log.js';
import { loadVisibleRequest } from './load.js';

const BATCH = 1000;

/**
 * The events whose payload names the request, in log order, as far as the actor may read them
 * (another delegation's deliberation events are skipped). "Not found" when the request is hidden.
 */
export async function requestHistory(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
): Promise<DomainEvent[]> {
  await ctx.store.read((tx) => loadVisibleRequest(tx, actor, summit, requestId));
  const out: DomainEvent[] = [];
  let afterSeq = 0;
  // readEventLog applies the visibility rule; walk the whole log in batches of visible events
  for (;;) {
    const batch = await readEventLog(ctx, actor, summit, { afterSeq, limit: BATCH });
    out.push(...batch.filter((e) => e.payload.request === requestId));
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return out;
    afterSeq = last.seq;
  }
}
