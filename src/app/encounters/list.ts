// Where two principals will meet informally: programme events marked as encounters.
import type { Actor } from '../../domain/actor/schema.js';
import { encountersBetween, type EncounterWindow } from '../../domain/encounter/encounters.js';
import { DelegationId, type SummitId } from '../../domain/ids.js';
import { NotFoundError } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { loadSummitData } from '../summit/load.js';
import { requirePrincipals } from '../summit/principals.js';

/**
 * The encounter windows of two delegations' principals, in time order. Programme and presence are
 * public. The same delegation twice is a mistake of the caller's (ValidationError), not of ours.
 */
export function listEncounters(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  a: string,
  b: string,
): Promise<EncounterWindow[]> {
  requireParticipant(actor, summit);
  if (a === b) {
    return Promise.reject(
      new ValidationError([
        { path: 'b', message: `names "${a}" again: an encounter needs two different delegations` },
      ]),
    );
  }
  return ctx.store.read(async (tx) => {
    const data = await loadSummitData(tx, summit);
    for (const id of [a, b]) {
      if (!data.delegations.some((d) => d.id === id)) throw new NotFoundError('delegation', id);
    }
    requirePrincipals(data, [a, b]);
    return encountersBetween(data, DelegationId.parse(a), DelegationId.parse(b));
  });
}
