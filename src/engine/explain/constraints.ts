// Why an agreed request has no slot: for every start it could take, list what stands in the way
// (programme events, busy blocks, presence, travel, planned meetings, rooms), then name the smallest
// set of those that covers every start (greedy set cover).
import type { Model, RequestModel } from '../model/model.js';
import { gapBetween } from '../model/model.js';
import { containsSpan, intervalIndexAt, mergeIntervals, type IntervalSet } from '../model/intervals.js';
import type { CandidateCache } from '../model/candidates.js';
import { instantOfMinute, minuteCeil, minuteFloor } from '../model/timeline.js';
import type { ScheduleState } from '../search/state.js';
import type { Blocker, UnplacedReason } from '../result.js';
import { PracticeBlockers, type PracticeKind, type PracticeSink } from './practice-blockers.js';
import { offersAll } from '../model/rules/room-features.js';

/** One start a request could take, and the keys of what blocks it there (none: it is free). */
export interface AnalysedStart {
  g: number;
  venue: number;
  /** [start, end) in model minutes. */
  span: [number, number];
  keys: number[];
}

/** What stands in the way at each start of one request. */
export interface StartAnalysis {
  starts: AnalysedStart[];
  /** Number of distinct keys. */
  keys: number;
  /** Per key: a planned (or fixed) meeting or a taken room, which the plan could change. */
  dynamic: boolean[];
  /** The blockers of one key; rooms blockers cover the spans of the starts it blocks (or only those given). */
  blockersOf(key: number, only?: readonly AnalysedStart[]): Blocker[];
}

/** The blockers that rule out every start of a request, and whether planned meetings are among them. */
export interface ConstraintExplanation {
  reason: UnplacedReason;
  blockers: Blocker[];
  /** A start minute that nothing blocks (the search ended before using it), or null. */
  freeAt: number | null;
}

const NOTHING: Lazy = () => [];

/** Kinds of blocker keys. */
const K = {
  allowed: 0,
  presence: 1,
  engagement: 2,
  travel: 3,
  meeting: 4,
  taken: 5,
  unavailable: 6,
  noRoom: 7,
  quota: 8,
  interpreters: 9,
  turnover: 10,
} as const;

/** One number per blocker: kind, then a person or venue, then an engagement or request index. */
function keyOf(kind: number, a: number, b: number): number {
  return kind * 2 ** 44 + a * 2 ** 22 + b;
}

/** A blocker built only when chosen; rooms blockers get the time spans of the starts they rule out. */
type Lazy = (covered: [number, number][]) => Blocker[];

const FAR = 1 << 29;

/** Explains requests of one model against one plan; caches what requests share. */
export class ConstraintExplainer {
  private readonly cache: CandidateCache;
  /** availableEnd[k * G + g]: end of room k's available window at grid g's start (lent or not), or -FAR. */
  private readonly availableEnd: Int32Array;
  /** Longest engagement of each person, to start engagement scans near a start. */
  private readonly longest: Int32Array;
  /** Busy blocks the input gives no label: explained only as "busy", never by where they are. */
  private readonly anonymous: ReadonlySet<string>;
  /** The instant of a model minute (bound once; closures made per start would cost allocations). */
  private readonly at = (minute: number) => instantOfMinute(this.m.tl, minute);
  /** Person and request the meeting-clash callback reports for (set before each personClashes call). */
  private clashPerson = -1;
  private readonly onClash = (o: number): void => {
    const p = this.clashPerson;
    if (this.add(keyOf(K.meeting, p, o), true)) {
      const m = this.m;
      const st = this.state!;
      const s = m.tl.gridMin[st.start[o]!]!;
      const other = m.requests[o]!;
      const person = m.persons[p]!.id;
      this.define(() => [
        { kind: 'meeting', person, request: other.id, from: this.at(s), to: this.at(s + other.minutes) },
      ]);
    }
  };
  /** The first grid start a new meeting may take (the moment of planning). */
  private readonly firstStart: number;
  /** Quotas, interpreters and room turnover (rules 5, 7 and 8). */
  private readonly practice: PracticeBlockers;
  private readonly practiceSink: PracticeSink = {
    note: (kind: PracticeKind, a, b, dynamic, make) => {
      if (this.add(keyOf(K[kind], a, b), dynamic)) this.define(make);
    },
  };
  // Per-request scratch: interned blocker keys, their builders, and the keys of each start (flat).
  private keyIds = new Map<number, number>();
  private lazies: Lazy[] = [];
  private dynamic: boolean[] = [];
  private flat: number[] = [];

  constructor(
    private readonly m: Model,
    private readonly state: ScheduleState | null,
  ) {
    this.cache = m.candidates;
    this.firstStart = m.earliestG;
    this.practice = new PracticeBlockers(m, state);
    const G = m.tl.G;
    this.availableEnd = new Int32Array(m.rooms.length * G);
    m.data.rooms.forEach((rm, k) => {
      const set: IntervalSet =
        rm.available === null
          ? Int32Array.from([-FAR, FAR])
          : mergeIntervals(rm.available.map((w) => [minuteCeil(m.tl, w.from), minuteFloor(m.tl, w.to)]));
      for (let g = 0; g < G; g++) {
        const i = intervalIndexAt(set, m.tl.gridMin[g]!);
        this.availableEnd[k * G + g] = i < 0 ? -FAR : set[i + 1]!;
      }
    });
    this.anonymous = new Set(m.data.busy.filter((b) => b.label === null).map((b) => b.id as string));
    this.longest = Int32Array.from(m.persons, (p) =>
      p.engagements.reduce((x, e) => Math.max(x, e.to - e.from), 0),
    );
  }

  /** The blockers that together rule out every start of request r (which must be placeable). */
  explain(r: number): ConstraintExplanation {
    const a = this.analyse(r);
    if ('fixed' in a) return a.fixed;
    // Name enough to rule out every start, then complete the set so that lifting what is named
    // frees at least one start (and each named blocker belongs to such a start): an explanation
    // that names one of two obstacles at every start would send the reader after the wrong one.
    const chosen = completeCover(a.starts, cover(a.starts, a.keys));
    const blockers: Blocker[] = [];
    let dynamic = false;
    for (const key of chosen) {
      if (a.dynamic[key]) dynamic = true;
      blockers.push(...a.blockersOf(key));
    }
    const open = a.starts.findIndex((s) => s.keys.length === 0);
    return {
      reason: dynamic || open >= 0 ? 'displaced' : 'no-slot',
      blockers,
      freeAt: open >= 0 ? a.starts[open]!.span[0] : null,
    };
  }

  /**
   * Every start request r could take (each grid start that fits the day window, at each venue it
   * may use) with the keys of what blocks it there, and how to turn a key into blockers. Requests
   * that no start can ever suit (an unknown attendee, no fitting room, longer than the day) come
   * back as `fixed`, their explanation.
   */
  analyse(r: number): StartAnalysis | { fixed: ConstraintExplanation } {
    const m = this.m;
    const req = m.requests[r]!;
    if (req.unknownAttendees.length > 0) {
      const detail = `attendee ${req.unknownAttendees.join(', ')} is not a known person`;
      return { fixed: { reason: 'no-slot', blockers: [{ kind: 'window', detail }], freeAt: null } };
    }
    this.keyIds = new Map();
    this.lazies = [];
    this.dynamic = [];
    this.flat = [];
    const venues: { venue: number; rooms: Int32Array | null; mask: Uint32Array | null }[] = [];
    // No room fits at all: that blocks every start, and the starts are judged as if a room did (in
    // the rooms it would have once the obstacle is lifted), so the rest of the way is named too.
    let noRoom: Blocker[] | null = null;
    if (req.pullAside) venues.push({ venue: req.venue >= 0 ? req.venue : m.NONE, rooms: null, mask: null });
    else {
      const { sets } = this.cache.roomSetsFor(req);
      for (const s of sets) venues.push({ venue: s.venue, rooms: s.rooms, mask: s.mask });
      if (sets.length === 0) {
        const none = this.noRoom(req);
        noRoom = none.blockers;
        venues.push(...none.venues);
      }
    }
    const fit = this.cache.dayFitMask(req.minutes);
    const firstG = this.firstStart;
    const starts: AnalysedStart[] = [];
    for (const v of venues) {
      for (let g = firstG; g < m.tl.G; g++) {
        if (!fit[g]) continue;
        const before = this.flat.length;
        if (noRoom) {
          const blockers = noRoom;
          if (this.add(keyOf(K.noRoom, 0, 0), false)) this.define(() => blockers);
        }
        this.blockersAt(req, v.venue, v.rooms, v.mask, g);
        const t = m.tl.gridMin[g]!;
        starts.push({ g, venue: v.venue, span: [t, t + req.minutes], keys: uniq(this.flat.slice(before)) });
      }
    }
    if (starts.length === 0) {
      const detail =
        firstG > 0
          ? `no start of ${req.minutes} min is left after the moment of planning`
          : `${req.minutes} min is longer than the day window`;
      return { fixed: { reason: 'no-slot', blockers: [{ kind: 'window', detail }], freeAt: null } };
    }
    const lazies = this.lazies;
    const dynamic = this.dynamic;
    return {
      starts,
      keys: lazies.length,
      dynamic,
      blockersOf: (key, only) => {
        const covered = starts
          .filter((s) => (only ? only.includes(s) : s.keys.includes(key)))
          .map((s) => s.span);
        return lazies[key]!(covered);
      },
    };
  }

  /** Records that `key` (see keyOf) blocks the current start; true when the key is new (then define its builder). */
  private add(key: number, dynamic: boolean): boolean {
    let id = this.keyIds.get(key);
    const fresh = id === undefined;
    if (id === undefined) {
      id = this.lazies.length;
      this.keyIds.set(key, id);
      this.lazies.push(NOTHING);
      this.dynamic.push(dynamic);
    }
    this.flat.push(id);
    return fresh;
  }

  /** Sets the builder of the key added last (call right after add returned true). */
  private define(lazy: Lazy): void {
    this.lazies[this.lazies.length - 1] = lazy;
  }

  private blockersAt(
    req: RequestModel,
    venue: number,
    rooms: Int32Array | null,
    mask: Uint32Array | null,
    g: number,
  ): void {
    const m = this.m;
    const tl = m.tl;
    const t = tl.gridMin[g]!;
    const e = t + req.minutes;
    const at = this.at;
    if (req.allowed && !containsSpan(req.allowed, t, e)) {
      if (this.add(keyOf(K.allowed, 0, 0), false))
        this.define(() => [{ kind: 'window', detail: 'outside the allowed windows' }]);
    }
    for (const p of req.attendees) {
      const person = m.persons[p]!;
      if (person.presence && !containsSpan(person.presence, t, e)) {
        if (this.add(keyOf(K.presence, p, 0), false)) this.define(() => [this.presenceBlocker(p)]);
      }
      const eng = person.engagements;
      // Engagements that start before t − maxGap − longest cannot reach t.
      let i = lowerFrom(eng, t - m.maxGap - this.longest[p]!);
      for (; i < eng.length && eng[i]!.from < e + m.maxGap; i++) {
        const x = eng[i]!;
        if (!(e + gapBetween(m, venue, x.venue) > x.from && x.to + gapBetween(m, x.venue, venue) > t))
          continue;
        const byBuffer = e + tl.buffer > x.from && x.to + tl.buffer > t;
        // Where an undescribed commitment is, is as private as what it is: the minutes to get there
        // would name its venue. It shows as the commitment itself (the person is busy), nothing more.
        if (!byBuffer && !(x.kind === 'busy' && this.anonymous.has(x.ref))) {
          const before = x.to <= t;
          if (this.add(keyOf(K.travel, p, i), false))
            this.define(() => [
              {
                kind: 'travel',
                person: person.id,
                fromVenue: m.venues[before ? x.venue : venue]!,
                toVenue: m.venues[before ? venue : x.venue]!,
                minutes: gapBetween(m, x.venue, venue) - tl.buffer,
              },
            ]);
        } else {
          // A fixed (confirmed or pinned) meeting is a placed meeting too: the request is displaced.
          if (this.add(keyOf(K.engagement, p, i), x.kind === 'meeting'))
            this.define(() => [engagementBlocker(person.id, x, at)]);
        }
      }
      if (this.state) {
        this.clashPerson = p;
        this.state.personClashes(p, req, g, venue, this.onClash);
      }
    }
    this.practice.atStart(req, g, this.practiceSink);
    if (rooms && mask) {
      let available = false;
      for (const k of rooms) {
        if (this.availableEnd[k * tl.G + g]! >= e) {
          available = true;
          break;
        }
      }
      if (available && this.anyRoomFree(req, mask, g)) return;
      // A room free but for the turnover next to another meeting: that is what stands in the way.
      const end = (k: number) => this.availableEnd[k * tl.G + g]!;
      if (available && this.practice.turnoverAt(req, g, rooms, end, this.practiceSink)) return;
      const reason = available ? ('taken' as const) : ('unavailable' as const);
      const venueId = m.venues[venue] ?? null;
      const needs = [...req.needs];
      if (this.add(keyOf(available ? K.taken : K.unavailable, venue, 0), available))
        this.define((covered) => {
          const spans = mergeIntervals(covered);
          const out: Blocker[] = [];
          for (let i = 0; i < spans.length; i += 2) {
            const [from, to] = [at(spans[i]!), at(spans[i + 1]!)];
            // Rooms with the features the request needs are what is taken (rule 6).
            out.push(
              reason === 'taken' && needs.length > 0
                ? { kind: 'features', venue: venueId, needs, from, to }
                : { kind: 'rooms', venue: venueId, reason, from, to },
            );
          }
          return out;
        });
    }
  }

  /** True when a room of `mask` is free (statically and in the plan) for the request at g. */
  private anyRoomFree(req: RequestModel, mask: Uint32Array, g: number): boolean {
    const m = this.m;
    const G = m.tl.G;
    const end = m.tl.gridMin[g]! + req.minutes;
    for (let w = 0; w < m.RW; w++) {
      let bits = mask[w]!;
      const hold = req.roomHold[g]!;
      if (this.state) for (let u = g; u < hold; u++) bits &= this.state.roomFree[u * m.RW + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        const k = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
        if (m.roomFreeUntil[k * G + g]! >= end) return true;
      }
    }
    return false;
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

  /**
   * Why no room fits a request at all, and the rooms it would have once that is lifted (grouped by
   * venue): rooms lent to others, when a big enough one is lent (lifting opens them); else the rooms
   * open to its parties, when all are too small (lifting enlarges them); else both. A venue with no
   * room at all gets one that is always free (what-if adds such a room).
   */
  private noRoom(req: RequestModel): {
    blockers: Blocker[];
    venues: { venue: number; rooms: Int32Array | null; mask: Uint32Array | null }[];
  } {
    const m = this.m;
    const venue = req.venue >= 0 ? m.venues[req.venue]! : null;
    const atVenue = m.rooms
      .map((rm, k) => ({ rm, k }))
      .filter(({ rm }) => req.venue < 0 || rm.venue === req.venue);
    // Rooms that would fit but for the features the request needs (rule 6): lifting gives them those.
    const featureless = atVenue.filter(
      ({ rm }) =>
        rm.capacity >= req.seats &&
        (rm.delegation === null || req.parties.includes(rm.delegation)) &&
        !offersAll(rm.features, req.needs),
    );
    if (req.needs.length > 0 && featureless.length > 0) {
      return {
        blockers: [{ kind: 'features', venue, needs: [...req.needs] }],
        venues: byVenue(m, featureless),
      };
    }
    const open = atVenue.filter(({ rm }) => rm.delegation === null || req.parties.includes(rm.delegation));
    const largest = (l: typeof atVenue) => l.reduce((x, { rm }) => Math.max(x, rm.capacity), 0);
    const bigEnough = atVenue.filter(({ rm }) => rm.capacity >= req.seats);
    let blockers: Blocker[];
    let rooms: typeof atVenue;
    if (bigEnough.length > 0) {
      blockers = [{ kind: 'rooms', venue, reason: 'lent' }];
      rooms = bigEnough;
    } else if (open.length > 0) {
      blockers = [{ kind: 'rooms', venue, reason: 'too-small', seats: req.seats, largest: largest(open) }];
      rooms = open;
    } else {
      blockers = [{ kind: 'rooms', venue, reason: 'too-small', seats: req.seats, largest: largest(atVenue) }];
      if (atVenue.length > 0) blockers.push({ kind: 'rooms', venue, reason: 'lent' });
      rooms = atVenue;
    }
    if (rooms.length === 0) {
      const at = req.venue >= 0 ? req.venue : m.venues.length > 0 ? 0 : m.NONE;
      return { blockers, venues: [{ venue: at, rooms: null, mask: null }] };
    }
    return { blockers, venues: byVenue(m, rooms) };
  }
}

/** Rooms grouped by venue, each group with its room list and bitset. */
function byVenue(
  m: Model,
  rooms: readonly { rm: { venue: number }; k: number }[],
): { venue: number; rooms: Int32Array; mask: Uint32Array }[] {
  const groups = new Map<number, number[]>();
  for (const { rm, k } of rooms) groups.set(rm.venue, [...(groups.get(rm.venue) ?? []), k]);
  return [...groups].map(([v, ks]) => {
    const mask = new Uint32Array(m.RW);
    for (const k of ks) mask[k >>> 5]! |= 1 << (k & 31);
    return { venue: v, rooms: Int32Array.from(ks), mask };
  });
}

function engagementBlocker(
  person: string,
  x: Model['persons'][number]['engagements'][number],
  at: (minute: number) => ReturnType<typeof instantOfMinute>,
): Blocker {
  if (x.kind === 'programme') {
    return { kind: 'programme', person, event: x.ref, title: x.label, from: at(x.from), to: at(x.to) };
  }
  if (x.kind === 'busy') return { kind: 'busy', person, label: x.label, from: at(x.from), to: at(x.to) };
  return { kind: 'meeting', person, request: x.ref, from: at(x.from), to: at(x.to) };
}

/** Index of the first engagement starting at or after minute t (engagements sorted by start). */
function lowerFrom(eng: readonly { from: number }[], t: number): number {
  let lo = 0;
  let hi = eng.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (eng[mid]!.from < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Greedy set cover over starts: repeatedly the key that rules out most of the starts not yet ruled out. */
function cover(starts: readonly AnalysedStart[], nKeys: number): number[] {
  const covered = new Uint8Array(starts.length);
  const count = new Int32Array(nKeys);
  const chosen: number[] = [];
  for (;;) {
    count.fill(0);
    starts.forEach((s, i) => {
      if (!covered[i]) for (const k of s.keys) count[k]!++;
    });
    let best = -1;
    for (let k = 0; k < nKeys; k++) if (count[k]! > 0 && (best < 0 || count[k]! > count[best]!)) best = k;
    if (best < 0) return chosen;
    chosen.push(best);
    starts.forEach((s, i) => {
      if (!covered[i] && s.keys.includes(best)) covered[i] = 1;
    });
  }
}

/**
 * Completes a cover so that every chosen key has a *witness*: a start it blocks whose every blocker
 * is chosen. Lifting all chosen blockers then frees that start, and lifting one together with the
 * others of its witness does too (what-if relies on it). For each key without a witness, the start
 * it blocks that needs the fewest keys added is taken (ties: the earliest).
 */
export function completeCover(starts: readonly AnalysedStart[], chosen: readonly number[]): number[] {
  const named = new Set(chosen);
  const out = [...chosen];
  for (const key of chosen) {
    let best: AnalysedStart | null = null;
    let bestMissing = Infinity;
    for (const s of starts) {
      if (!s.keys.includes(key)) continue;
      let missing = 0;
      for (const k of s.keys) if (!named.has(k)) missing++;
      if (missing < bestMissing) {
        best = s;
        bestMissing = missing;
        if (missing === 0) break;
      }
    }
    if (!best) continue;
    for (const k of best.keys) {
      if (named.has(k)) continue;
      named.add(k);
      out.push(k);
    }
  }
  return out;
}

/** The distinct values of a short list, in first-seen order. */
function uniq(keys: number[]): number[] {
  return keys.length < 2 ? keys : [...new Set(keys)];
}
