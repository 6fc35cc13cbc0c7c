// The summit as the MILP sees it: whole minutes since the epoch, the start grid, each person's
// fixed engagements, rooms grouped into classes of interchangeable rooms, and the requests.
// Built from SummitData on its own, independently of the engine's model.
import type { SummitData } from '../../src/domain/summit/data.js';
import type { Request } from '../../src/domain/request/schema.js';
import { dayWindows } from '../../src/domain/time.js';

/** A half-open interval [from, to) in minutes since the epoch. */
export interface Interval {
  from: number;
  to: number;
}

/** Something that fixes a person's time: a programme event, a busy block or a fixed meeting. */
export interface Fixed extends Interval {
  /** Venue index, or -1 when none is known (only the buffer applies). */
  venue: number;
}

/**
 * Rooms that are interchangeable: same venue, capacity, lending and free time. Choosing a class
 * instead of a room loses nothing: meetings in one class that never exceed its size at any minute
 * can be given rooms by colouring intervals in order of start.
 */
export interface RoomClass {
  venue: number;
  capacity: number;
  delegation: string | null;
  /** Merged free intervals (availability minus fixed meetings). */
  free: Interval[];
  rooms: string[];
}

/** A request the MILP may place. */
export interface MilpRequest {
  id: string;
  weight: number;
  minutes: number;
  seats: number;
  attendees: number[];
  parties: string[];
  pullAside: boolean;
  /** Required venue index, or -1. */
  venue: number;
  allowed: Interval[] | null;
}

/** A confirmed or pinned meeting, kept as it is. */
export interface FixedMeeting {
  request: string;
  weight: number;
  start: number;
  end: number;
  room: string | null;
}

/** Everything the model builder needs. */
export interface MilpInstance {
  /** Grid start minutes over all days, ascending. */
  grid: number[];
  /** Day of each grid start: the meeting must end by dayEnd[day[g]]. */
  gridDay: number[];
  dayEnd: number[];
  buffer: number;
  venues: string[];
  /** travel[a * venues.length + b] in minutes. */
  travel: number[];
  persons: string[];
  /** Merged presence per person; null = the whole summit. */
  presence: (Interval[] | null)[];
  fixed: Fixed[][];
  classes: RoomClass[];
  requests: MilpRequest[];
  fixedMeetings: FixedMeeting[];
}

const PLACEABLE = new Set(['agreed', 'scheduled', 'confirmed']);

/** Minutes since the epoch of an instant. */
export function minuteOf(instant: string): number {
  return Math.round(Date.parse(instant) / 60_000);
}

/** Sorted, disjoint intervals; touching ones join. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((w) => w.from < w.to).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out;
}

/** True when [from, to) lies inside one of the merged intervals. */
export function inside(from: number, to: number, merged: readonly Interval[]): boolean {
  return merged.some((w) => w.from <= from && to <= w.to);
}

function subtract(from: Interval[], cut: Interval): Interval[] {
  return from.flatMap((w) => {
    if (cut.to <= w.from || w.to <= cut.from) return [w];
    const parts: Interval[] = [];
    if (w.from < cut.from) parts.push({ from: w.from, to: cut.from });
    if (cut.to < w.to) parts.push({ from: cut.to, to: w.to });
    return parts;
  });
}

/** Compiles SummitData for the MILP. */
export function buildInstance(data: SummitData): MilpInstance {
  const s = data.summit;
  const days = dayWindows(s.days, s.dayWindow, s.timezone);
  const grid: number[] = [];
  const gridDay: number[] = [];
  const dayEnd: number[] = [];
  days.forEach((d, i) => {
    const from = minuteOf(d.from);
    const to = minuteOf(d.to);
    dayEnd.push(to);
    for (let t = from; t < to; t += s.grainMinutes) {
      grid.push(t);
      gridDay.push(i);
    }
  });

  const venues = [
    ...new Set([...data.venues.map((v) => v.id as string), ...data.rooms.map((r) => r.venue as string)]),
  ];
  const venueIndex = new Map(venues.map((v, i) => [v, i]));
  const venueOf = (v: string | null): number => (v === null ? -1 : (venueIndex.get(v) ?? -1));
  const travel = new Array<number>(venues.length * venues.length).fill(0);
  for (const t of data.travel) {
    const a = venueIndex.get(t.a);
    const b = venueIndex.get(t.b);
    if (a === undefined || b === undefined || a === b) continue;
    travel[a * venues.length + b] = t.minutes;
    travel[b * venues.length + a] = t.minutes;
  }

  const persons = data.persons.map((p) => p.id as string);
  const personIndex = new Map(persons.map((p, i) => [p, i]));
  const delegations = new Map(data.delegations.map((d) => [d.id as string, d]));
  const presence = data.persons.map((p) => {
    const w = p.presence ?? delegations.get(p.delegation)?.presence ?? null;
    return w === null ? null : merge(w.map((x) => ({ from: minuteOf(x.from), to: minuteOf(x.to) })));
  });
  const fixed: Fixed[][] = persons.map(() => []);
  const principals = data.delegations.map((d) => d.principal as string);
  for (const e of data.programme) {
    const who = e.attendees === 'principals' ? principals : e.attendees;
    for (const p of new Set<string>(who)) {
      const i = personIndex.get(p);
      if (i !== undefined)
        fixed[i]?.push({ from: minuteOf(e.from), to: minuteOf(e.to), venue: venueOf(e.venue) });
    }
  }
  for (const b of data.busy) {
    const i = personIndex.get(b.person);
    if (i !== undefined)
      fixed[i]?.push({ from: minuteOf(b.from), to: minuteOf(b.to), venue: venueOf(b.venue) });
  }

  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const roomFree = new Map<string, Interval[]>();
  const horizon: Interval = { from: (grid[0] ?? 0) - 1440, to: (dayEnd[dayEnd.length - 1] ?? 0) + 1440 };
  for (const r of data.rooms) {
    const avail =
      r.available === null
        ? [horizon]
        : r.available.map((w) => ({ from: minuteOf(w.from), to: minuteOf(w.to) }));
    roomFree.set(r.id, merge(avail));
  }
  const fixedMeetings: FixedMeeting[] = [];
  const fixedIds = new Set<string>();
  for (const m of data.meetings) {
    const r = requests.get(m.request);
    if (!r || !PLACEABLE.has(r.status) || !(m.pinned || r.status === 'confirmed')) continue;
    const start = minuteOf(m.start);
    const end = start + r.minutes;
    fixedMeetings.push({ request: r.id, weight: r.priority, start, end, room: m.room });
    fixedIds.add(r.id);
    const room = m.room === null ? null : data.rooms.find((x) => x.id === m.room);
    const venue = room ? venueOf(room.venue) : venueOf(r.venue);
    for (const p of new Set<string>(r.attendees)) {
      const i = personIndex.get(p);
      if (i !== undefined) fixed[i]?.push({ from: start, to: end, venue });
    }
    if (m.room !== null) roomFree.set(m.room, subtract(roomFree.get(m.room) ?? [], { from: start, to: end }));
  }
  for (const list of fixed) list.sort((a, b) => a.from - b.from);

  const classByKey = new Map<string, RoomClass>();
  for (const r of data.rooms) {
    const free = roomFree.get(r.id) ?? [];
    const key = `${r.venue}|${r.capacity}|${r.delegation ?? ''}|${free.map((w) => `${w.from}-${w.to}`).join(',')}`;
    const c = classByKey.get(key);
    if (c) c.rooms.push(r.id);
    else
      classByKey.set(key, {
        venue: venueOf(r.venue),
        capacity: r.capacity,
        delegation: r.delegation,
        free,
        rooms: [r.id],
      });
  }

  const placeable = data.requests.filter((r) => PLACEABLE.has(r.status) && !fixedIds.has(r.id));
  return {
    grid,
    gridDay,
    dayEnd,
    buffer: s.bufferMinutes,
    venues,
    travel,
    persons,
    presence,
    fixed,
    classes: [...classByKey.values()],
    requests: placeable.map((r) => toMilpRequest(r, personIndex, venueOf)),
    fixedMeetings,
  };
}

function toMilpRequest(
  r: Request,
  personIndex: Map<string, number>,
  venueOf: (v: string | null) => number,
): MilpRequest {
  const attendees = [...new Set<string>(r.attendees)].map((p) => personIndex.get(p) ?? -1);
  return {
    id: r.id,
    weight: r.priority,
    minutes: r.minutes,
    seats: r.seats ?? r.attendees.length,
    attendees,
    parties: [r.from, ...r.to],
    pullAside: r.format === 'pull-aside',
    venue: r.venue === null ? -1 : venueOf(r.venue),
    allowed:
      r.allowed === null
        ? null
        : merge(r.allowed.map((w) => ({ from: minuteOf(w.from), to: minuteOf(w.to) }))),
  };
}
