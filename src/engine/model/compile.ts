// Compiles SummitData into the integer model the search works on. Reads the input, never changes it.
import type { SummitData } from '../../domain/summit/data.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Instant, Window } from '../../domain/time.js';
import { buildCandidates, CandidateCache, MaskStore } from './candidates.js';
import { markFitting } from '../search/construct.js';
import { mergeIntervals, subtractIntervals, intervalIndexAt, type IntervalSet } from './intervals.js';
import type { Engagement, Model, ModelPolicy, PersonModel, RequestModel, RoomModel } from './model.js';
import { buildTimeline, firstGridAtOrAfter, minuteCeil, minuteFloor, type Timeline } from './timeline.js';
import { RoomHoldCache, turnoverBlock } from './rules/room-turnover.js';
import { compileQuotas } from './rules/quotas.js';
import { compileInterpreters } from './rules/interpreters.js';
import type { MovePolicy } from '../policy.js';

/** Request states the scheduler may place (summit-file.md, hard rule 1). */
export const PLACEABLE_STATES: ReadonlySet<string> = new Set(['agreed', 'scheduled', 'confirmed']);

const FAR = 1 << 29;

/** Options that change which existing meetings count as the starting point. */
export interface CompileOptions {
  /** Movable meetings to start from instead of data.meetings' unpinned ones (re-planning). */
  existing?: { request: string; start: Instant; room: string | null }[];
  /** Rules 9 and 10 of summit-file.md: how existing meetings may move (default: no limit, no freeze). */
  policy?: MovePolicy;
  /** Work kept from an earlier compile of the same summit (a warm re-plan reuses its start masks). */
  cache?: CompileCache;
}

/**
 * What one compile leaves for the next of the same summit: the timeline and the start masks, valid
 * while the summit's frame (days, grid, venues, travel, rooms) stays as it was.
 */
export class CompileCache {
  private frame = '';
  private timelineKey = '';
  private tl: Timeline | null = null;
  masks = new MaskStore();

  /** The timeline of `summit`, built once per distinct calendar. */
  timeline(summit: SummitData['summit']): Timeline {
    const key = JSON.stringify([
      summit.timezone,
      summit.days,
      summit.dayWindow,
      summit.grainMinutes,
      summit.bufferMinutes,
    ]);
    if (key !== this.timelineKey || !this.tl) {
      this.tl = buildTimeline(summit);
      this.timelineKey = key;
    }
    return this.tl;
  }

  /** The masks for a summit whose frame is `frame`: the same store while it holds, a fresh one when it changed. */
  masksFor(frame: string): MaskStore {
    if (frame !== this.frame) {
      this.masks = new MaskStore();
      this.frame = frame;
    }
    return this.masks;
  }
}

/** Compiles a summit for planning: time grid, persons' fixed engagements, rooms, requests and candidates. */
export function compileModel(data: SummitData, options: CompileOptions = {}): Model {
  const tl = options.cache ? options.cache.timeline(data.summit) : buildTimeline(data.summit);
  const venues = data.venues.map((v) => v.id as string);
  const venueIdx = new Map(venues.map((v, i) => [v, i]));
  const venueOf = (id: string | null): number => {
    if (id === null) return venues.length;
    let i = venueIdx.get(id);
    if (i === undefined) {
      // A venue named but not listed still separates places; give it an index of its own.
      i = venues.length;
      venues.push(id);
      venueIdx.set(id, i);
    }
    return i;
  };
  for (const r of data.rooms) venueOf(r.venue);
  for (const q of data.requests) if (q.venue !== null) venueOf(q.venue);
  for (const e of data.programme) if (e.venue !== null) venueOf(e.venue);
  for (const b of data.busy) if (b.venue !== null) venueOf(b.venue);
  for (const t of data.travel) {
    venueOf(t.a);
    venueOf(t.b);
  }
  const NONE = venues.length;
  const { gap, maxGap } = buildGaps(data, venueIdx, NONE, tl.buffer);

  const personIndex = new Map<string, number>();
  const delegationById = new Map(data.delegations.map((d) => [d.id as string, d]));
  const persons: PersonModel[] = data.persons.map((p, i) => {
    personIndex.set(p.id, i);
    const presence = p.presence ?? delegationById.get(p.delegation)?.presence ?? null;
    return {
      id: p.id,
      delegation: p.delegation,
      presence: presence === null ? null : allowing(tl, presence),
      engagements: [],
      signature: '',
    };
  });

  const turnover = data.summit.roomTurnoverMinutes;
  const holds = new RoomHoldCache(tl, turnover);
  const roomIndex = new Map(data.rooms.map((r, i) => [r.id as string, i]));
  const roomBlocks: [number, number][][] = data.rooms.map(() => []);
  const warnings: string[] = [];

  addProgramme(data, tl, persons, personIndex, venueOf);
  for (const b of data.busy) {
    const p = personIndex.get(b.person);
    if (p === undefined) continue;
    persons[p]!.engagements.push({
      from: minuteFloor(tl, b.from),
      to: minuteCeil(tl, b.to),
      venue: venueOf(b.venue),
      kind: 'busy',
      ref: b.id,
      label: b.label ?? 'private commitment',
    });
  }

  const requestIndex = new Map(data.requests.map((q, i) => [q.id as string, i]));
  const meetingOf = new Map<string, Meeting>();
  for (const mt of data.meetings) if (!meetingOf.has(mt.request)) meetingOf.set(mt.request, mt);
  const override = options.existing ? new Map(options.existing.map((e) => [e.request, e])) : null;

  const requests: RequestModel[] = data.requests.map((q, index) => {
    const attendees: number[] = [];
    const unknownAttendees: string[] = [];
    for (const a of q.attendees) {
      const p = personIndex.get(a);
      if (p === undefined) unknownAttendees.push(a);
      else if (!attendees.includes(p)) attendees.push(p);
    }
    const pullAside = q.format === 'pull-aside';
    return {
      index,
      id: q.id,
      source: q,
      placeable: PLACEABLE_STATES.has(q.status),
      weight: q.priority,
      minutes: q.minutes,
      units: Math.ceil(q.minutes / tl.grain),
      attendees: Int32Array.from(attendees),
      unknownAttendees,
      seats: q.seats ?? q.attendees.length,
      venue: q.venue === null ? -1 : venueOf(q.venue),
      parties: [q.from, ...q.to],
      pullAside,
      allowed: q.allowed === null ? null : allowing(tl, q.allowed),
      preferred: mergeIntervals(q.preferred.map((w) => [minuteCeil(tl, w.from), minuteCeil(tl, w.to)])),
      fixed: null,
      existing: null,
      frozen: false,
      needs: pullAside ? [] : q.needs,
      roomHold: holds.of(q.minutes),
      roomKey: '',
      options: [],
    };
  });

  const policy = compilePolicy(tl, options.policy);
  // Existing meetings: confirmed or pinned ones are fixed, and so are those the freeze holds; the rest
  // may move. Meetings of requests that may not be placed (held, declined…) are not on the plan and
  // block nothing.
  for (const r of requests) {
    const mt = meetingOf.get(r.id);
    const q = r.source;
    const roomOfMeeting = (room: string | null): number => (room === null ? -1 : (roomIndex.get(room) ?? -1));
    if (mt && r.placeable && (mt.pinned || q.status === 'confirmed')) {
      const start = minuteFloor(tl, mt.start);
      const room = roomOfMeeting(mt.room);
      if (mt.room !== null && room < 0) warnings.push(`meeting ${r.id}: room ${mt.room} is unknown`);
      r.fixed = { start, room };
      blockFor(r, start, room);
      continue;
    }
    if (!r.placeable) continue;
    const ex = override ? override.get(r.id) : mt;
    if (ex) {
      const start = minuteFloor(tl, ex.start);
      const room = roomOfMeeting(ex.room);
      if (policy.freezeUntil !== null && start < policy.freezeUntil) {
        // Inside the freeze: kept as if pinned, whatever it would gain by moving.
        if (ex.room !== null && room < 0) warnings.push(`meeting ${r.id}: room ${ex.room} is unknown`);
        r.fixed = { start, room };
        r.frozen = true;
        blockFor(r, start, room);
        continue;
      }
      r.existing = { g: gridIndexOf(tl, start), room, start, fits: false };
    }
  }

  function blockFor(r: RequestModel, start: number, room: number): void {
    const end = start + r.minutes;
    const venue = room >= 0 ? venueOf(data.rooms[room]!.venue) : r.venue >= 0 ? r.venue : NONE;
    for (const p of r.attendees) {
      persons[p]!.engagements.push({ from: start, to: end, venue, kind: 'meeting', ref: r.id, label: r.id });
    }
    if (room >= 0) roomBlocks[room]!.push(turnoverBlock(start, end, turnover));
  }

  for (const p of persons) {
    p.engagements.sort((a, b) => a.from - b.from || a.to - b.to);
    p.signature = `${p.presence?.join(',') ?? '*'};${p.engagements.map((e) => `${e.from},${e.to},${e.venue}`).join(';')}`;
  }

  const rooms: RoomModel[] = data.rooms.map((rm, k) => {
    const available = rm.available === null ? Int32Array.from([-FAR, FAR]) : allowing(tl, rm.available);
    return {
      id: rm.id,
      venue: venueOf(rm.venue),
      capacity: rm.capacity,
      delegation: rm.delegation,
      features: rm.features,
      free: subtractIntervals(available, mergeIntervals(roomBlocks[k]!)),
    };
  });
  const G = tl.G;
  const roomFreeUntil = new Int32Array(rooms.length * G);
  rooms.forEach((rm, k) => {
    for (let g = 0; g < G; g++) {
      const i = intervalIndexAt(rm.free, tl.gridMin[g]!);
      roomFreeUntil[k * G + g] = i < 0 ? -FAR : rm.free[i + 1]!;
    }
  });

  const variables = requests.filter((r) => r.placeable && r.fixed === null).map((r) => r.index);
  const personRequests: number[][] = persons.map(() => []);
  for (const i of variables) for (const p of requests[i]!.attendees) personRequests[p]!.push(i);
  const existingCount = requests.filter((r) => r.existing !== null).length;
  const K1 = existingCount + 1;
  const K2 = (requests.length + 1) * K1;

  const lentTo = new Set(rooms.flatMap((rm) => (rm.delegation === null ? [] : [rm.delegation])));
  const frame = JSON.stringify([
    venues,
    data.travel,
    rooms.map((rm) => [rm.id, rm.venue, rm.capacity, rm.delegation, rm.features]),
  ]);
  const model: Model = {
    data,
    tl,
    venues,
    NONE,
    gap,
    maxGap,
    persons,
    personIndex,
    rooms,
    roomIndex,
    RW: Math.max(1, Math.ceil(rooms.length / 32)),
    roomFreeUntil,
    roomState: rooms.map((rm) => rm.free.join(',')).join(';'),
    lentTo,
    // Set right below: the cache reads the model it belongs to.
    candidates: null as unknown as CandidateCache,
    requests,
    requestIndex,
    variables: Int32Array.from(variables),
    personRequests: personRequests.map((l) => Int32Array.from(l)),
    existingCount,
    fitting: 0,
    K1,
    K2,
    warnings,
    policy,
    turnover,
    practice: {
      quotas: compileQuotas(data, tl, requests),
      interpreters: compileInterpreters(data, tl, requests),
    },
    earliestG: policy.now === null ? 0 : firstGridAtOrAfter(tl, policy.now),
  };
  const store = options.cache?.masksFor(frame);
  model.candidates = new CandidateCache(model, store);
  buildCandidates(model);
  store?.sweep(NONE + 1);
  // Which existing meetings still fit is a fact of the input (it decides what maxMoves counts).
  markFitting(model);
  return model;
}

/** The move policy in model minutes. The freeze needs a moment of planning; without freezeHours it is that moment. */
function compilePolicy(tl: Timeline, p: MovePolicy = {}): ModelPolicy {
  const now = p.now ? minuteCeil(tl, p.now) : null;
  const freezeUntil = now === null ? null : now + Math.round((p.freezeHours ?? 0) * 60);
  return {
    maxMoves: p.maxMoves ?? null,
    now,
    freezeUntil,
    applied: { maxMoves: p.maxMoves ?? null, now: p.now ?? null, freezeHours: p.freezeHours ?? null },
  };
}

/** Windows that allow something (presence, availability, allowed): rounded inwards to whole minutes. */
function allowing(tl: Timeline, windows: readonly Window[]): IntervalSet {
  return mergeIntervals(windows.map((w) => [minuteCeil(tl, w.from), minuteFloor(tl, w.to)]));
}

function gridIndexOf(tl: Timeline, minute: number): number {
  let lo = 0;
  let hi = tl.G - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = tl.gridMin[mid]!;
    if (v === minute) return mid;
    if (v < minute) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function buildGaps(
  data: SummitData,
  venueIdx: Map<string, number>,
  NONE: number,
  buffer: number,
): { gap: Int32Array; maxGap: number } {
  const W = NONE + 1;
  const gap = new Int32Array(W * W).fill(buffer);
  let maxGap = buffer;
  for (const t of data.travel) {
    const a = venueIdx.get(t.a)!;
    const b = venueIdx.get(t.b)!;
    if (a === b) continue;
    gap[a * W + b] = buffer + t.minutes;
    gap[b * W + a] = buffer + t.minutes;
    maxGap = Math.max(maxGap, buffer + t.minutes);
  }
  return { gap, maxGap };
}

function addProgramme(
  data: SummitData,
  tl: Timeline,
  persons: PersonModel[],
  personIndex: Map<string, number>,
  venueOf: (id: string | null) => number,
): void {
  const principals = data.delegations.map((d) => d.principal as string);
  for (const e of data.programme) {
    const ids = e.attendees === 'principals' ? principals : e.attendees;
    const engagement: Omit<Engagement, 'venue'> & { venue: number } = {
      from: minuteFloor(tl, e.from),
      to: minuteCeil(tl, e.to),
      venue: venueOf(e.venue),
      kind: 'programme',
      ref: e.id,
      label: e.title,
    };
    for (const id of new Set(ids)) {
      const p = personIndex.get(id);
      if (p !== undefined) persons[p]!.engagements.push({ ...engagement });
    }
  }
}
