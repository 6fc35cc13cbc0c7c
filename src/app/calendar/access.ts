// Who may issue and revoke a person's calendar feed: their own delegation, or the host.
import { can, isHost } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { PersonId, SummitId } from '../../domain/ids.js';
import type { Person } from '../../domain/summit/schema.js';
import { NotFoundError, type Tx } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import { ForbiddenError } from '../errors.js';

/**
 * True when `actor` may hold a feed of `person`: a member of the person's delegation (the feed
 * shows what the delegation sees), or the host's staff (for their own people's calendars: the
 * feed shows what the host sees). A feed never shows more than its issuer may read.
 */
export function mayIssueFeed(actor: Actor, summit: SummitId, person: Person): boolean {
  return actor.system || can(actor, summit, 'read', person.delegation) || isHost(actor, summit);
}

/** The person, when the actor may manage their feeds; "not found" or "forbidden" otherwise. */
export async function requireFeedManager(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  personId: PersonId,
): Promise<Person> {
  requireParticipant(actor, summit);
  const person = await tx.persons.get(summit, personId);
  if (!person) throw new NotFoundError('person', personId);
  if (!mayIssueFeed(actor, summit, person)) {
    throw new ForbiddenError(
      `only ${person.delegation}'s own delegation or the host may issue calendar feeds for ${personId}`,
    );
  }
  return person;
}
