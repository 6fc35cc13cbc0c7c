// Checks one meeting against every hard rule, in the plan made of all the summit's meetings.
import type { SummitData } from '../../domain/summit/data.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { checkPlan } from '../../engine/check/check-plan.js';
import type { Violation } from '../../engine/check/violation.js';
import type { Placement } from '../../engine/result.js';
import { ConflictError } from '../errors.js';

/** Rules a manual placement is not judged by: the state is being set now, and fixed meetings are the host's call. */
const NOT_FOR_MANUAL: ReadonlySet<string> = new Set(['placeable-state', 'fixed-meetings-kept']);

/** The violations the placement of `candidate` would cause among the summit's meetings. */
export function violationsOf(data: SummitData, candidate: Placement): Violation[] {
  const others: Placement[] = data.meetings
    .filter((m) => m.request !== candidate.request)
    .map((m: Meeting) => ({ request: m.request, start: m.start, end: m.end, room: m.room }));
  const { violations } = checkPlan(data, [...others, candidate]);
  return violations.filter((v) => v.requests.includes(candidate.request) && !NOT_FOR_MANUAL.has(v.rule));
}

/** Refuses a placement that breaks a hard rule, naming every conflict (as `present` words them). */
export function requireFeasible(
  data: SummitData,
  candidate: Placement,
  present: (violations: Violation[]) => Violation[] = (violations) => violations,
): void {
  const violations = present(violationsOf(data, candidate));
  if (violations.length === 0) return;
  throw new ConflictError(
    `${candidate.request} cannot go there: ${violations.map((v) => v.message).join('; ')}`,
    'placement-conflict',
  );
}
