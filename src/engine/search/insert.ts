// Best insertion: the highest-value (start, room) for one request against the current plan.
import type { Model, RequestModel } from '../model/model.js';
import { placementValue } from '../model/model.js';
import type { Rng } from '../rng.js';
import type { ScheduleState } from './state.js';

/** What a bestSlot call saw besides its answer. */
export interface SlotSearch {
  /** Some start had every attendee free (so a failure was for want of a room). */
  personsFree: boolean;
}

/** 0: the full objective; 1: existing places earn nothing extra; 2: priority only. */
export type Coarseness = 0 | 1 | 2;

/** One place a request can go. */
export interface Slot {
  g: number;
  venue: number;
  room: number;
  value: number;
}

const rankCache = new WeakMap<Model, Int32Array>();

/**
 * Room preference classes: rooms lent to a delegation first (nobody else may use them), then by
 * capacity, smallest first. Rooms of one class are interchangeable but for how snugly they fit.
 */
export function roomRanks(m: Model): Int32Array {
  let ranks = rankCache.get(m);
  if (!ranks) {
    const key = (k: number) => `${m.rooms[k]!.delegation === null ? 1 : 0}:${m.rooms[k]!.capacity}`;
    const classes = [...new Set(m.rooms.map((_, k) => key(k)))].sort((a, b) => {
      const [la, ca] = a.split(':').map(Number) as [number, number];
      const [lb, cb] = b.split(':').map(Number) as [number, number];
      return la - lb || ca - cb;
    });
    const index = new Map(classes.map((c, i) => [c, i]));
    ranks = Int32Array.from(m.rooms, (_, k) => index.get(key(k))!);
    rankCache.set(m, ranks);
  }
  return ranks;
}

/**
 * Finds the best slot for request r: highest value, then the snuggest fit (next to other meetings of
 * the same room and attendees, which keeps free time in large pieces), then the earliest, or a random
 * one among equals when `rng` is given. `coarse` ignores existing places, or preferred windows too (a
 * repair sometimes needs a meeting to leave its old place for others to fit). Null when nothing fits.
 */
export function bestSlot(
  state: ScheduleState,
  r: number,
  rng: Rng | null,
  coarse: Coarseness = 0,
  seen: SlotSearch = { personsFree: false },
): Slot | null {
  const m = state.m;
  const req = m.requests[r]!;
  const { tl } = m;
  const ranks = roomRanks(m);
  const words = new Uint32Array(m.RW);
  let best: Slot | null = null;
  let bestSnug = -1;
  let ties = 0;
  seen.personsFree = false;
  for (const opt of req.options) {
    const starts = opt.starts;
    for (let i = 0; i < starts.length; i++) {
      const g = starts[i]!;
      if (!state.personsFree(req, g, opt.venue)) continue;
      seen.personsFree = true;
      if (!state.rulesFree(req, g)) continue;
      const t = tl.gridMin[g]!;
      let room = -1;
      let roomSnug = 0;
      if (opt.roomMask) {
        room = pickRoom(state, req, g, opt.rooms, opt.roomMask, words, ranks);
        if (room < 0) continue;
        roomSnug = snugRoom(state, room, g, req.roomHold[g]! - g);
      }
      const kept = req.existing !== null && req.existing.g === g && req.existing.room === room;
      // Coarser comparisons let a repair move an existing meeting (1: its old place earns nothing
      // extra) or ignore preferred windows too (2: priority only).
      const value =
        coarse === 0
          ? placementValue(m, req, t, kept)
          : coarse === 1
            ? placementValue(m, req, t, true)
            : req.weight;
      const snug = roomSnug + snugPersons(state, req, g);
      if (best === null || value > best.value || (value === best.value && snug > bestSnug)) {
        best = { g, venue: opt.venue, room, value };
        bestSnug = snug;
        ties = 1;
      } else if (value === best.value && snug === bestSnug && rng !== null) {
        ties++;
        if (rng.int(ties) === 0) best = { g, venue: opt.venue, room, value };
      }
    }
  }
  return best;
}

/**
 * The best free room at g for the request among `rooms` (in preference order, `mask` the same set as
 * a bitset): the existing meeting's room when it is free (keeping it costs nothing), else the first
 * preference class with a free room, and in it the snuggest room. -1 when none is free.
 */
export function pickRoom(
  state: ScheduleState,
  req: RequestModel,
  g: number,
  rooms: Int32Array,
  mask: Uint32Array,
  words: Uint32Array,
  ranks: Int32Array,
): number {
  const m = state.m;
  const RW = m.RW;
  const G = m.tl.G;
  const end = m.tl.gridMin[g]! + req.minutes;
  let any = 0;
  for (let w = 0; w < RW; w++) {
    let bits = mask[w]!;
    const hold = req.roomHold[g]!;
    for (let u = g; u < hold; u++) bits &= state.roomFree[u * RW + w]!;
    words[w] = bits;
    any |= bits;
  }
  if (any === 0) return -1;
  if (req.existing !== null && req.existing.g === g && req.existing.room >= 0) {
    const k = req.existing.room;
    if ((words[k >>> 5]! >>> (k & 31)) & 1 && m.roomFreeUntil[k * G + g]! >= end) return k;
  }
  let best = -1;
  let bestClass = 0;
  let bestSnug = -1;
  for (let i = 0; i < rooms.length; i++) {
    const k = rooms[i]!;
    if (best >= 0 && ranks[k]! > bestClass) break;
    if (!((words[k >>> 5]! >>> (k & 31)) & 1) || m.roomFreeUntil[k * G + g]! < end) continue;
    const snug = snugRoom(state, k, g, req.roomHold[g]! - g);
    if (snug > bestSnug) {
      best = k;
      bestClass = ranks[k]!;
      bestSnug = snug;
      if (snug === 2) break;
    }
  }
  return best;
}

/** 0..2: how many ends of [g, g + units) in room k touch a meeting, a closed time or the day's edge. */
export function snugRoom(state: ScheduleState, k: number, g: number, units: number): number {
  const m = state.m;
  const { tl } = m;
  const G = tl.G;
  const day = tl.days[tl.gridDay[g]!]!;
  const base = k * G;
  let s = 0;
  if (
    g === day.firstG ||
    state.roomOwner[base + g - 1] !== -1 ||
    m.roomFreeUntil[base + g - 1]! < tl.gridMin[g]!
  )
    s++;
  const u1 = g + units;
  if (u1 >= day.endG || state.roomOwner[base + u1] !== -1 || m.roomFreeUntil[base + u1]! <= tl.gridMin[u1]!)
    s++;
  return s;
}

function snugPersons(state: ScheduleState, req: RequestModel, g: number): number {
  const { tl } = state.m;
  const G = tl.G;
  const day = tl.days[tl.gridDay[g]!]!;
  const u1 = g + req.units;
  let s = 0;
  for (const p of req.attendees) {
    const base = p * G;
    if (g === day.firstG || state.personOwner[base + g - 1] !== -1) s++;
    if (u1 >= day.endG || state.personOwner[base + u1] !== -1) s++;
  }
  return s;
}
