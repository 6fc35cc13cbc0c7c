// Why an agreed request has no slot: for every start it could take, list what stands in the way
// (programme events, busy blocks, presence, travel, planned meetings, rooms), then name the smallest
// set of those that covers every start (greedy set cover).
import type { Model, RequestModel } from '../model/model.js';
import { gapBetween } from '../model/model.js';
import { containsSpan, intervalIndexAt, mergeIntervals, type IntervalSet } from '../model/intervals.js';
import { CandidateCache } from '../model/candidates.js';
import { instantOfMinute, minuteCeil, minuteFloor } from '../model/timeline.js';
import type { ScheduleState } from '../search/state.js';
import type { Blocker, UnplacedReason } from '../result.js';

/** The blockers of one request and whether any of them is a planned meeting (else the rules alone rule it out). */
export interface ConstraintExplanation {
  reason: UnplacedReason;
  blockers: Blocker[];
  /** A start minute that nothing blocks (the search ended before using it), or null. */
  freeAt: number | null;
}

/** Explains requests of one model against one plan; caches what requests share. */
export class ConstraintExplainer {
  private readonly cache: CandidateCache;
  private readonly available: IntervalSet[];
  /** availableEnd[k * G + g]: end of room k's available window at grid g's start (lent or not), or -1e9. */
  private readonly availableEnd: Int32Array;

  constructor(
    private readonly m: Model,
    private readonly state: ScheduleState | null,
  ) {
    this.cache = new CandidateCache(m);
    const FAR = 1 << 29;
    this.available = m.data.rooms.map((rm) =>
      rm.available === null
        ? Int32Array.from([-FAR, FAR])
        : mergeIntervals(rm.available.map((w) => [minuteCeil(m.tl, w.from), minuteFloor(m.tl, w.to)])),
    );
    const G = m.tl.G;
    this.availableEnd = new Int32Array(m.rooms.length * G);
    this.available.forEach((set, k) => {
      for (let g = 0; g < G; g++) {
        const i = intervalIndexAt(set, m.tl.gridMin[g]!);
        this.availableEnd[k * G + g] = i < 0 ? -FAR : set[i + 1]!;
      }
    });
  }

  /** True when a room of `mask` is free (statically and in the plan) for the request at g. */
  private anyRoomFree(req: RequestModel, mask: Uint32Array, g: number): boolean {
    const m = this.m;
    const G = m.tl.G;
    const end = m.tl.gridMin[g]! + req.minutes;
    for (let w = 0; w < m.RW; w++) {
      let bits = mask[w]!;
      if (this.state) for (let u = g; u < g + req.units; u++) bits &= this.state.roomFree[u * m.RW + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        const k = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
        if (m.roomFreeUntil[k * G + g]! >= end) return true;
      }
    }
    return false;
  }

  private availableUntil(k: number, g: number): number {
    return this.availableEnd[k * this.m.tl.G + g]!;
  }

  /** The blockers that together rule out every start of request r (which must be placeable). */
  explain(r: number): ConstraintExplanation {
    const m = this.m;
    const req = m.requests[r]!;
    if (req.unknownAttendees.length > 0) {
      return {
        reason: 'no-slot',
        blockers: [
          { kind: 'window', detail: `attendee ${req.unknownAttendees.join(', ')} is not a known person` },
        ],
        freeAt: null,
      };
    }
    const venues: { venue: number; rooms: Int32Array | null; mask: Uint32Array | null }[] = [];
    if (req.pullAside) venues.push({ venue: req.venue >= 0 ? req.venue : m.NONE, rooms: null, mask: null });
    else {
      const { sets } = this.cache.roomSetsFor(req);
      if (sets.length === 0) return { reason: 'no-slot', blockers: [this.noRoom(req)], freeAt: null };
      for (const s of sets) venues.push({ venue: s.venue, rooms: s.rooms, mask: s.mask });
    }
    const fit = this.cache.dayFitMask(req.minutes);
    const keysOf: string[][] = [];
    const spanOf: [number, number][] = [];
    const blockerOf = new Map<string, Lazy>();
    for (const v of venues) {
      for (let g = 0; g < m.tl.G; g++) {
        if (!fit[g]) continue;
        const keys = this.blockersAt(req, v.venue, v.rooms, v.mask, g, blockerOf);
        keysOf.push(keys);
        spanOf.push([m.tl.gridMin[g]!, m.tl.gridMin[g]! + req.minutes]);
      }
    }
    if (keysOf.length === 0) {
      return {
        reason: 'no-slot',
        blockers: [{ kind: 'window', detail: `${req.minutes} min is longer than the day window` }],
        freeAt: null,
      };
    }
    const open = keysOf.findIndex((ks) => ks.length === 0);
    const chosen = cover(keysOf);
    const blockers: Blocker[] = [];
    let dynamic = false;
    for (const key of chosen) {
      const b = blockerOf.get(key)!;
      if (key.startsWith('meet:') || key.startsWith('taken:')) dynamic = true;
      blockers.push(...b(keysOf.flatMap((ks, i) => (ks.includes(key) ? [spanOf[i]!] : []))));
    }
    return {
      reason: dynamic || open >= 0 ? 'displaced' : 'no-slot',
      blockers,
      freeAt: open >= 0 ? spanOf[open]![0] : null,
    };
  }

  private blockersAt(
    req: RequestModel,
    venue: number,
    rooms: Int32Array | null,
    mask: Uint32Array | null,
    g: number,
    blockerOf: Map<string, Lazy>,
  ): string[] {
    const m = this.m;
    const tl = m.tl;
    const t = tl.gridMin[g]!;
    const e = t + req.minutes;
    const keys: string[] = [];
    const at = (minute: number) => instantOfMinute(tl, minute);
    if (req.allowed && !containsSpan(req.allowed, t, e)) {
      keys.push('allowed');
      if (!blockerOf.has('allowed'))
        blockerOf.set('allowed', () => [{ kind: 'window', detail: 'outside the allowed windows' }]);
    }
    for (const p of req.attendees) {
      const person = m.persons[p]!;
      if (person.presence && !containsSpan(person.presence, t, e)) {
        const key = `presence:${p}`;
        keys.push(key);
        if (!blockerOf.has(key)) blockerOf.set(key, () => [this.presenceBlocker(p)]);
      }
      person.engagements.forEach((x, i) => {
        if (!(e + gapBetween(m, venue, x.venue) > x.from && x.to + gapBetween(m, x.venue, venue) > t)) return;
        const byBuffer = e + tl.buffer > x.from && x.to + tl.buffer > t;
        const key = `${byBuffer ? 'eng' : 'travel'}:${p}:${i}`;
        keys.push(key);
        if (blockerOf.has(key)) return;
        if (!byBuffer) {
          const before = x.to <= t;
          blockerOf.set(key, () => [
            {
              kind: 'travel',
              person: person.id,
              fromVenue: m.venues[before ? x.venue : venue]!,
              toVenue: m.venues[before ? venue : x.venue]!,
              minutes: gapBetween(m, x.venue, venue) - tl.buffer,
            },
          ]);
        } else if (x.kind === 'programme') {
          blockerOf.set(key, () => [
            {
              kind: 'programme',
              person: person.id,
              event: x.ref,
              title: x.label,
              from: at(x.from),
              to: at(x.to),
            },
          ]);
        } else if (x.kind === 'busy') {
          blockerOf.set(key, () => [
            {
              kind: 'busy',
              person: person.id,
              label: x.label,
              from: at(x.from),
              to: at(x.to),
            },
          ]);
        } else {
          blockerOf.set(key, () => [
            {
              kind: 'meeting',
              person: person.id,
              request: x.ref,
              from: at(x.from),
              to: at(x.to),
            },
          ]);
        }
      });
      if (this.state) {
        const st = this.state;
        st.personClashes(p, req, g, venue, (o) => {
          const key = `meet:${p}:${o}`;
          if (keys.includes(key)) return;
          keys.push(key);
          if (!blockerOf.has(key)) {
            const s = tl.gridMin[st.start[o]!]!;
            blockerOf.set(key, () => [
              {
                kind: 'meeting',
                person: person.id,
                request: m.requests[o]!.id,
                from: at(s),
                to: at(s + m.requests[o]!.minutes),
              },
            ]);
          }
        });
      }
    }
    if (rooms && mask) {
      let available = false;
      for (const k of rooms) {
        if (this.availableUntil(k, g) >= e) {
          available = true;
          break;
        }
      }
      const free = available && this.anyRoomFree(req, mask, g);
      if (!free) {
        const key = `${available ? 'taken' : 'unavailable'}:${venue}`;
        keys.push(key);
        if (!blockerOf.has(key)) {
          const venueId = m.venues[venue] ?? null;
          const reason = available ? ('taken' as const) : ('unavailable' as const);
          blockerOf.set(key, (covered) =>
            mergeIntervals(covered).reduce<Blocker[]>((acc, _x, i, arr) => {
              if (i % 2 === 0)
                acc.push({ kind: 'rooms', venue: venueId, reason, from: at(arr[i]!), to: at(arr[i + 1]!) });
              return acc;
            }, []),
          );
        }
      }
    }
    return keys;
  }

  private presenceBlocker(p: number): Blocker {
    const m = this.m;
    const pr = m.persons[p]!.presence!;
    const first = m.tl.days[0]?.from ?? 0;
    const last = m.tl.days[m.tl.days.length - 1]?.to ?? 0;
    const arrives = pr.length > 0 && pr[0]! > first ? instantOfMinute(m.tl, pr[0]!) : null;
    const departs =
      pr.length > 0 && pr[pr.length - 1]! < last ? instantOfMinute(m.tl, pr[pr.length - 1]!) : null;
    return { kind: 'presence', person: m.persons[p]!.id, arrives, departs };
  }

  private noRoom(req: RequestModel): Blocker {
    const m = this.m;
    const atVenue = m.rooms.filter((rm) => req.venue < 0 || rm.venue === req.venue);
    const venue = req.venue >= 0 ? m.venues[req.venue]! : null;
    const bigEnough = atVenue.filter((rm) => rm.capacity >= req.seats);
    if (atVenue.length > 0 && bigEnough.length > 0) return { kind: 'rooms', venue, reason: 'lent' };
    return { kind: 'rooms', venue, reason: 'too-small' };
  }
}

/** A blocker built only when chosen; rooms blockers get the time spans of the starts they rule out. */
type Lazy = (covered: [number, number][]) => Blocker[];

/** Greedy set cover: repeatedly the key that rules out most of the starts not yet ruled out. */
function cover(keysOf: string[][]): string[] {
  const covered = new Uint8Array(keysOf.length);
  const chosen: string[] = [];
  let left = keysOf.filter((k) => k.length > 0).length;
  while (left > 0) {
    const count = new Map<string, number>();
    keysOf.forEach((ks, i) => {
      if (covered[i]) return;
      for (const k of new Set(ks)) count.set(k, (count.get(k) ?? 0) + 1);
    });
    let best = '';
    let bestN = 0;
    for (const [k, n] of count) if (n > bestN) [best, bestN] = [k, n];
    if (bestN === 0) break;
    chosen.push(best);
    keysOf.forEach((ks, i) => {
      if (!covered[i] && ks.includes(best)) {
        covered[i] = 1;
        left--;
      }
    });
  }
  return chosen;
}
