// Destroy operators of the large-neighbourhood search: each picks a set of related planned meetings
// (one person's day, one room's afternoon, a time band, or a random handful) to take off the plan.
import type { Rng } from '../rng.js';
import type { ScheduleState } from './state.js';

/** A destroy operator: returns the planned requests it selected (not yet removed). */
export type Destroy = (state: ScheduleState, rng: Rng, size: number) => number[];

function randomPlaced(state: ScheduleState, rng: Rng): number {
  return state.placedSet.at(rng.int(state.placedSet.size));
}

/** Every meeting of one attendee of a random meeting, on that meeting's day. */
export const personDay: Destroy = (state, rng, size) => {
  const m = state.m;
  const r0 = randomPlaced(state, rng);
  const att = m.requests[r0]!.attendees;
  if (att.length === 0) return [r0];
  const p = att[rng.int(att.length)]!;
  const day = m.tl.days[m.tl.gridDay[state.start[r0]!]!]!;
  const out = new Set<number>([r0]);
  const base = p * m.tl.G;
  for (let u = day.firstG; u < day.endG && out.size < size; u++) {
    const o = state.personOwner[base + u]!;
    if (o >= 0) out.add(o);
  }
  return [...out];
};

/** Meetings in a band of time around a random meeting, in its room and a few others of its kind. */
export const roomBand: Destroy = (state, rng, size) => {
  const m = state.m;
  const r0 = randomPlaced(state, rng);
  const req = m.requests[r0]!;
  const g0 = state.start[r0]!;
  const k0 = state.room[r0]!;
  const G = m.tl.G;
  const day = m.tl.days[m.tl.gridDay[g0]!]!;
  const span = 2 + rng.int(8);
  const lo = Math.max(day.firstG, g0 - span);
  const hi = Math.min(day.endG, g0 + req.units + span);
  const rooms: number[] = [];
  if (k0 >= 0) rooms.push(k0);
  const opt = req.options.find((o) => o.venue === state.venue[r0]) ?? req.options[0];
  const extra = 1 + rng.int(3);
  if (opt && opt.rooms.length > 0)
    for (let i = 0; i < extra; i++) rooms.push(opt.rooms[rng.int(opt.rooms.length)]!);
  const out = new Set<number>([r0]);
  for (const k of rooms) {
    for (let u = lo; u < hi && out.size < size; u++) {
      const o = state.roomOwner[k * G + u]!;
      if (o >= 0) out.add(o);
    }
  }
  // Pull-asides and rooms-free plans: fall back to the attendees' meetings in the band.
  for (const p of req.attendees) {
    for (let u = lo; u < hi && out.size < size; u++) {
      const o = state.personOwner[p * G + u]!;
      if (o >= 0) out.add(o);
    }
  }
  return [...out];
};

/** Meetings of the attendees of a random meeting and of their other meetings, near that time. */
export const attendeeChain: Destroy = (state, rng, size) => {
  const m = state.m;
  const G = m.tl.G;
  const r0 = randomPlaced(state, rng);
  const g0 = state.start[r0]!;
  const day = m.tl.days[m.tl.gridDay[g0]!]!;
  const span = 4 + rng.int(12);
  const lo = Math.max(day.firstG, g0 - span);
  const hi = Math.min(day.endG, g0 + span);
  const out = new Set<number>([r0]);
  const queue = [r0];
  while (queue.length > 0 && out.size < size) {
    const r = queue.shift()!;
    const att = m.requests[r]!.attendees;
    for (const p of att) {
      for (let u = lo; u < hi && out.size < size; u++) {
        const o = state.personOwner[p * G + u]!;
        if (o >= 0 && !out.has(o)) {
          out.add(o);
          queue.push(o);
        }
      }
    }
  }
  return [...out];
};

/** A random handful of meetings. */
export const randomSet: Destroy = (state, rng, size) => {
  const out = new Set<number>();
  const n = Math.min(size, state.placedSet.size);
  for (let i = 0; i < n * 3 && out.size < n; i++) out.add(randomPlaced(state, rng));
  return [...out];
};
