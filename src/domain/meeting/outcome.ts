// What became of a meeting once its time came: held, held late, a no-show, or cancelled late. The
// outcome is written on the meeting; the request follows (held, or not-held), through the life cycle.
import type { DelegationId } from '../ids.js';
import { partiesOf } from '../request/agreement.js';
import type { ActorContext } from '../request/acting.js';
import type { Condition, Request } from '../request/schema.js';
import { applyTransition } from '../request/transition.js';
import type { Instant } from '../time.js';
import type { Meeting, MeetingOutcome, OutcomeKind } from './schema.js';

/** An outcome as a user states it. */
export interface OutcomeInput {
  kind: OutcomeKind;
  lateMinutes?: number | null;
  by?: readonly string[];
  note?: string | null;
}

/** One thing wrong with a stated outcome: where, and what was expected. */
export interface OutcomeIssue {
  path: string;
  message: string;
}

/** True when the meeting took place (held, on time or late). */
export function tookPlace(kind: OutcomeKind): boolean {
  return kind === 'held' || kind === 'held-late';
}

/**
 * What is wrong with a stated outcome of `request`'s meeting: late minutes only for held-late (and
 * required there), `by` naming parties of the request, at least one for a no-show or a late
 * cancellation and none for a meeting held on time.
 */
export function outcomeIssues(request: Pick<Request, 'from' | 'to'>, input: OutcomeInput): OutcomeIssue[] {
  const out: OutcomeIssue[] = [];
  const parties = partiesOf(request);
  const by = input.by ?? [];
  const late = input.lateMinutes ?? null;
  if (input.kind === 'held-late' && late === null) {
    out.push({ path: 'lateMinutes', message: 'a meeting held late says how many minutes late it began' });
  }
  if (input.kind !== 'held-late' && late !== null) {
    out.push({
      path: 'lateMinutes',
      message: `only a meeting held late has late minutes, not ${input.kind}`,
    });
  }
  by.forEach((d, i) => {
    if (!parties.includes(d as DelegationId)) {
      out.push({ path: `by[${i}]`, message: `${d} is not a party of this request (${parties.join(', ')})` });
    } else if (by.indexOf(d) !== i) {
      out.push({ path: `by[${i}]`, message: `${d} is already listed` });
    }
  });
  if ((input.kind === 'no-show' || input.kind === 'cancelled-late') && by.length === 0) {
    const who = input.kind === 'no-show' ? 'which parties did not come' : 'which party cancelled';
    out.push({ path: 'by', message: `a ${input.kind} names ${who}` });
  }
  if (input.kind === 'held' && by.length > 0) {
    out.push({ path: 'by', message: 'a meeting held on time names no one; record it as held-late instead' });
  }
  return out;
}

/**
 * Records what happened at the meeting (or corrects an earlier record): the request takes `hold`
 * (held) or `miss` (not-held) through the life cycle, whose table says who may and when (after the
 * meeting's start). Returns the new request and meeting; the inputs are not changed. The caller has
 * checked the input with outcomeIssues.
 */
export function recordOutcome(
  request: Request,
  meeting: Meeting,
  conditions: readonly Condition[],
  input: OutcomeInput,
  ctx: ActorContext,
  now: Instant,
): { request: Request; meeting: Meeting } {
  const name = tookPlace(input.kind) ? 'hold' : 'miss';
  const next = applyTransition(request, conditions, { name, meeting }, ctx, now);
  const outcome: MeetingOutcome = {
    kind: input.kind,
    lateMinutes: input.lateMinutes ?? null,
    by: [...(input.by ?? [])] as DelegationId[],
    note: input.note ?? null,
    recorded: { by: ctx.actor.user, at: now },
  };
  return { request: next, meeting: { ...meeting, outcome } };
}
