// The decision variables of the time-indexed MILP: one per request, feasible grid start and place
// (a room class, or the request's venue for a pull-aside), kept only when every rule that can be
// judged without the other requests holds: grid and day window, allowed windows, presence,
// programme events, busy blocks and fixed meetings of every attendee with travel and buffer,
// the room's capacity, lending, venue and free time.
import type { MilpInstance, MilpRequest } from './instance.js';
import { inside } from './instance.js';

/** Where a request may take place. */
export interface Place {
  /** Room class index, or -1 for a pull-aside (no room). */
  cls: number;
  /** Venue index, or -1 when none is known. */
  venue: number;
}

/** The places a request may use. */
export function placesOf(inst: MilpInstance, r: MilpRequest): Place[] {
  if (r.pullAside) return [{ cls: -1, venue: r.venue }];
  const out: Place[] = [];
  inst.classes.forEach((c, i) => {
    if (r.venue >= 0 && c.venue !== r.venue) return;
    if (c.capacity < r.seats) return;
    if (c.delegation !== null && !r.parties.includes(c.delegation)) return;
    out.push({ cls: i, venue: c.venue });
  });
  return out;
}

/** Minutes needed between an engagement at venue a and one at venue b (either may be -1). */
export function gapMinutes(inst: MilpInstance, a: number, b: number): number {
  const t = a >= 0 && b >= 0 ? (inst.travel[a * inst.venues.length + b] ?? 0) : 0;
  return inst.buffer + t;
}

/**
 * Calls `emit(request, grid, place)` for every statically feasible option, request by request
 * and, within a request, by grid start. Returns how many it emitted.
 */
export function forEachOption(
  inst: MilpInstance,
  emit: (request: number, g: number, place: Place) => void,
): number {
  let count = 0;
  let maxTravel = 0;
  for (const t of inst.travel) maxTravel = Math.max(maxTravel, t);
  const reach = inst.buffer + maxTravel;
  inst.requests.forEach((r, ri) => {
    if (r.attendees.some((p) => p < 0)) return;
    const places = placesOf(inst, r);
    if (places.length === 0) return;
    for (let g = 0; g < inst.grid.length; g++) {
      const s = inst.grid[g] as number;
      const e = s + r.minutes;
      if (e > (inst.dayEnd[inst.gridDay[g] as number] as number)) continue;
      if (r.allowed !== null && !inside(s, e, r.allowed)) continue;
      if (!r.attendees.every((p) => present(inst, p, s, e))) continue;
      for (const place of places) {
        if (place.cls >= 0 && !inside(s, e, inst.classes[place.cls]?.free ?? [])) continue;
        if (!r.attendees.every((p) => clearOfFixed(inst, p, s, e, place.venue, reach))) continue;
        emit(ri, g, place);
        count++;
      }
    }
  });
  return count;
}

function present(inst: MilpInstance, p: number, s: number, e: number): boolean {
  const w = inst.presence[p];
  return w === null || w === undefined || inside(s, e, w);
}

function clearOfFixed(
  inst: MilpInstance,
  p: number,
  s: number,
  e: number,
  venue: number,
  reach: number,
): boolean {
  for (const f of inst.fixed[p] ?? []) {
    if (f.from >= e + reach) break;
    if (f.to + reach <= s) continue;
    const gap = gapMinutes(inst, f.venue, venue);
    if (s < f.to + gap && f.from < e + gap) return false;
  }
  return true;
}
