// A summit's revision as a participant may learn it: how caches of its answers know they are current.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';

/**
 * The summit's latest committed revision (see Store.summitRevision), for participants only (others
 * get "not found", as for every summit read). It reveals only that the summit changed, which every
 * participant already learns from its live updates. `mark`: see Store.summitRevision.
 */
export function summitRevision(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  mark?: number,
): Promise<number> {
  requireParticipant(actor, summit);
  return ctx.store.summitRevision(summit, mark);
}
