// How the scheduler may treat the meetings already on the calendar (summit-file.md, version 2,
// rules 9 and 10): how many that still fit may move, and which are frozen by the moment of planning.
import type { Instant } from '../domain/time.js';
import type { AppliedPolicy } from './result.js';
import type { SummitData } from '../domain/summit/data.js';

/** The move policy of one planning run; every field optional (omitted: the rule does not apply). */
export interface MovePolicy {
  /** At most this many existing unpinned meetings that still fit may move or be left off; null: no limit. */
  maxMoves?: number | null;
  /** The moment of planning: no new or moved meeting starts before it; the freeze starts here. */
  now?: Instant | null;
  /** Existing meetings starting before now + freezeHours keep their start and room (needs `now`). */
  freezeHours?: number | null;
}

/** The policy in force: `override` (command-line flags, a job's settings) wins key by key over `base` (the file's). */
export function mergePolicy(base: MovePolicy | null | undefined, override: MovePolicy = {}): AppliedPolicy {
  const pick = <K extends keyof MovePolicy>(k: K): NonNullable<MovePolicy[K]> | null =>
    (override[k] !== undefined ? override[k] : base?.[k]) ?? null;
  return { maxMoves: pick('maxMoves'), now: pick('now'), freezeHours: pick('freezeHours') };
}

/** No limit on moves and no freeze: what a plan made without a policy reports. */
export const NO_POLICY: AppliedPolicy = { maxMoves: null, now: null, freezeHours: null };

/**
 * The summit's own move policy (its file's `planning` keys). A `now` of null there means "when the
 * plan is made": the caller supplies that moment (the engine reads no clock), or none applies.
 */
export function summitPolicy(data: SummitData): MovePolicy | null {
  return data.summit.planning ?? null;
}
