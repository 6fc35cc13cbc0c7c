// Static feasibility: for each request, the grid starts (per venue) that pass every rule not involving
// other planned meetings — day window, allowed windows, presence, programme, busy blocks, fixed
// meetings with travel and buffer, and at least one fitting room free at that time.
import type { CandidateOption, Model, RequestModel } from './model.js';
import { gapBetween } from './model.js';
import { containsSpan } from './intervals.js';
import { firstGridAtOrAfter } from './timeline.js';

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
  private readonly dayFit = new Map<number, Uint8Array>();
  private readonly personMasks = new Map<number, Uint8Array>();
  private readonly roomSets = new Map<string, { venue: number; rooms: Int32Array; mask: Uint32Array }[]>();
  private readonly roomAny = new Map<string, Uint8Array>();

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
    const base = this.dayFitMask(r.minutes);
    const acc = new Uint8Array(G);
    for (const vo of venueOptions) {
      acc.set(base);
      if (r.allowed) {
        for (let g = 0; g < G; g++) {
          if (acc[g] && !containsSpan(r.allowed, m.tl.gridMin[g]!, m.tl.gridMin[g]! + r.minutes)) acc[g] = 0;
        }
      }
      for (const p of r.attendees) {
        const pm = this.personMask(p, vo.venue, r.minutes);
        for (let g = 0; g < G; g++) acc[g]! &= pm[g]!;
      }
      if (vo.mask) {
        const ra = this.roomAnyMask(`${vo.key}|${vo.venue}|${r.minutes}`, vo.rooms, r.minutes);
        for (let g = 0; g < G; g++) acc[g]! &= ra[g]!;
      }
      const starts: number[] = [];
      for (let g = 0; g < G; g++) if (acc[g]) starts.push(g);
      if (starts.length > 0) {
        out.push({ venue: vo.venue, rooms: vo.rooms, roomMask: vo.mask, starts: Int32Array.from(starts) });
      }
    }
    return out;
  }

  /** Starts where a meeting of `minutes` ends inside its day's window. */
  dayFitMask(minutes: number): Uint8Array {
    let mask = this.dayFit.get(minutes);
    if (!mask) {
      const { tl } = this.m;
      mask = new Uint8Array(tl.G);
      for (let g = 0; g < tl.G; g++) {
        if (tl.gridMin[g]! + minutes <= tl.days[tl.gridDay[g]!]!.to) mask[g] = 1;
      }
      this.dayFit.set(minutes, mask);
    }
    return mask;
  }

  /** Starts where person p could attend a meeting of `minutes` at `venue`, judged on static engagements. */
  personMask(p: number, venue: number, minutes: number): Uint8Array {
    const m = this.m;
    const key = (p * (m.NONE + 1) + venue) * 1441 + Math.min(minutes, 1440);
    let mask = this.personMasks.get(key);
    if (mask) return mask;
    const { tl } = m;
    const person = m.persons[p]!;
    mask = new Uint8Array(tl.G);
    if (person.presence === null) mask.fill(1);
    else {
      // Allowed starts within each presence interval: [from, to - minutes].
      const pr = person.presence;
      for (let i = 0; i < pr.length; i += 2) {
        const lo = firstGridAtOrAfter(tl, pr[i]!);
        const hi = firstGridAtOrAfter(tl, pr[i + 1]! - minutes + 1);
        mask.fill(1, lo, hi);
      }
    }
    for (const e of person.engagements) {
      // Blocked starts t: t + minutes + gap(venue, e) > e.from and e.to + gap(e, venue) > t.
      const lo = firstGridAtOrAfter(tl, e.from - gapBetween(m, venue, e.venue) - minutes + 1);
      const hi = firstGridAtOrAfter(tl, e.to + gapBetween(m, e.venue, venue));
      if (lo < hi) mask.fill(0, lo, hi);
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
    const key = `${r.venue}|${r.seats}|${lentTo.join(',')}`;
    let sets = this.roomSets.get(key);
    if (!sets) {
      const fitting = m.rooms
        .map((rm, k) => ({ rm, k }))
        .filter(
          ({ rm }) =>
            rm.capacity >= r.seats &&
            (rm.delegation === null || r.parties.includes(rm.delegation)) &&
            (r.venue < 0 || rm.venue === r.venue),
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

  private roomAnyMask(key: string, rooms: Int32Array, minutes: number): Uint8Array {
    let mask = this.roomAny.get(key);
    if (!mask) {
      const { tl } = this.m;
      const G = tl.G;
      mask = new Uint8Array(G);
      for (let g = 0; g < G; g++) {
        const end = tl.gridMin[g]! + minutes;
        for (const k of rooms) {
          if (this.m.roomFreeUntil[k * G + g]! >= end) {
            mask[g] = 1;
            break;
          }
        }
      }
      this.roomAny.set(key, mask);
    }
    return mask;
  }
}
