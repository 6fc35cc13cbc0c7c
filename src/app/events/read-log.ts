// The event log, as much of it as the reader may see.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { canReadScope, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';

/** Where to start reading and how much. */
export interface LogQuery {
  /** Events after this position (for resuming a stream). */
  afterSeq?: number;
  /** Events at or after this instant. */
  since?: string;
  /** At most this many events the reader may see (default 200, at most 1000). */
  limit?: number;
}

/** Events the actor may read, in log order; private events of others are skipped, not redacted. */
export async function readEventLog(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  query: LogQuery = {},
): Promise<DomainEvent[]> {
  requireParticipant(actor, summit);
  const limit = Math.min(Math.max(query.limit ?? 200, 1), 1000);
  const out: DomainEvent[] = [];
  let after = query.afterSeq ?? 0;
  // Read in pages until enough visible events are found or the log ends.
  for (;;) {
    const page = await ctx.store.read((tx) =>
      tx.events.list(summit, { afterSeq: after, ...(query.since ? { since: query.since } : {}), limit: 500 }),
    );
    for (const e of page) {
      if (canReadScope(actor, summit, e.scope)) out.push(e);
      if (out.length === limit) return out;
    }
    if (page.length < 500) return out;
    after = page[page.length - 1]!.seq;
  }
}
