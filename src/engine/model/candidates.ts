// Static feasibility: for each request, the grid starts (per venue) that pass every rule not involving
// other planned meetings — day window, allowed windows, presence, programme, busy blocks, fixed
// meetings with travel and buffer, and at least one fitting room free at that time.
import type { CandidateOption, Model, RequestModel } from './model.js';
import { gapBetween } from './model.js';
import { firstGridAtOrAfter } from './timeline.js';
import { offersAll } from './rules/room-features.js';

/** Fills `options` of every placeable, not fixed request. */
export function buildCandidates(m: Model): void {
  const cache = new CandidateCache(m);
  for (const i of m.variables) {
    const r = m.requests[i]!;
    r.options = cache.optionsFor(r);
  }
}

/** Shared work across requests: the same person, venue and duration give the same start mask. */
export class CandidateCache {
  private readonly dayFit = new Map<number, Uint32Array>();
  private readonly personMasks = new Map<number, Uint32Array>();
  private readonly roomSets = new Map<string, { venue: number; rooms: Int32Array; mask: Uint32Array }[]>();
  private readonly roomAny = new Map<string, Uint32Array>();

  constructor(private readonly m: Model) {}

  /** The candidate options of one request (empty when it cannot be placed at all). */
  optionsFor(r: RequestModel): CandidateOption[] {
    const m = this.m;
    const G = m.tl.G;
    if (r.unknownAttendees.length > 0) return [];
    const venueOptions: { venue: number; rooms: Int32Array; mask: Uint32Array | null; key: string }[] = [];
    if (r.pullAside) {
      venueOptions.push({
        venue: r.venue >= 0 ? r.venue : m.NONE,
        rooms: new Int32Array(0),
        mask: null,
        key: '',
      });
      r.roomKey = 'pull-aside';
    } else {
      const { key, sets } = this.roomSetsFor(r);
      r.roomKey = key;
      for (const s of sets) venueOptions.push({ venue: s.venue, rooms: s.rooms, mask: s.mask, key });
    }
    const out: CandidateOption[] = [];
    const W = (G + 31) >>> 5;
    const base = this.dayFitBits(r.minutes);
    const allowed = r.allowed ? this.allowedBits(r) : null;
    const acc = new Uint32Array(W);
    const early = m.earliestG;
    for (const vo of venueOptions) {
      acc.set(base);
      // Nothing new starts before the moment of planning.
      if (early > 0) setRange(acc, 0, early, false);
      if (allowed) for (let w = 0; w < W; w++) acc[w]! &= allowed[w]!;
      for (const p of r.attendees) {
        const pm = this.personMask(p, vo.venue, r.minutes);
        for (let w = 0; w < W; w++) acc[w]! &= pm[w]!;
      }
      if (vo.mask) {
        const ra = this.roomAnyMask(`${vo.key}|${vo.venue}|${r.minutes}`, vo.rooms, r.minutes);
        for (let w = 0; w < W; w++) acc[w]! &= ra[w]!;
      }
      const starts: number[] = [];
      for (let w = 0; w < W; w++) {
        let bits = acc[w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          starts.push((w << 5) + (31 - Math.clz32(low)));
          bits ^= low;
        }
      }
      if (starts.length > 0) {
        out.push({ venue: vo.venue, rooms: vo.rooms, roomMask: vo.mask, starts: Int32Array.from(starts) });
      }
    }
    return out;
  }

  /** Starts where a meeting of `minutes` ends inside its day's window (one byte per start). */
  dayFitMask(minutes: number): Uint8Array {
    const bits = this.dayFitBits(minutes);
    const out = new Uint8Array(this.m.tl.G);
    for (let g = 0; g < out.length; g++) out[g] = (bits[g >>> 5]! >>> (g & 31)) & 1;
    return out;
  }

  /** Starts where a meeting of `minutes` ends inside its day's window, as a bitset over grid starts. */
  private dayFitBits(minutes: number): Uint32Array {
    let mask = this.dayFit.get(minutes);
    if (!mask) {
      const { tl } = this.m;
      mask = new Uint32Array((tl.G + 31) >>> 5);
      for (const d of tl.days) setRange(mask, d.firstG, firstGridAtOrAfter(tl, d.to - minutes + 1), true);
      this.dayFit.set(minutes, mask);
    }
    return mask;
  }

  /** Starts inside the request's allowed windows (the whole meeting inside one of them). */
  private allowedBits(r: RequestModel): Uint32Array {
    const { tl } = this.m;
    const mask = new Uint32Array((tl.G + 31) >>> 5);
    const a = r.allowed!;
    for (let i = 0; i < a.length; i += 2) {
      setRange(mask, firstGridAtOrAfter(tl, a[i]!), firstGridAtOrAfter(tl, a[i + 1]! - r.minutes + 1), true);
    }
    return mask;
  }

  /** Starts where person p could attend a meeting of `minutes` at `venue`, judged on static engagements. */
  personMask(p: number, venue: number, minutes: number): Uint32Array {
    const m = this.m;
    const key = (p * (m.NONE + 1) + venue) * 1441 + Math.min(minutes, 1440);
    let mask = this.personMasks.get(key);
    if (mask) return mask;
    const { tl } = m;
    const person = m.persons[p]!;
    mask = new Uint32Array((tl.G + 31) >>> 5);
    if (person.presence === null) setRange(mask, 0, tl.G, true);
    else {
      // Allowed starts within each presence interval: [from, to - minutes].
      const pr = person.presence;
      for (let i = 0; i < pr.length; i += 2) {
        const lo = firstGridAtOrAfter(tl, pr[i]!);
        const hi = firstGridAtOrAfter(tl, pr[i + 1]! - minutes + 1);
        setRange(mask, lo, hi, true);
      }
    }
    for (const e of person.engagements) {
      // Blocked starts t: t + minutes + gap(venue, e) > e.from and e.to + gap(e, venue) > t.
      const lo = firstGridAtOrAfter(tl, e.from - gapBetween(m, venue, e.venue) - minutes + 1);
      const hi = firstGridAtOrAfter(tl, e.to + gapBetween(m, e.venue, venue));
      setRange(mask, lo, hi, false);
    }
    this.personMasks.set(key, mask);
    return mask;
  }

  /** The rooms a request may use, grouped by venue, best fit first; cached by what decides the set. */
  roomSetsFor(r: RequestModel): {
    key: string;
    sets: { venue: number; rooms: Int32Array; mask: Uint32Array }[];
  } {
    const m = this.m;
    const lentTo = r.parties.filter((d) => m.rooms.some((rm) => rm.delegation === d)).sort();
    const key = `${r.venue}|${r.seats}|${lentTo.join(',')}|${r.needs.join(',')}`;
    let sets = this.roomSets.get(key);
    if (!sets) {
      const fitting = m.rooms
        .map((rm, k) => ({ rm, k }))
        .filter(
          ({ rm }) =>
            rm.capacity >= r.seats &&
            (rm.delegation === null || r.parties.includes(rm.delegation)) &&
            (r.venue < 0 || rm.venue === r.venue) &&
            offersAll(rm.features, r.needs),
        )
        // Lent rooms first (nobody else can use them), then the smallest that fits.
        .sort(
          (a, b) =>
            Number(b.rm.delegation !== null) - Number(a.rm.delegation !== null) ||
            a.rm.capacity - b.rm.capacity ||
            a.k - b.k,
        );
      const byVenue = new Map<number, number[]>();
      for (const { rm, k } of fitting) {
        const l = byVenue.get(rm.venue) ?? [];
        l.push(k);
        byVenue.set(rm.venue, l);
      }
      sets = [...byVenue.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([venue, ks]) => {
          const mask = new Uint32Array(m.RW);
          for (const k of ks) mask[k >>> 5]! |= 1 << (k & 31);
          return { venue, rooms: Int32Array.from(ks), mask };
        });
      this.roomSets.set(key, sets);
    }
    return { key, sets };
  }

  private roomAnyMask(key: string, rooms: Int32Array, minutes: number): Uint32Array {
    let mask = this.roomAny.get(key);
    if (!mask) {
      const { tl } = this.m;
      const G = tl.G;
      mask = new Uint32Array((G + 31) >>> 5);
      for (let g = 0; g < G; g++) {
        const end = tl.gridMin[g]! + minutes;
        for (const k of rooms) {
          if (this.m.roomFreeUntil[k * G + g]! >= end) {
            mask[g >>> 5]! |= 1 << (g & 31);
            break;
          }
        }
      }
      this.roomAny.set(key, mask);
    }
    return mask;
  }
}

/** Sets (or clears) bits [lo, hi) of a bitset. */
function setRange(bits: Uint32Array, lo: number, hi: number, on: boolean): void {
  for (let g = lo; g < hi;) {
    const w = g >>> 5;
    const from = g & 31;
    const to = Math.min(32, from + (hi - g));
    const span = to - from === 32 ? 0xffffffff : ((1 << (to - from)) - 1) << from;
    if (on) bits[w]! |= span;
    else bits[w]! &= ~span;
    g += to - from;
  }
}
