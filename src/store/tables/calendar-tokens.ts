// Calendar-feed tokens: one person's subscription URL secret, stored as its hash, revocable.
import type { PersonId, SummitId, UserId } from '../../domain/ids.js';
import { NotFoundError, type CalendarToken, type Tx } from '../store.js';
import type { CalendarTokenRow } from './rows.js';
import { insertOnce, type TableContext } from './versioned.js';

/** A calendar_tokens row as a CalendarToken. */
export function rowToCalendarToken(row: CalendarTokenRow): CalendarToken {
  return {
    id: row.id,
    hash: row.hash,
    summit: row.summit_id as SummitId,
    person: row.person_id as PersonId,
    createdBy: row.created_by as UserId,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** The calendarTokens member of a transaction. */
export function calendarTokensTable(ctx: TableContext): Tx['calendarTokens'] {
  const ofSummit = (summit: string) =>
    ctx.db.selectFrom('calendar_tokens').selectAll().where('summit_id', '=', summit);
  return {
    async insert(token) {
      const target = {
        table: 'calendar_tokens' as const,
        entity: 'calendar token',
        key: token.id,
        where: {},
      };
      await insertOnce(ctx, target, {
        id: token.id,
        hash: token.hash,
        summit_id: token.summit,
        person_id: token.person,
        created_by: token.createdBy,
        created_at: token.createdAt,
        revoked_at: token.revokedAt,
      });
    },
    async byHash(hash) {
      const row = await ctx.db
        .selectFrom('calendar_tokens')
        .selectAll()
        .where('hash', '=', hash)
        .executeTakeFirst();
      return row ? rowToCalendarToken(row) : undefined;
    },
    async get(summit, id) {
      const row = await ofSummit(summit).where('id', '=', id).executeTakeFirst();
      return row ? rowToCalendarToken(row) : undefined;
    },
    async listFor(summit, person) {
      const rows = await ofSummit(summit)
        .where('person_id', '=', person)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToCalendarToken);
    },
    async revoke(summit, id, at) {
      const result = await ctx.db
        .updateTable('calendar_tokens')
        .set({ revoked_at: at })
        .where('summit_id', '=', summit)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return;
      if (!(await ofSummit(summit).where('id', '=', id).executeTakeFirst())) {
        throw new NotFoundError('calendar token', id);
      }
    },
  };
}
