// The engine's compiled view of a summit: indices, integer minutes and typed arrays, built once per solve.
import type { SummitData } from '../../domain/summit/data.js';
import type { Request } from '../../domain/request/schema.js';
import type { AppliedPolicy } from '../result.js';
import type { CandidateCache } from './candidates.js';
import type { IntervalSet } from './intervals.js';
import type { Timeline } from './timeline.js';
import type { InterpreterModel } from './rules/interpreters.js';
import type { QuotaModel } from './rules/quotas.js';

/** What occupies a person outside the meetings being planned. */
export type EngagementKind = 'programme' | 'busy' | 'meeting';

/** A fixed commitment of one person, in minutes; venue is an index or the model's NONE. */
export interface Engagement {
  from: number;
  to: number;
  venue: number;
  kind: EngagementKind;
  /** Programme event id, busy block id or request id. */
  ref: string;
  /** Event title, busy label or request id: what a protocol officer reads. */
  label: string;
}

/** One person: where they may be (null = the whole summit) and what fixes their time. */
export interface PersonModel {
  id: string;
  delegation: string;
  presence: IntervalSet | null;
  /** Sorted by `from`. */
  engagements: Engagement[];
  /** Presence and engagements as text: two persons (or two compiles) with one signature share start masks. */
  signature: string;
}

/** One room: its venue index, seats, lending, and the minutes it is statically free. */
export interface RoomModel {
  id: string;
  venue: number;
  capacity: number;
  delegation: string | null;
  /** What the room offers (rule 6). */
  features: readonly string[];
  /** Availability minus fixed meetings (widened by the room turnover). */
  free: IntervalSet;
}

/** Where and when a request may go at one venue: grid starts that pass every static rule. */
export interface CandidateOption {
  /** Venue index, or the model's NONE for a pull-aside without a venue. */
  venue: number;
  /** Rooms at this venue that fit (empty for a pull-aside), best fit first. */
  rooms: Int32Array;
  /** The same rooms as a bitset over room indices (null for a pull-aside). */
  roomMask: Uint32Array | null;
  /** Grid indices, ascending. */
  starts: Int32Array;
}

/** A request compiled for planning. */
export interface RequestModel {
  index: number;
  id: string;
  source: Request;
  /** In state agreed, scheduled or confirmed. */
  placeable: boolean;
  weight: number;
  minutes: number;
  /** Grid steps the meeting covers: ceil(minutes / grain). */
  units: number;
  attendees: Int32Array;
  /** Attendee ids that name no known person. */
  unknownAttendees: string[];
  seats: number;
  /** Required venue index, or -1. */
  venue: number;
  parties: string[];
  pullAside: boolean;
  allowed: IntervalSet | null;
  preferred: IntervalSet;
  /** A confirmed or pinned meeting: start minute and room index (-1: none), never moved. */
  fixed: { start: number; room: number } | null;
  /**
   * An existing movable meeting: grid index (-1 when off the grid) and room index. `fits`: it still
   * satisfies every rule where it is, so moving or dropping it counts against `maxMoves` (set at the
   * end of compiling; see search/construct.ts markFitting).
   */
  existing: { g: number; room: number; start: number; fits: boolean } | null;
  /** A meeting kept where it is because it starts inside the freeze (planning.freezeHours). */
  frozen: boolean;
  /** Room features the meeting requires (rule 6; none for a pull-aside). */
  needs: readonly string[];
  /**
   * roomHold[g]: the grid step (exclusive) up to which the meeting, started at g, holds its room —
   * its own steps and the room turnover after it (rule 5; model/rules/room-turnover.ts).
   */
  roomHold: Int32Array;
  /** Key of the set of rooms that fit (for grouping in the bound). */
  roomKey: string;
  options: CandidateOption[];
}

/** The compiled summit. */
export interface Model {
  data: SummitData;
  tl: Timeline;
  venues: string[];
  /** Venue index meaning "no venue": only the buffer applies around it. */
  NONE: number;
  /** gap[a * (NONE + 1) + b]: minutes needed from the end of an engagement at a to the start of one at b. */
  gap: Int32Array;
  maxGap: number;
  persons: PersonModel[];
  personIndex: Map<string, number>;
  rooms: RoomModel[];
  roomIndex: Map<string, number>;
  /** Words of a room bitset. */
  RW: number;
  /** roomFreeUntil[k * G + g]: end minute of room k's static free interval at grid g's start, or -1e9. */
  roomFreeUntil: Int32Array;
  /** Every room's free time as text (masks over "some room free" depend on it). */
  roomState: string;
  /** Delegations some room is lent to. */
  lentTo: ReadonlySet<string>;
  /** Start masks of this model (shared with the next compile through a CompileCache). */
  candidates: CandidateCache;
  requests: RequestModel[];
  requestIndex: Map<string, number>;
  /** Placeable requests that are not fixed: the decision variables. */
  variables: Int32Array;
  /** Per person, the variables they attend. */
  personRequests: Int32Array[];
  /** Existing movable meetings (the base of the "moved" count). */
  existingCount: number;
  /** Existing movable meetings that still fit (search/construct.ts markFitting): the base of maxMoves. */
  fitting: number;
  /** Score scale for the preferred count and for the priority sum (lexicographic in one number). */
  K1: number;
  K2: number;
  /** Problems in the input that the plan has to carry (a fixed meeting in an unknown room). */
  warnings: string[];
  /** Minutes between two meetings in one room (rule 5). */
  turnover: number;
  /** Quotas (rule 7) and interpreters (rule 8); null where the summit sets none. */
  practice: { quotas: QuotaModel | null; interpreters: InterpreterModel | null };
  /** How existing meetings may move (summit-file.md rules 9 and 10), in model terms. */
  policy: ModelPolicy;
  /** The first grid start a new or moved meeting may take: the moment of planning (0 without one). */
  earliestG: number;
}

/** The move policy compiled: at most `maxMoves` counted moves (null: no limit), frozen until `freezeUntil`. */
export interface ModelPolicy {
  maxMoves: number | null;
  /** Model minute of the moment of planning, or null. */
  now: number | null;
  /** Existing meetings starting before this minute keep start and room, or null. */
  freezeUntil: number | null;
  /** The policy as given (after defaults), for the plan to report. */
  applied: AppliedPolicy;
}

/**
 * The lexicographic value of placing request r at minute t: priority, then preferred, then minus one
 * when an existing meeting moves (a dropped meeting is not "moved": its loss shows in the priority sum).
 */
export function placementValue(m: Model, r: RequestModel, t: number, kept: boolean): number {
  return r.weight * m.K2 + (startsPreferred(r, t) ? m.K1 : 0) - (r.existing !== null && !kept ? 1 : 0);
}

/** True when minute t lies in one of the request's preferred windows. */
export function startsPreferred(r: RequestModel, t: number): boolean {
  const p = r.preferred;
  for (let i = 0; i < p.length; i += 2) if (t >= p[i]! && t < p[i + 1]!) return true;
  return false;
}

/** Minutes needed between an engagement at venue a and a following one at venue b. */
export function gapBetween(m: Model, a: number, b: number): number {
  return m.gap[a * (m.NONE + 1) + b]!;
}
