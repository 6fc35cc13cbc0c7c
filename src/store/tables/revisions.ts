// Summit revisions: raised once per committed write transaction that changed a summit's records
// (tables/versioned.ts and the few writers beside it mark the summit through TableContext.touch
// before changing it).
import type { Kysely } from 'kysely';
import type { SummitId } from '../../domain/ids.js';
import type { Tx } from '../store.js';
import type { Tables } from './rows.js';
import type { TableContext } from './versioned.js';

/** The revisions member of a transaction. */
export function revisionsTable(ctx: TableContext): Tx['revisions'] {
  return {
    async get(summit: SummitId) {
      const row = await ctx.db
        .selectFrom('summit_revisions')
        .select('revision')
        .where('summit_id', '=', summit)
        .executeTakeFirst();
      return row ? Number(row.revision) : 0;
    },
  };
}

/** Raises the summit's revision by one inside the calling write transaction (see TableContext.touch). */
export async function bumpRevision(db: Kysely<Tables>, summit: string): Promise<void> {
  await db
    .insertInto('summit_revisions')
    .values({ summit_id: summit, revision: 1 })
    .onConflict((conflict) =>
      conflict
        .column('summit_id')
        .doUpdateSet((eb) => ({ revision: eb('summit_revisions.revision', '+', 1) })),
    )
    .execute();
}
