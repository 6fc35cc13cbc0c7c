// The moves of a plan: each existing movable meeting it puts elsewhere or leaves off, with the
// request that now takes its old place (the one it made room for), where there is one.
import type { RequestId, RoomId } from '../domain/ids.js';
import type { Model, RequestModel } from './model/model.js';
import { gapBetween } from './model/model.js';
import { instantOfMinute } from './model/timeline.js';
import type { Move, Slot } from './result.js';
import type { ScheduleState } from './search/state.js';

/** Every existing movable meeting not at its start and room, in the order of the requests. */
export function listMoves(m: Model, state: ScheduleState): Move[] {
  const out: Move[] = [];
  for (const req of m.requests) {
    const ex = req.existing;
    if (ex === null || req.fixed !== null) continue;
    const g = state.start[req.index]!;
    const room = state.room[req.index]!;
    if (g >= 0 && ex.g === g && ex.room === room) continue;
    const move: Move = {
      request: req.id as RequestId,
      from: slotOf(m, req, ex.start, ex.room),
      to: g >= 0 ? slotOf(m, req, m.tl.gridMin[g]!, room) : null,
      fits: ex.fits,
    };
    const taker = madeRoomFor(m, state, req);
    if (taker !== null) move.for = m.requests[taker]!.id as RequestId;
    out.push(move);
  }
  return out;
}

function slotOf(m: Model, req: RequestModel, start: number, room: number): Slot {
  return {
    start: instantOfMinute(m.tl, start),
    end: instantOfMinute(m.tl, start + req.minutes),
    room: room >= 0 ? (m.rooms[room]!.id as RoomId) : null,
  };
}

/**
 * The request whose meeting now stands where `req`'s existing meeting was: in its room at that time,
 * or holding one of its attendees then (travel and buffer included). Meetings that were already
 * there before (kept in place) do not count. Highest priority first, then a request new to the
 * calendar, then the one listed first. Null when the old place is simply empty now.
 */
function madeRoomFor(m: Model, state: ScheduleState, req: RequestModel): number | null {
  const ex = req.existing!;
  if (ex.g < 0) return null;
  const { tl } = m;
  const G = tl.G;
  const venue = ex.room >= 0 ? m.rooms[ex.room]!.venue : req.venue >= 0 ? req.venue : m.NONE;
  let best = -1;
  const consider = (o: number): void => {
    if (o < 0 || o === req.index) return;
    const other = m.requests[o]!;
    const oe = other.existing;
    if (oe !== null && oe.g === state.start[o] && oe.room === state.room[o]) return;
    if (best < 0) {
      best = o;
      return;
    }
    const b = m.requests[best]!;
    const better =
      other.weight - b.weight || Number(b.existing !== null) - Number(oe !== null) || b.index - other.index;
    if (better > 0) best = o;
  };
  if (ex.room >= 0) {
    // The room as the old meeting held it: its own steps and the turnover after it (rule 5).
    const held = Math.min(G, req.roomHold[ex.g]!);
    for (let u = ex.g; u < held; u++) consider(state.roomOwner[ex.room * G + u]!);
  }
  const s = ex.start;
  const e = ex.start + req.minutes;
  for (const p of req.attendees) {
    const base = p * G;
    // Meetings of p within reach of the old span (its own grid steps, and travel or buffer around it).
    let lo = ex.g;
    while (lo > 0 && tl.gridMin[lo - 1]! > s - m.maxGap - tl.grain) lo--;
    for (let u = lo; u < G && tl.gridMin[u]! < e + m.maxGap; u++) {
      const o = state.personOwner[base + u]!;
      if (o < 0 || o === req.index) continue;
      const os = tl.gridMin[state.start[o]!]!;
      const oEnd = os + m.requests[o]!.minutes;
      const ov = state.venue[o]!;
      if (os < e + gapBetween(m, venue, ov) && s < oEnd + gapBetween(m, ov, venue)) consider(o);
    }
  }
  return best < 0 ? null : best;
}
