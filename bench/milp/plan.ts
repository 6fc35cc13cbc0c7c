// Between MILP columns and plans: a solution becomes placements with rooms, and a plan becomes a
// starting vector for the solver.
import type { RequestId, RoomId } from '../../src/domain/ids.js';
import type { Instant } from '../../src/domain/time.js';
import type { Placement } from '../../src/engine/result.js';
import type { Columns } from './columns.js';
import { minuteOf, type MilpInstance } from './instance.js';

/** Placements of a solution, and how many chosen columns found no room (aggregated form only). */
export interface SolutionPlan {
  placements: Placement[];
  dropped: number;
}

/**
 * The chosen columns as placements, fixed meetings included, rooms given in order of start. In the
 * exact form each meeting takes the first room of its class free by then: at no grid start do more
 * meetings of a class run than it has rooms, so one is always free. In the aggregated form each
 * takes the smallest free room of the classes it may use, and is dropped when none is free.
 */
export function toPlacements(inst: MilpInstance, columns: Columns, values: ArrayLike<number>): SolutionPlan {
  const out: Placement[] = inst.fixedMeetings.map((m) => placement(m.request, m.start, m.end, m.room));
  const chosen: number[] = [];
  for (let j = 0; j < columns.count; j++) if ((values[j] ?? 0) > 0.5) chosen.push(j);
  const start = (j: number) => inst.grid[columns.grid[j] as number] as number;
  // At one start, meetings with fewer rooms to choose from go first.
  const choice = (j: number) => {
    const cls = columns.cls[j] as number;
    return cls < 0 ? 0 : columns.mode === 'exact' ? 1 : (columns.sets[cls]?.length ?? 0);
  };
  chosen.sort((a, b) => start(a) - start(b) || choice(a) - choice(b) || a - b);
  const freeAt = inst.classes.map((c) => c.rooms.map(() => -Infinity));
  let dropped = 0;
  for (const j of chosen) {
    const r = inst.requests[columns.request[j] as number];
    if (!r) continue;
    const s = start(j);
    const cls = columns.cls[j] as number;
    let room: string | null = null;
    if (cls >= 0) {
      const candidates = columns.mode === 'exact' ? [cls] : (columns.sets[cls] ?? []);
      const pick = smallestFree(inst, candidates, freeAt, s);
      if (pick === null) {
        if (columns.mode === 'exact') throw new Error(`no free room in class ${cls} at minute ${s}`);
        dropped++;
        continue;
      }
      (freeAt[pick.cls] as number[])[pick.k] = s + r.minutes;
      room = inst.classes[pick.cls]?.rooms[pick.k] ?? null;
    }
    out.push(placement(r.id, s, s + r.minutes, room));
  }
  return { placements: out, dropped };
}

function smallestFree(
  inst: MilpInstance,
  classes: readonly number[],
  freeAt: number[][],
  s: number,
): { cls: number; k: number } | null {
  let best: { cls: number; k: number; capacity: number } | null = null;
  for (const c of classes) {
    const k = (freeAt[c] ?? []).findIndex((until) => until <= s);
    const capacity = inst.classes[c]?.capacity ?? Infinity;
    if (k >= 0 && (best === null || capacity < best.capacity)) best = { cls: c, k, capacity };
  }
  return best;
}

/**
 * The column vector of a plan. Fixed meetings are constants, not columns; any other placement
 * that matches no column is counted as missing (a sign that the model forbids something legal).
 */
export function startVector(
  inst: MilpInstance,
  columns: Columns,
  plan: readonly Placement[],
): { values: Float64Array; weight: number; missing: number } {
  const requestIndex = new Map(inst.requests.map((r, i) => [r.id, i]));
  const gridIndex = new Map(inst.grid.map((t, g) => [t, g]));
  const classOfRoom = new Map<string, number>();
  inst.classes.forEach((c, i) => c.rooms.forEach((room) => classOfRoom.set(room, i)));
  const where = (j: number) => (columns.mode === 'exact' ? columns.cls[j] : columns.venue[j]);
  const columnOf = new Map<string, number>();
  for (let j = 0; j < columns.count; j++)
    columnOf.set(`${columns.request[j]}|${columns.grid[j]}|${where(j)}`, j);
  const values = new Float64Array(columns.count);
  let weight = 0;
  let missing = 0;
  for (const p of plan) {
    const ri = requestIndex.get(p.request);
    if (ri === undefined) continue;
    const r = inst.requests[ri];
    const g = gridIndex.get(minuteOf(p.start));
    const cls = p.room === null ? -1 : (classOfRoom.get(p.room) ?? -2);
    const venue = p.room === null ? (r?.venue ?? -1) : (inst.classes[cls]?.venue ?? -2);
    const j =
      g === undefined ? undefined : columnOf.get(`${ri}|${g}|${columns.mode === 'exact' ? cls : venue}`);
    if (j === undefined) {
      missing++;
      continue;
    }
    values[j] = 1;
    weight += r?.weight ?? 0;
  }
  return { values, weight, missing };
}

function placement(request: string, start: number, end: number, room: string | null): Placement {
  const instant = (m: number) => new Date(m * 60_000).toISOString() as Instant;
  return {
    request: request as RequestId,
    start: instant(start),
    end: instant(end),
    room: room as RoomId | null,
  };
}
