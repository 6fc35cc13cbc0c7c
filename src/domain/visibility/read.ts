// Who may read a record of a given scope: the one rule the application applies to every read.
import { can, delegationsOf, isHost, rolesIn } from '../actor/authority.js';
import type { Actor } from '../actor/schema.js';
import type { SummitId } from '../ids.js';
import type { Scope } from './scope.js';

/** What a parties-scoped record may need beyond its scope. */
export interface ReadOptions {
  /**
   * Whether the record's request is confidential, when the scope does not say; known from neither,
   * it counts as confidential (fails closed).
   */
  confidential?: boolean;
}

/**
 * True when the actor may read a record of `scope` in `summit`. Any participant reads the summit
 * scope; the host reads host records and, for logistics, the parties scope of non-confidential
 * requests, never a delegation's; a delegation member reads its own delegation's records and those
 * of requests it is a party to. The system reads everything.
 */
export function canRead(actor: Actor, summit: SummitId, scope: Scope, opts: ReadOptions = {}): boolean {
  if (actor.system) return true;
  const member = (d: Parameters<typeof can>[3]) => can(actor, summit, 'read', d);
  switch (scope.kind) {
    case 'summit':
      return rolesIn(actor, summit).length > 0;
    case 'host':
      return isHost(actor, summit);
    case 'delegation':
      return member(scope.delegation);
    case 'parties': {
      const party = delegationsOf(actor, summit).some((d) => scope.delegations.includes(d) && member(d));
      const confidential = opts.confidential ?? scope.confidential ?? true;
      const logistics = !confidential && can(actor, summit, 'read-logistics');
      return party || logistics;
    }
  }
}
