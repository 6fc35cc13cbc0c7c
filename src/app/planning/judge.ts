// Whether a plan may be written over the calendar as it is now: the rules it breaks that are its own
// doing refuse it, naming each meeting and rule, and say whether planning again can succeed; the rules
// meetings it keeps as they are broke already (a confirmed meeting a later change made impossible) are
// not its doing: refusing it for them would refuse every plan, for ever.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { checkPlan } from '../../engine/check/check-plan.js';
import type { Violation } from '../../engine/check/violation.js';
import type { MovePolicy } from '../../engine/policy.js';
import type { Plan } from '../../engine/result.js';
import { canSeeRequest } from '../access.js';
import { ConflictError, type Conflict } from '../errors.js';
import { redactViolations } from '../meetings/check.js';
import { meetingsInForce, standingViolations, violationKey } from '../meetings/standing.js';
import type { Instant } from '../../domain/time.js';
import { noticePeriodBroken } from './frozen.js';

/** What checking a plan against the calendar found. */
export interface PlanJudgement {
  /** Rules the plan itself would break: it may not be written. */
  blocking: Violation[];
  /** Every rule broken once it is written, by request (those it keeps broken included). */
  after: Map<string, Violation[]>;
}

/** The requests whose stored meeting the plan keeps exactly where it is. */
function unchangedBy(data: SummitData, plan: Plan): Set<string> {
  const planned = new Map(plan.meetings.map((p) => [p.request as string, p]));
  return new Set(
    data.meetings
      .filter((m) => {
        const p = planned.get(m.request);
        return p !== undefined && p.start === m.start && p.room === m.room;
      })
      .map((m) => m.request),
  );
}

/**
 * Judges `plan` (the placements to write, kept hidden meetings included) against `data`. A rule is
 * not the plan's doing when every meeting it names is one the plan keeps as it is and it was broken
 * before; nor when every meeting it names is one kept without being seen (`kept`: the writer or the
 * planner may not see it, so the plan could not move it). Moving or leaving off a meeting inside the
 * notice period at `now` is the plan's doing. `policy` is the move policy the plan was made under
 * (its moment of planning, its move limit): it is judged by the rules it was asked to keep.
 */
export function judgePlan(
  data: SummitData,
  plan: Plan,
  kept: ReadonlySet<string>,
  now: Instant,
  policy?: MovePolicy,
): PlanJudgement {
  const violations = [
    ...checkPlan(data, plan.meetings, policy).violations,
    ...noticePeriodBroken(data, plan, now),
  ];
  const before = new Set(
    standingViolations(
      data,
      meetingsInForce(data).map((m) => m.meeting),
    ).map(violationKey),
  );
  const unchanged = unchangedBy(data, plan);
  const notItsDoing = (v: Violation) =>
    v.requests.length > 0 &&
    (v.requests.every((r) => kept.has(r)) ||
      (before.has(violationKey(v)) && v.requests.every((r) => unchanged.has(r))));
  const after = new Map<string, Violation[]>();
  for (const v of violations) {
    for (const r of new Set(v.requests)) after.set(r, [...(after.get(r) ?? []), v]);
  }
  return { blocking: violations.filter((v) => !notItsDoing(v)), after };
}

/**
 * The refusal of a plan that breaks rules of its own, naming each meeting and rule as `actor` may see
 * them. Planning again can succeed when each rule names a meeting the plan placed or moved: a new
 * plan, made from the summit as it is now, places those around what changed.
 */
export function planRefusal(
  actor: Actor,
  data: SummitData,
  plan: Plan,
  blocking: Violation[],
): ConflictError {
  const unchanged = unchangedBy(data, plan);
  const planAgain = blocking.every((v) => v.requests.some((r) => !unchanged.has(r)));
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const seen = (id: string) => {
    const r = requests.get(id);
    return r !== undefined && canSeeRequest(actor, data.summit.id, r);
  };
  const redacted = redactViolations(actor, data, blocking);
  const conflicts: Conflict[] = redacted.map((v, i) => ({
    request: blocking[i]!.requests.find(seen) ?? 'private',
    rule: v.rule,
    message: v.message,
  }));
  const what = planAgain
    ? 'the summit changed since it was made: plan again, and the new plan goes around what changed'
    : 'it keeps meetings that break these rules where they are: move or release them by hand';
  return new ConflictError(
    `this plan cannot be accepted (${blocking.length} conflict${blocking.length === 1 ? '' : 's'}: ` +
      `${redacted.map((v) => v.message).join('; ')}); ${what}`,
    'plan-stale',
    { conflicts, planAgain },
  );
}
