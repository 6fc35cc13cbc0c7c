// What creating a summit gives its creator: an operator's account becomes the new summit's host-admin.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Tx } from '../../store/store.js';

/**
 * Inside the transaction that created `summit`, makes its creator the summit's host-admin, so the
 * operator who made it can go on to set it up; their platform grant alone reads nothing in it. The
 * system (the CLI) acts for no account and is given nothing.
 */
export async function grantCreatorHostAdmin(tx: Tx, actor: Actor, summit: SummitId): Promise<void> {
  if (actor.system) return;
  await tx.users.addGrant(actor.user, { kind: 'host', summit, role: 'host-admin' });
}
