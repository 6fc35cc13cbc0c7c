// What planning produces: the plan in instants, and the result file of summit-file.md in local times.
import type { RequestId, RoomId, SummitId } from '../domain/ids.js';
import type { Instant } from '../domain/time.js';

/** The lexicographic objective: priority sum, then preferred starts, then (fewest) moved meetings. */
export interface Objective {
  weight: number;
  preferred: number;
  moved: number;
}

/** One placed request. `room` is null for a pull-aside. */
export interface Placement {
  request: RequestId;
  start: Instant;
  end: Instant;
  room: RoomId | null;
}

/**
 * Why a request is not on the plan. A state reason (the request is not agreed yet) or a
 * constraint reason (no slot satisfies the hard rules, or the search ran out of time).
 */
export type UnplacedReason =
  | 'draft'
  | 'requested'
  | 'under-consideration'
  | 'conditions-pending'
  | 'declined'
  | 'withdrawn'
  | 'downgraded'
  | 'lapsed'
  | 'held'
  | 'no-slot'
  | 'displaced';

/** Something that occupies a person, a room or the clock at the times a request could take. */
export type Blocker =
  | { kind: 'programme'; person: string; event: string; title: string; from: Instant; to: Instant }
  | { kind: 'busy'; person: string; label: string | null; from: Instant; to: Instant }
  | { kind: 'presence'; person: string; arrives: Instant | null; departs: Instant | null }
  | { kind: 'meeting'; person: string; request: string; from: Instant; to: Instant }
  | {
      kind: 'rooms';
      venue: string | null;
      reason: 'taken' | 'too-small' | 'unavailable' | 'lent';
      from?: Instant;
      to?: Instant;
      /** For too-small: the seats needed and the largest room there. */
      seats?: number;
      largest?: number;
    }
  | { kind: 'travel'; person: string; fromVenue: string; toVenue: string; minutes: number }
  | { kind: 'window'; detail: string }
  /** Rule 7: a delegation's meetings (or minutes) on a day, or over the summit, are at the quota's limit. */
  | {
      kind: 'quota';
      delegation: string;
      per: 'day' | 'summit';
      /** The calendar day (YYYY-MM-DD) of a quota per day. */
      day: string | null;
      measure: 'meetings' | 'minutes';
      used: number;
      limit: number;
      /** Only the meetings the delegation requested count. */
      requester: boolean;
    }
  /** Rule 8: every interpreter of a delegation is needed by other meetings then. */
  | {
      kind: 'interpreters';
      delegation: string;
      interpreters: number;
      from: Instant;
      to: Instant;
      /** The meetings that need them then. */
      meetings: string[];
    }
  /** Rule 6: no room with every feature the request needs (at all, or free at those times). */
  | { kind: 'features'; venue: string | null; needs: string[]; from?: Instant; to?: Instant }
  /**
   * Rule 5: a room would be free but for the turnover next to another meeting: it frees at `frees`
   * (after one), or must be free by `needed` (before one).
   */
  | {
      kind: 'turnover';
      room: string;
      minutes: number;
      request: string;
      frees?: Instant;
      needed?: Instant;
    };

export interface Unplaced {
  request: RequestId;
  reason: UnplacedReason;
  /** One or two sentences a protocol officer can act on, naming persons, events and times. */
  detail: string;
  blockers: Blocker[];
}

/** Where a meeting is (or was): start, end and room (null for a pull-aside). */
export interface Slot {
  start: Instant;
  end: Instant;
  room: RoomId | null;
}

/**
 * An existing movable meeting the plan puts elsewhere (`to`) or leaves off (`to: null`). `for` names
 * the request whose meeting now takes its old place (its room, or an attendee's time), where there is
 * one: the request it made room for. `fits` is false for a meeting that broke a rule where it was (its
 * person left, its room closed): such a move is a repair and does not count against maxMoves.
 */
export interface Move {
  request: RequestId;
  from: Slot;
  to: Slot | null;
  for?: RequestId;
  fits: boolean;
}

/** The move policy a plan was made under (summit-file.md rules 9 and 10); null: not applied. */
export interface AppliedPolicy {
  maxMoves: number | null;
  now: Instant | null;
  freezeHours: number | null;
}

/** The engine's answer, in instants. */
export interface Plan {
  summit: SummitId;
  objective: Objective;
  /** A proven upper bound on objective.weight, or null when none was computed. */
  bound: number | null;
  meetings: Placement[];
  unscheduled: Unplaced[];
  /** Existing unpinned meetings whose start or room changed. */
  moved: RequestId[];
  /** Each existing movable meeting moved or left off, with the request it made room for. */
  moves: Move[];
  /** The move policy in force. */
  policy: AppliedPolicy;
  stats: { millis: number; seed: number; iterations?: number; phases?: Record<string, number> };
  /** Problems in the input the plan had to keep (e.g. a pinned meeting in an unknown room). */
  warnings?: string[];
  /**
   * What is still being computed: the plan answers first (meetings, moves, objective), then gets
   * its bound and the explanations of the requests left off for want of a slot. Absent: complete.
   */
  pending?: PlanPart[];
  /** While explanations are pending: the requests left off for want of a slot, to be explained. */
  unexplained?: RequestId[];
}

/** A part of a plan that may come after the answer. */
export type PlanPart = 'bound' | 'explanations';

/** The result file of summit-file.md ("The result"): local wall-clock times in the summit zone. */
export interface ResultFile {
  summit: string;
  objective: Objective;
  bound?: number;
  meetings: { request: string; start: string; end: string; room?: string | null }[];
  unscheduled: { request: string; reason: string; detail: string }[];
  /** Existing meetings moved or left off (local times), with the request each made room for. */
  moves?: {
    request: string;
    from: { start: string; end: string; room: string | null };
    to: { start: string; end: string; room: string | null } | null;
    for?: string;
    fits: boolean;
  }[];
  /** The move policy the plan was made under (local time), when there was one. */
  policy?: { maxMoves: number | null; now: string | null; freezeHours: number | null };
  stats?: { millis?: number; seed?: number; [key: string]: unknown };
}
