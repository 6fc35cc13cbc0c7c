// A plan as one reader may see it. Plans are made in their planner's view (plan.ts planningInputFor),
// so a reader who sees as much gets the plan as it is; a plan made with more than the reader may see
// (an operator's, or one stored before plans were made in their planner's view) is cut down to what
// the reader may see, value by value: whole records and blockers are dropped or replaced, and the
// words of an explanation are written again from the blockers that are left.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { computeObjective, indexSummit } from '../../engine/check/index.js';
import { listedDetail, namesFor } from '../../engine/explain/explain.js';
import type { Names } from '../../engine/explain/describe.js';
import type { Blocker, Move, Plan, Unplaced } from '../../engine/result.js';
import { canSeeRequest } from '../access.js';
import { wholeWord } from '../whole-word.js';

/** The ids of the requests `actor` may not see (none for an operator). */
export function hiddenRequests(
  actor: Actor,
  data: { summit: Pick<SummitData['summit'], 'id'>; requests: SummitData['requests'] },
): Set<string> {
  if (actor.system) return new Set();
  return new Set(data.requests.filter((r) => !canSeeRequest(actor, data.summit.id, r)).map((r) => r.id));
}

/** True when the plan speaks of a request in `hidden`: it was made with more than its reader may see. */
export function speaksOf(plan: Plan, hidden: ReadonlySet<string>): boolean {
  return (
    plan.meetings.some((m) => hidden.has(m.request)) ||
    plan.unscheduled.some(
      (u) => hidden.has(u.request) || u.blockers.some((b) => namedRequests(b).some((r) => hidden.has(r))),
    ) ||
    plan.moved.some((r) => hidden.has(r)) ||
    plan.moves.some((m) => hidden.has(m.request) || (m.for !== undefined && hidden.has(m.for))) ||
    (plan.unexplained ?? []).some((r) => hidden.has(r))
  );
}

/** A move without the request it made room for. */
function withoutFor(m: Move): Move {
  const { for: _made, ...rest } = m;
  return rest;
}

/** The requests a blocker names by id. */
function namedRequests(b: Blocker): readonly string[] {
  switch (b.kind) {
    case 'meeting':
    case 'turnover':
      return [b.request];
    case 'interpreters':
      return b.meetings;
    default:
      return [];
  }
}

/**
 * One blocker as the reader may see it, or null when it would tell where or what a hidden
 * commitment is. A meeting the reader may not see is the attendee being busy then; a private
 * commitment never carries its label; the travel of a person who attends a hidden meeting could
 * name that meeting's venue by its distance, so it is left out; a room's turnover and a delegation's
 * busy interpreters stay, without naming the hidden meetings behind them.
 */
function blockerSeen(
  b: Blocker,
  hidden: ReadonlySet<string>,
  attendsHidden: ReadonlySet<string>,
): Blocker | null {
  switch (b.kind) {
    case 'meeting':
      return hidden.has(b.request)
        ? { kind: 'busy', person: b.person, label: null, from: b.from, to: b.to }
        : b;
    case 'busy':
      return b.label === null ? b : { ...b, label: null };
    case 'travel':
      return attendsHidden.has(b.person) ? null : b;
    case 'turnover':
      // The room and when it frees are the reader's to know; which meeting holds it is not.
      return hidden.has(b.request) ? { ...b, request: 'private' } : b;
    case 'interpreters':
      return b.meetings.some((r) => hidden.has(r))
        ? { ...b, meetings: b.meetings.filter((r) => !hidden.has(r)) }
        : b;
    default:
      return b;
  }
}

/** An explanation as the reader may see it; its words are written again when a blocker changed. */
function unplacedSeen(
  u: Unplaced,
  hidden: ReadonlySet<string>,
  attendsHidden: ReadonlySet<string>,
  words: Names,
): Unplaced {
  const blockers = u.blockers.flatMap((b) => blockerSeen(b, hidden, attendsHidden) ?? []);
  const same = blockers.length === u.blockers.length && blockers.every((b, i) => b === u.blockers[i]);
  if (same) return u;
  // A detail that lists the blockers is listed again from those left; one that does not (a free
  // slot the search did not reach) names none of them and stands.
  const listed = u.reason === 'no-slot' || u.reason === 'displaced' ? u.reason : null;
  const detail =
    listed && u.detail === listedDetail(listed, u.blockers, words)
      ? listedDetail(listed, blockers, words)
      : u.detail;
  return { ...u, detail, blockers };
}

/**
 * The plan as `actor` may see it. A plan that speaks of nothing hidden from the reader is shown as
 * it is. Otherwise it keeps the reader's requests only, its explanations lose what would tell of
 * the others, its warnings that name them go, and its objective is recomputed over what is left
 * (its bound, proven over requests the reader may not know of, is withheld).
 */
export function planSeenBy(actor: Actor, data: SummitData, plan: Plan): Plan {
  const hidden = hiddenRequests(actor, data);
  if (!speaksOf(plan, hidden)) return plan;
  const attendsHidden = new Set(data.requests.filter((r) => hidden.has(r.id)).flatMap((r) => r.attendees));
  const words = namesFor(data.venues, data.summit.timezone);
  const meetings = plan.meetings.filter((m) => !hidden.has(m.request));
  const seen = {
    ...data,
    requests: data.requests.filter((r) => !hidden.has(r.id)),
    meetings: data.meetings.filter((m) => !hidden.has(m.request)),
  };
  const warnings = plan.warnings?.filter((w) => ![...hidden].some((id) => wholeWord(id).test(w)));
  return {
    ...plan,
    objective: computeObjective(indexSummit(seen), meetings),
    bound: null,
    meetings,
    unscheduled: plan.unscheduled
      .filter((u) => !hidden.has(u.request))
      .map((u) => unplacedSeen(u, hidden, attendsHidden, words)),
    moved: plan.moved.filter((r) => !hidden.has(r)),
    // a hidden meeting's move is not the reader's to know, nor that a move made room for one
    moves: plan.moves
      .filter((m) => !hidden.has(m.request))
      .map((m) => (m.for !== undefined && hidden.has(m.for) ? withoutFor(m) : m)),
    ...(plan.unexplained ? { unexplained: plan.unexplained.filter((r) => !hidden.has(r)) } : {}),
    ...(warnings ? { warnings } : {}),
  };
}
