// Tables of the service rather than of any summit: shared request counters and readiness probes.
import { sql } from 'kysely';
import type { Tx } from '../store.js';
import type { TableContext } from './versioned.js';

/** The rateCounters member of a transaction. */
export function rateCountersTable(ctx: TableContext): Tx['rateCounters'] {
  return {
    async add(entries) {
      const totals = new Map<string, number>();
      if (entries.length === 0) return totals;
      // keys in one order, so two servers adding the same keys lock their rows in the same order
      const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const rows = await ctx.db
        .insertInto('rate_counters')
        .values(sorted.map((e) => ({ key: e.key, window_start: e.windowStart, hits: e.hits })))
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            // a counter of an older window starts again; one of this window adds up
            hits: sql<number>`case when rate_counters.window_start = excluded.window_start then rate_counters.hits + excluded.hits else excluded.hits end`,
            window_start: sql<number>`excluded.window_start`,
          }),
        )
        .returning(['key', 'hits'])
        .execute();
      for (const row of rows) totals.set(row.key, Number(row.hits));
      return totals;
    },
    async removeBefore(windowStart) {
      const result = await ctx.db
        .deleteFrom('rate_counters')
        .where('window_start', '<', windowStart)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** The probes member of a transaction. */
export function probesTable(ctx: TableContext): Tx['probes'] {
  return {
    async write(name, by, at) {
      await ctx.db
        .insertInto('store_probes')
        .values({ name, by, at })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ at, by }))
        .execute();
    },
  };
}
