// Building a first plan: keep existing meetings where they still fit, then place the rest greedily,
// most valuable and most constrained first.
import type { Model } from '../model/model.js';
import { bestSlot } from './insert.js';
import type { ScheduleState } from './state.js';

/** Puts each movable existing meeting back at its start and room when that is still legal. */
export function keepExisting(state: ScheduleState): void {
  const m = state.m;
  const order = [...m.variables]
    .filter((r) => m.requests[r]!.existing !== null)
    .sort((a, b) => m.requests[b]!.weight - m.requests[a]!.weight || a - b);
  for (const r of order) {
    const req = m.requests[r]!;
    const ex = req.existing!;
    if (ex.g < 0) continue;
    for (const opt of req.options) {
      const inRooms = ex.room < 0 ? opt.roomMask === null : opt.rooms.includes(ex.room);
      if (!inRooms || !binaryHas(opt.starts, ex.g)) continue;
      if (!state.personsFree(req, ex.g, opt.venue)) continue;
      if (ex.room >= 0 && !state.roomFits(ex.room, req, ex.g)) continue;
      state.place(r, ex.g, opt.venue, ex.room);
      break;
    }
  }
}

/**
 * The order of greedy construction: higher `key` first (priority by default), then fewer candidate
 * slots (the most constrained), then longer meetings, then input order.
 */
export function constructionOrder(m: Model, key?: Float64Array): number[] {
  const slots = new Float64Array(m.requests.length);
  for (const r of m.variables) {
    let n = 0;
    for (const o of m.requests[r]!.options) n += o.starts.length * Math.max(1, o.rooms.length);
    slots[r] = n;
  }
  const primary = key ?? Float64Array.from(m.requests, (r) => r.weight);
  return [...m.variables].sort(
    (a, b) =>
      primary[b]! - primary[a]! ||
      slots[a]! - slots[b]! ||
      m.requests[b]!.minutes - m.requests[a]!.minutes ||
      a - b,
  );
}

/** Greedy: each unplaced request in `order` goes to its best slot, if any. */
export function construct(state: ScheduleState, order: readonly number[]): void {
  for (const r of order) {
    if (state.start[r]! >= 0 || state.m.requests[r]!.options.length === 0) continue;
    const slot = bestSlot(state, r, null);
    if (slot) state.place(r, slot.g, slot.venue, slot.room);
  }
}

/**
 * The plain greedy of the benchmark baseline: requests by priority (ties by id), each at its earliest
 * feasible start, in the first room of the summit's order. The search starts from the best first plan,
 * so it never ends below this one.
 */
export function earliestFirst(state: ScheduleState): void {
  const m = state.m;
  const order = [...m.variables].sort(
    (a, b) =>
      m.requests[b]!.weight - m.requests[a]!.weight ||
      (m.requests[a]!.id < m.requests[b]!.id ? -1 : m.requests[a]!.id > m.requests[b]!.id ? 1 : 0),
  );
  for (const r of order) {
    if (state.start[r]! >= 0) continue;
    const req = m.requests[r]!;
    let bestG = Infinity;
    let bestRoom = -1;
    let bestVenue = -1;
    for (const opt of req.options) {
      for (const g of opt.starts) {
        if (g > bestG) break;
        if (!state.personsFree(req, g, opt.venue)) continue;
        let room = -1;
        if (opt.roomMask) {
          for (const k of opt.rooms) if ((room < 0 || k < room) && state.roomFits(k, req, g)) room = k;
          if (room < 0) continue;
        }
        if (g < bestG || room < bestRoom) {
          bestG = g;
          bestRoom = room;
          bestVenue = opt.venue;
        }
        break;
      }
    }
    if (bestG < Infinity) state.place(r, bestG, bestVenue, bestRoom);
  }
}

function binaryHas(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] === x) return true;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
