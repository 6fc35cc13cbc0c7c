// Static feasibility: for each request, the grid starts (per venue) that pass every rule not involving
// other planned meetings — day window, allowed windows, presence, programme, busy blocks, fixed
// meetings with travel and buffer, and at least one fitting room free at that time.
import type { CandidateOption, Model, RequestModel } from './model.js';
import { gapBetween } from './model.js';
import { firstGridAtOrAfter } from './timeline.js';
import { offersAll } from './rules/room-features.js';

/** Fills `options` of every placeable, not fixed request. */
export function buildCandidates(m: Model): void {
  const cache = m.candidates;
  for (const i of m.variables) {
    const r = m.requests[i]!;
    r.options = cache.optionsFor(r);
  }
}

/** A set of rooms a request may use at one venue, best fit first, and the same as a bitset. */
export interface RoomSet {
  venue: number;
  rooms: Int32Array;
  mask: Uint32Array;
}

/**
 * Start masks that may outlive one model: keyed by what they depend on (a person's presence and
 * engagements, the rooms' free time), so the next compile of the same summit after a small change
 * reuses all but the changed persons' (model/compile-cache.ts). Valid for one summit frame only:
 * timeline, venues, travel and rooms.
 */
export class MaskStore {
  readonly dayFit = new Map<number, Uint32Array>();
  /** Key: person signature id, venue and minutes (see personKey). */
  readonly person = new Map<number, Uint32Array>();
  /** Each distinct person signature (presence and engagements as text) gets a small number. */
  private readonly signatures = new Map<string, number>();
  readonly roomSets = new Map<string, { key: string; sets: RoomSet[] }>();
  /** Masks of "some room of a set free", for one state of the rooms' free time (`roomState`). */
  readonly roomAny = new Map<string, Uint32Array>();
  roomState = '';
  /** Signature ids used since the last sweep. */
  private used = new Set<number>();

  /** The number of a person signature (the same text, the same number, for the store's life). */
  signatureId(signature: string): number {
    let id = this.signatures.get(signature);
    if (id === undefined) {
      id = this.signatures.size;
      this.signatures.set(signature, id);
    }
    this.used.add(id);
    return id;
  }

  /** The key of a person mask: signature id, venue (of `venues`) and minutes. */
  static personKey(signature: number, venue: number, venues: number, minutes: number): number {
    return (signature * venues + venue) * 1441 + Math.min(minutes, 1440);
  }

  /**
   * Forgets the masks of signatures no compile used since the last sweep, once there are more of
   * them than live ones (persons whose engagements changed leave old masks behind).
   */
  sweep(venues: number): void {
    if (this.signatures.size > 2 * this.used.size + 256) {
      const live = this.used;
      for (const [text, id] of this.signatures) if (!live.has(id)) this.signatures.delete(text);
      for (const key of this.person.keys()) {
        if (!live.has(Math.floor(key / 1441 / venues))) this.person.delete(key);
      }
    }
    this.used = new Set();
  }
}

/** Shared work across requests: the same person, venue and duration give the same start mask. */
export class CandidateCache {
  private readonly dayFit: Map<number, Uint32Array>;
  private readonly personMasks: Map<number, Uint32Array>;
  /** Each person's signature id in the store. */
  private readonly signatureIds: Int32Array;
  private readonly roomSets: Map<string, { key: string; sets: RoomSet[] }>;
  private readonly roomAny: Map<string, Uint32Array>;

  constructor(
    private readonly m: Model,
    store: MaskStore = new MaskStore(),
  ) {
    this.dayFit = store.dayFit;
    this.personMasks = store.person;
    this.signatureIds = Int32Array.from(m.persons, (p) => store.signatureId(p.signature));
    this.roomSets = store.roomSets;
    if (store.roomState !== m.roomState) {
      store.roomAny.clear();
      store.roomState = m.roomState;
    }
    this.roomAny = store.roomAny;
  }

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
    const key = MaskStore.personKey(this.signatureIds[p]!, venue, m.NONE + 1, minutes);
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
  roomSetsFor(r: RequestModel): { key: string; sets: RoomSet[] } {
    const m = this.m;
    const lentTo = r.parties.filter((d) => m.lentTo.has(d)).sort();
    const key = `${r.venue}|${r.seats}|${lentTo.join(',')}|${r.needs.join(',')}`;
    const known = this.roomSets.get(key);
    if (known) return known;
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
    const sets = [...byVenue.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([venue, ks]) => {
        const mask = new Uint32Array(m.RW);
        for (const k of ks) mask[k >>> 5]! |= 1 << (k & 31);
        return { venue, rooms: Int32Array.from(ks), mask };
      });
    const found = { key, sets };
    this.roomSets.set(key, found);
    return found;
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
