// Building a first plan: keep existing meetings where they still fit, then place the rest greedily,
// most valuable and most constrained first.
import type { Model } from '../model/model.js';
import { bestSlot } from './insert.js';
import { ScheduleState } from './state.js';

/**
 * Decides which existing movable meetings still fit: in order of priority (ties: the request listed
 * first), each that satisfies every rule together with the fixed meetings and those kept before it.
 * Moving or dropping one of them counts against maxMoves; the others (their person left, their room
 * closed, or they clash with a more important existing meeting) may be repaired freely. Idempotent.
 */
export function markFitting(m: Model): void {
  const scratch = new ScheduleState(m);
  let fitting = 0;
  for (const r of existingOrder(m)) {
    const req = m.requests[r]!;
    req.existing!.fits = false;
    const at = existingSlot(scratch, r);
    if (!at) continue;
    req.existing!.fits = true;
    fitting++;
    scratch.place(r, at.g, at.venue, at.room);
  }
  m.fitting = fitting;
}

/** Puts each movable existing meeting that still fits (markFitting) back at its start and room. */
export function keepExisting(state: ScheduleState): void {
  const m = state.m;
  for (const r of existingOrder(m)) {
    if (!m.requests[r]!.existing!.fits || state.start[r]! >= 0) continue;
    const at = existingSlot(state, r);
    if (at) state.place(r, at.g, at.venue, at.room);
  }
}

/** Variables with an existing meeting, highest priority first (ties: input order). */
function existingOrder(m: Model): number[] {
  return [...m.variables]
    .filter((r) => m.requests[r]!.existing !== null)
    .sort((a, b) => m.requests[b]!.weight - m.requests[a]!.weight || a - b);
}

/** Request r's existing start and room when it is legal in `state` now, or null. */
export function existingSlot(
  state: ScheduleState,
  r: number,
): { g: number; venue: number; room: number } | null {
  const req = state.m.requests[r]!;
  const ex = req.existing;
  if (!ex || ex.g < 0) return null;
  for (const opt of req.options) {
    const inRooms = ex.room < 0 ? opt.roomMask === null : opt.rooms.includes(ex.room);
    if (!inRooms || !binaryHas(opt.starts, ex.g)) continue;
    if (!state.personsFree(req, ex.g, opt.venue) || !state.rulesFree(req, ex.g)) continue;
    if (ex.room >= 0 && !state.roomFits(ex.room, req, ex.g)) continue;
    return { g: ex.g, venue: opt.venue, room: ex.room };
  }
  return null;
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
        if (!state.personsFree(req, g, opt.venue) || !state.rulesFree(req, g)) continue;
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
