// The capacity rows of the bound's relaxation. Each row says: these requests, if placed, use at
// least coef minutes of a resource that has at most cap minutes. Every plan satisfies every row.
import type { Model } from '../model/model.js';
import { practiceRows } from './practice-rows.js';
import {
  intervalIndexAt,
  mergeIntervals,
  subtractIntervals,
  intersectIntervals,
  type IntervalSet,
} from '../model/intervals.js';

/**
 * Whose time a row counts: a person's whole summit, one day or one segment, a set of rooms, a quota
 * or a delegation's interpreters.
 */
export interface RowTag {
  kind: 'person-whole' | 'person-day' | 'person-segment' | 'rooms' | 'quota' | 'interpreters';
  person: number;
  day: number;
}

/** Rows in compressed form: for each row its capacity; for each request its (row, coef) pairs. */
export interface Rows {
  cap: Float64Array;
  /** What each row stands for, for the documentation of a bound. */
  label: string[];
  tag: RowTag[];
  /** Start of each request's entries in rowOf/coef (length requests + 1). */
  offset: Int32Array;
  rowOf: Int32Array;
  coef: Float64Array;
  /** Each person's free segments and requests (null without requests), shared with the decomposition. */
  times: (PersonTime | null)[];
}

/** True for a row of one person's time (the decomposition turns those into knapsacks). */
export function isPersonRow(tag: RowTag): boolean {
  return tag.kind === 'person-whole' || tag.kind === 'person-day' || tag.kind === 'person-segment';
}

/** A row before compression: its capacity, what it stands for, its requests and their coefficients. */
export interface Draft {
  cap: number;
  label: string;
  tag: RowTag;
  /** Member requests and their coefficients, side by side. */
  reqs: number[];
  coefs: number[];
}

/**
 * Builds the person rows (time each attendee has between fixed engagements, day by day) and the room
 * rows (room minutes of each set of rooms a request may use, day by day). Rows that cannot bind are dropped.
 */
export function buildRows(m: Model): Rows {
  const drafts: Draft[] = [];
  const times = m.persons.map((_, p) => personTime(m, p));
  personRows(m, times, drafts);
  roomRows(m, drafts);
  practiceRows(m, drafts);
  const useful = drafts.filter((d) => d.coefs.reduce((s, c) => s + c, 0) > d.cap + 1e-9);
  const n = m.requests.length;
  const counts = new Int32Array(n + 1);
  for (const d of useful) for (const r of d.reqs) counts[r + 1]!++;
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const offset = counts.slice();
  const fill = counts.slice();
  const rowOf = new Int32Array(offset[n]!);
  const coef = new Float64Array(offset[n]!);
  useful.forEach((d, row) => {
    for (let i = 0; i < d.reqs.length; i++) {
      const r = d.reqs[i]!;
      const c = d.coefs[i]!;
      const at = fill[r]!++;
      rowOf[at] = row;
      coef[at] = c;
    }
  });
  return {
    cap: Float64Array.from(useful, (d) => d.cap),
    label: useful.map((d) => d.label),
    tag: useful.map((d) => d.tag),
    offset,
    rowOf,
    coef,
    times,
  };
}

/** The first point of day k's grid (extended past the day's end) at or after minute x. */
function gridCeil(m: Model, k: number, x: number): number {
  const d = m.tl.days[k]!;
  return d.from + Math.ceil((x - d.from) / m.tl.grain) * m.tl.grain;
}

/** Minutes a meeting claims on the grid: the next one (with `extra` between) starts at least that much later. */
export function claimed(m: Model, minutes: number, extra: number): number {
  return Math.ceil((minutes + extra) / m.tl.grain) * m.tl.grain;
}

function dayIntervals(m: Model): IntervalSet {
  return mergeIntervals(m.tl.days.map((d) => [d.from, d.to]));
}

/** A person's free segments (capacities in claimed minutes) and the requests restricted to them. */
export interface PersonTime {
  /** Capacity of each segment: gridCeil(Z + buffer) − gridCeil(A). */
  segCap: number[];
  /** Day index of each segment. */
  segDay: number[];
  /** Requests of the person with the first and last segment their candidates fall in. */
  items: { r: number; claim: number; lo: number; hi: number }[];
  /** Segment bounds [A0, Z0, A1, Z1, ...]. */
  segs: number[];
}

/**
 * For person p, every meeting lies in one segment [A, Z) of (day windows ∩ presence) minus fixed
 * engagements widened by the buffer. A meeting starting at t (on the grid) keeps p until the first grid
 * point at or after t + minutes + buffer; those claims are disjoint and lie in
 * [gridCeil(A), gridCeil(Z + buffer)), so Σ claimed(minutes + buffer) <= gridCeil(Z + buffer) − gridCeil(A).
 */
export function personTime(m: Model, p: number): PersonTime | null {
  const reqs = m.personRequests[p]!;
  if (reqs.length === 0) return null;
  const b = m.tl.buffer;
  const person = m.persons[p]!;
  const days = dayIntervals(m);
  let free = person.presence === null ? days : intersectIntervals(days, person.presence);
  free = subtractIntervals(free, mergeIntervals(person.engagements.map((e) => [e.from - b, e.to + b])));
  // Split at day boundaries (a 00:00-24:00 day window makes consecutive days touch).
  const segs: number[] = [];
  const segDay: number[] = [];
  for (let i = 0; i < free.length; i += 2) {
    for (let k = 0; k < m.tl.days.length; k++) {
      const d = m.tl.days[k]!;
      const a = Math.max(free[i]!, d.from);
      const z = Math.min(free[i + 1]!, d.to);
      if (a < z) {
        segs.push(a, z);
        segDay.push(k);
      }
    }
  }
  const segSet = Int32Array.from(segs);
  const segCap = segDay.map((k, s) => gridCeil(m, k, segs[2 * s + 1]! + b) - gridCeil(m, k, segs[2 * s]!));
  const items: PersonTime['items'] = [];
  for (const r of reqs) {
    const req = m.requests[r]!;
    if (req.options.length === 0) continue;
    let lo = Infinity;
    let hi = -Infinity;
    let outside = false;
    for (const o of req.options) {
      // Segments are in time order, so the first and last starts give the extremes.
      for (const g of [o.starts[0]!, o.starts[o.starts.length - 1]!]) {
        const i = intervalIndexAt(segSet, m.tl.gridMin[g]!);
        if (i < 0) outside = true;
        lo = Math.min(lo, i / 2);
        hi = Math.max(hi, i / 2);
      }
    }
    // Static feasibility puts every candidate inside a segment; should rounding ever disagree,
    // leaving the request out of p's rows keeps them valid.
    if (outside) continue;
    items.push({ r, claim: claimed(m, req.minutes, b), lo, hi });
  }
  return { segCap, segDay, items, segs };
}

/**
 * Person rows (see personTime): per segment, per day, and for the whole summit, each over the
 * requests whose every candidate start falls inside it.
 */
function personRows(m: Model, times: (PersonTime | null)[], out: Draft[]): void {
  for (let p = 0; p < m.persons.length; p++) {
    const pt = times[p];
    if (!pt) continue;
    const person = m.persons[p]!;
    const { segCap, segDay, segs } = pt;
    const segRows = new Map<number, Draft>();
    const dayRows = new Map<number, Draft>();
    const whole: Draft = {
      cap: segCap.reduce((x, y) => x + y, 0),
      label: `${person.id}: free time`,
      tag: { kind: 'person-whole', person: p, day: -1 },
      reqs: [],
      coefs: [],
    };
    for (const { r, claim: c, lo, hi } of pt.items) {
      whole.reqs.push(r);
      whole.coefs.push(c);
      if (segDay[lo] !== segDay[hi]) continue;
      const day = segDay[lo]!;
      let dr = dayRows.get(day);
      if (!dr) {
        const cap = segCap.reduce((x, y, s) => (segDay[s] === day ? x + y : x), 0);
        const d = m.tl.days[day]!;
        dr = {
          cap,
          label: `${person.id}: free time on ${d.date}`,
          tag: { kind: 'person-day', person: p, day },
          reqs: [],
          coefs: [],
        };
        dayRows.set(day, dr);
      }
      dr.reqs.push(r);
      dr.coefs.push(c);
      if (lo !== hi) continue;
      let sr = segRows.get(lo);
      if (!sr) {
        sr = {
          cap: segCap[lo]!,
          label: `${person.id}: free time ${segs[2 * lo]}-${segs[2 * lo + 1]}`,
          tag: { kind: 'person-segment', person: p, day },
          reqs: [],
          coefs: [],
        };
        segRows.set(lo, sr);
      }
      sr.reqs.push(r);
      sr.coefs.push(c);
    }
    out.push(whole, ...dayRows.values(), ...segRows.values());
  }
}

/**
 * For a set S of rooms, the requests that can only use rooms of S need at most the free minutes of S:
 * one meeting per room at a time. Rows per distinct room set (and every set that contains it), per day and whole.
 */
function roomRows(m: Model, out: Draft[]): void {
  const days = m.tl.days;
  // Free usable minutes of each room per day.
  // A meeting in a room claims it up to the first grid point at or after its end plus the room
  // turnover T (rule 5): claims are disjoint and lie in [gridCeil(A), gridCeil(Z + T)) for a free
  // interval [A, Z) of the room within a day, since the meeting ends by Z.
  const T = m.turnover;
  const roomDay = m.rooms.map((rm) =>
    days.map((d, k) => {
      const inDay = intersectIntervals(rm.free, Int32Array.from([d.from, d.to]));
      let s = 0;
      for (let i = 0; i < inDay.length; i += 2)
        s += gridCeil(m, k, inDay[i + 1]! + T) - gridCeil(m, k, inDay[i]!);
      return s;
    }),
  );
  const sets = new Map<string, { mask: Uint32Array; members: number[] }>();
  for (const r of m.variables) {
    const req = m.requests[r]!;
    if (req.pullAside || req.options.length === 0) continue;
    let entry = sets.get(req.roomKey);
    if (!entry) {
      const mask = new Uint32Array(m.RW);
      for (const o of req.options) if (o.roomMask) for (let w = 0; w < m.RW; w++) mask[w]! |= o.roomMask[w]!;
      entry = { mask, members: [] };
      sets.set(req.roomKey, entry);
    }
    entry.members.push(r);
  }
  let list = [...sets.values()];
  if (list.length > 64) {
    // Too many distinct sets: one row over all rooms keeps the bound cheap and still valid.
    const mask = new Uint32Array(m.RW);
    for (const e of list) for (let w = 0; w < m.RW; w++) mask[w]! |= e.mask[w]!;
    list = [{ mask, members: list.flatMap((e) => e.members) }];
  }
  const subset = (a: Uint32Array, b: Uint32Array): boolean => {
    for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
    return true;
  };
  // The one day all of a request's candidate starts fall on, or -1.
  const dayOf = new Int32Array(m.requests.length).fill(-1);
  for (const r of m.variables) {
    const req = m.requests[r]!;
    let day = -1;
    for (const o of req.options) {
      const d0 = m.tl.gridDay[o.starts[0]!]!;
      const d1 = m.tl.gridDay[o.starts[o.starts.length - 1]!]!;
      if (d0 !== d1 || (day >= 0 && day !== d0)) {
        day = -1;
        break;
      }
      day = d0;
    }
    dayOf[r] = day;
  }
  for (const s of list) {
    const rooms: number[] = [];
    for (let k = 0; k < m.rooms.length; k++) if ((s.mask[k >>> 5]! >>> (k & 31)) & 1) rooms.push(k);
    const members = list.filter((t) => subset(t.mask, s.mask)).flatMap((t) => t.members);
    const name =
      rooms.length === m.rooms.length
        ? 'all rooms'
        : `rooms ${rooms
            .map((k) => m.rooms[k]!.id)
            .slice(0, 5)
            .join(', ')}${rooms.length > 5 ? '…' : ''}`;
    const coefs = members.map((r) => claimed(m, m.requests[r]!.minutes, T));
    out.push({
      cap: rooms.reduce((x, k) => x + roomDay[k]!.reduce((a, b) => a + b, 0), 0),
      label: `${name}: free minutes`,
      tag: { kind: 'rooms', person: -1, day: -1 },
      reqs: members,
      coefs,
    });
    const byDay: Draft[] = days.map((d, k) => ({
      cap: rooms.reduce((x, room) => x + roomDay[room]![k]!, 0),
      label: `${name}: free minutes on ${d.date}`,
      tag: { kind: 'rooms', person: -1, day: k },
      reqs: [],
      coefs: [],
    }));
    members.forEach((r, i) => {
      const k = dayOf[r]!;
      if (k < 0) return;
      byDay[k]!.reqs.push(r);
      byDay[k]!.coefs.push(coefs[i]!);
    });
    for (const d of byDay) if (d.reqs.length > 0) out.push(d);
  }
}
