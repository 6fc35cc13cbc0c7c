// The Actor a signed-in user acts as: their id and every role they were granted.
import type { Actor } from '../../domain/actor/schema.js';
import type { Tx, User } from '../../store/store.js';

/** Builds the Actor of a user from their stored grants. */
export async function actorFor(tx: Tx, user: User): Promise<Actor> {
  return { user: user.id, grants: await tx.users.grants(user.id), system: false };
}
