// The summits table: the one collection that is not inside a summit.
import type { SummitId } from '../../domain/ids.js';
import type { Summit } from '../../domain/summit/schema.js';
import type { Quota, RankParity } from '../../domain/summit/practice.js';
import type { Instant } from '../../domain/time.js';
import type { ConfirmationDeadline } from '../../domain/meeting/confirmation-deadline.js';
import { json, parseJson } from './columns.js';
import type { Tx } from '../store.js';
import type { SummitRow } from './rows.js';
import { insertVersioned, updateVersioned, type TableContext, type Target } from './versioned.js';

/** A summits row as a Summit. */
export function rowToSummit(row: SummitRow): Summit {
  return {
    id: row.id as SummitId,
    name: row.name,
    timezone: row.timezone,
    days: { from: row.days_from, to: row.days_to },
    dayWindow: { from: row.day_from, to: row.day_to },
    grainMinutes: row.grain_minutes,
    bufferMinutes: row.buffer_minutes,
    roomTurnoverMinutes: row.room_turnover_minutes,
    rankParity: row.rank_parity as RankParity,
    planning: {
      maxMoves: row.max_moves,
      now: row.planning_now as Instant | null,
      freezeHours: row.freeze_hours,
    },
    quotas: parseJson<Quota[]>(row.quotas),
    confirmation: row.confirmation === null ? null : parseJson<ConfirmationDeadline>(row.confirmation),
    version: row.version,
  };
}

/** A Summit as the columns of its row, version aside. */
export function summitToRow(summit: Summit): Omit<SummitRow, 'version'> {
  return {
    id: summit.id,
    name: summit.name,
    timezone: summit.timezone,
    days_from: summit.days.from,
    days_to: summit.days.to,
    day_from: summit.dayWindow.from,
    day_to: summit.dayWindow.to,
    grain_minutes: summit.grainMinutes,
    buffer_minutes: summit.bufferMinutes,
    room_turnover_minutes: summit.roomTurnoverMinutes,
    rank_parity: summit.rankParity,
    max_moves: summit.planning.maxMoves,
    planning_now: summit.planning.now,
    freeze_hours: summit.planning.freezeHours,
    quotas: json(summit.quotas),
    confirmation: summit.confirmation === null ? null : json(summit.confirmation),
  };
}

/** The summits member of a transaction. */
export function summitsTable(ctx: TableContext): Tx['summits'] {
  const target = (id: string): Target => ({ table: 'summits', entity: 'summit', key: id, where: { id } });
  return {
    async get(id) {
      const row = await ctx.db.selectFrom('summits').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToSummit(row) : undefined;
    },
    async list() {
      const rows = await ctx.db.selectFrom('summits').selectAll().orderBy('id').execute();
      return rows.map(rowToSummit);
    },
    async insert(summit) {
      await insertVersioned(ctx, target(summit.id), summitToRow(summit));
      return { ...summit, version: 1 };
    },
    async update(summit) {
      const { id: _id, ...values } = summitToRow(summit);
      const version = await updateVersioned(ctx, target(summit.id), summit.version, values);
      return { ...summit, version };
    },
  };
}
