// The append-only event log: one row per change, numbered by a database sequence.
import type { Selectable } from 'kysely';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { Instant } from '../../domain/time.js';
import type { Scope } from '../../domain/visibility/scope.js';
import type { EventQuery, Tx } from '../store.js';
import { json, parseJson } from './columns.js';
import type { EventRow } from './rows.js';
import { guarded, type TableContext } from './versioned.js';

/** An events row as a DomainEvent. */
export function rowToEvent(row: Selectable<EventRow>): DomainEvent {
  return {
    seq: Number(row.seq),
    summit: row.summit_id as SummitId,
    at: row.at as Instant,
    actor: row.actor_id as UserId,
    scope: parseJson<Scope>(row.scope),
    type: row.type,
    payload: parseJson<Record<string, unknown>>(row.payload),
  };
}

/** Epoch milliseconds of an instant, refusing text that is not one. */
function millis(instant: string, where: string): number {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new Error(`${where}: "${instant}" is not an instant`);
  return ms;
}

function checkQuery(query: EventQuery): void {
  const { afterSeq, limit } = query;
  if (afterSeq !== undefined && !(Number.isInteger(afterSeq) && afterSeq >= 0)) {
    throw new Error(`events query afterSeq: a whole number from 0, got ${afterSeq}`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new Error(`events query limit: a whole number from 1, got ${limit}`);
  }
}

/** The events member of a transaction. */
export function eventsTable(ctx: TableContext): Tx['events'] {
  return {
    async append(event) {
      const row = {
        summit_id: event.summit,
        at: event.at,
        at_ms: millis(event.at, 'event at'),
        actor_id: event.actor,
        scope: json(event.scope),
        type: event.type,
        payload: json(event.payload),
      };
      const target = { entity: 'event', key: `${event.type} in summit ${event.summit}` };
      await ctx.touch(event.summit); // first: the revision lock comes before the log's
      await ctx.lockEventLog(event.summit);
      const inserted = await guarded(ctx, target, 'write', () =>
        ctx.db.insertInto('events').values(row).returning('seq').executeTakeFirstOrThrow(),
      );
      const seq = Number(inserted.seq);
      await ctx.notify({ kind: 'event', summit: event.summit, seq });
      return { ...event, seq };
    },
    async list(summit, query = {}) {
      checkQuery(query);
      let select = ctx.db.selectFrom('events').selectAll().where('summit_id', '=', summit);
      if (query.afterSeq !== undefined) select = select.where('seq', '>', query.afterSeq);
      if (query.since !== undefined)
        select = select.where('at_ms', '>=', millis(query.since, 'events query since'));
      select = select.orderBy('seq');
      if (query.limit !== undefined) select = select.limit(query.limit);
      const rows = await select.execute();
      return rows.map(rowToEvent);
    },
    async lastSeq(summit) {
      const row = await ctx.db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('last'))
        .where('summit_id', '=', summit)
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },
  };
}
