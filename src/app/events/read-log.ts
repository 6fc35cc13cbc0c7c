// The event log, as much of it as the reader may see.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';
import { eventSeenBy, LOG_PAGE, readLogPage } from './seen.js';

/** The most events one read returns. */
export const MAX_LOG_LIMIT = 1000;

/**
 * Where to start reading and how much. A limit that is not a whole number of at least 1 (NaN from a
 * bad query string, say) is refused, not read as "no limit"; one above the maximum reads the maximum.
 */
export const LogQuery = z.strictObject({
  /** Events after this position (for resuming a stream). */
  afterSeq: z.number().int().min(0).optional(),
  /** Events at or after this instant. */
  since: Instant.optional(),
  /** At most this many events the reader may see (default 200, at most 1000). */
  limit: z.number().int().min(1).optional(),
});
export type LogQuery = z.input<typeof LogQuery>;

/** Events the actor may read, in log order; private events of others are skipped, not redacted. */
export async function readEventLog(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  query: LogQuery = {},
): Promise<DomainEvent[]> {
  const q = parseInput(LogQuery, query);
  requireParticipant(actor, summit);
  const limit = Math.min(q.limit ?? 200, MAX_LOG_LIMIT);
  const out: DomainEvent[] = [];
  let after = q.afterSeq ?? 0;
  // Read in pages until enough visible events are found or the log ends.
  for (;;) {
    const { events: page, drafts } = await ctx.store.read((tx) => readLogPage(tx, summit, after, q.since));
    for (const e of page) {
      if (eventSeenBy(actor, e, drafts)) out.push(e);
      if (out.length === limit) return out;
    }
    if (page.length < LOG_PAGE) return out;
    after = page[page.length - 1]!.seq;
  }
}
