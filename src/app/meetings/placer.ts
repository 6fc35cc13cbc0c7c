// Who may place, move, pin or take off a request's meeting: the host's staff who place meetings, and
// for a confidential request (which the host may not see) its own parties, who arrange it themselves.
import { can, delegationsOf } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Request } from '../../domain/request/schema.js';
import { actingDelegation, requireCapability } from '../access.js';
import { ForbiddenError } from '../errors.js';

/** Who places a meeting: the host (or the system), or a party of a confidential request. */
export type Placer = { kind: 'host' } | { kind: 'party'; delegation: DelegationId };

/**
 * Refuses, before any record is read, an actor who could place no meeting at all: neither the host's
 * staff who place meetings nor a lead or protocol officer of any delegation (403, as before).
 */
export function requireMayPlaceAny(actor: Actor, summit: SummitId): void {
  if (can(actor, summit, 'place-meetings')) return;
  if (delegationsOf(actor, summit).some((d) => can(actor, summit, 'act-on-request', d))) return;
  requireCapability(actor, summit, 'place-meetings');
}

/**
 * Who the actor places `request`'s meeting as, once it is known they may see it: the host's staff
 * place any meeting they see; the parties' leads and protocol officers place a confidential one.
 * Anyone else is refused (403): the request is visible to them, so saying so leaks nothing.
 */
export function placerOf(
  actor: Actor,
  summit: SummitId,
  request: Request,
  actingFor?: DelegationId | null,
): Placer {
  if (can(actor, summit, 'place-meetings')) return { kind: 'host' };
  if (!request.confidential) {
    throw new ForbiddenError(
      `only the host places meetings of request ${request.id}; its parties place only confidential requests`,
    );
  }
  const delegation = actingDelegation(actor, summit, partiesOf(request), actingFor);
  requireCapability(actor, summit, 'act-on-request', delegation);
  return { kind: 'party', delegation };
}

/** The acting context a placer takes life-cycle steps in (a party acts for its delegation). */
export function placerActing(actor: Actor, summit: SummitId, placer: Placer) {
  return placer.kind === 'party' ? { actor, summit, delegation: placer.delegation } : { actor, summit };
}
