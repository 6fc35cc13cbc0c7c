// Loads a request the actor may see, with its conditions, inside a transaction.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import type { Summit } from '../../domain/summit/schema.js';
import { NotFoundError, type Tx } from '../../store/store.js';
import { requireParticipant, requireVisibleRequest } from '../access.js';

/** A request with what its rules need. */
export interface RequestState {
  summit: Summit;
  request: Request;
  conditions: Condition[];
}

/** Loads the summit and a request visible to the actor; "not found" for anything they may not see. */
export async function loadVisibleRequest(
  tx: Tx,
  actor: Actor,
  summitId: SummitId,
  id: string,
): Promise<RequestState> {
  requireParticipant(actor, summitId);
  const summit = await tx.summits.get(summitId);
  if (!summit) throw new NotFoundError('summit', summitId);
  const request = requireVisibleRequest(actor, summitId, await tx.requests.get(summitId, id), id);
  const conditions = await tx.conditions.listFor(summitId, id);
  return { summit, request, conditions };
}
