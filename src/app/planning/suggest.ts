// Suggestions: the best free slots for one request among the meetings placed now.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../../engine/result.js';
import { suggest, type Suggestion } from '../../engine/suggest.js';
import type { AppContext } from '../context.js';
import { loadVisibleRequest } from '../requests/load.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { z } from 'zod';
import { planningInputFor } from './plan.js';
import { hiddenRequests } from './plan-view.js';
import { NO_POLICY } from '../../engine/policy.js';

/** How many suggestions to ask for, and optionally the instant they should be nearest to. */
export const SuggestionsInput = z.strictObject({
  k: z.coerce.number().int().min(1).max(50).default(5),
  near: Instant.optional().describe('Nearest starts to this instant first (where a meeting was dropped)'),
});

/** The summit's stored meetings as the plan the engine reasons about. */
export function currentPlan(data: SummitData): Plan {
  return {
    summit: data.summit.id,
    objective: { weight: 0, preferred: 0, moved: 0 },
    bound: null,
    meetings: data.meetings.map((m) => ({ request: m.request, start: m.start, end: m.end, room: m.room })),
    unscheduled: [],
    moved: [],
    moves: [],
    policy: NO_POLICY,
    stats: { millis: 0, seed: 0 },
  };
}

/**
 * The engine's view of a summit for one reader's question, as for planning (planningInputFor): busy
 * labels stripped, and the meetings of requests the reader may not see kept as anonymous occupancy,
 * so they still block but are never named, moved or counted among the meetings a slot displaces.
 */
export async function questionInput(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
): Promise<{ data: SummitData; hidden: Set<string> }> {
  return ctx.store.read(async (tx) => {
    await loadVisibleRequest(tx, actor, summit, requestId);
    const stored = await loadSummitData(tx, summit);
    return { data: planningInputFor(actor, stored), hidden: hiddenRequests(actor, stored) };
  });
}

/**
 * The top `k` slots where a request the actor may see would fit now, preferred windows first, then
 * earlier starts (or nearest to `near` first); nothing is written. Works for a request in any state (a preview before agreement).
 */
export async function suggestSlots(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
): Promise<Suggestion[]> {
  const { k, near } = parseInput(SuggestionsInput, input ?? {});
  const { data } = await questionInput(ctx, actor, summit, requestId);
  return suggest(data, currentPlan(data), requestId, k, near ?? null);
}
