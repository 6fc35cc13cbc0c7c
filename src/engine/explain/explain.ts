// Explanations for every request a plan leaves out: its state, or the blockers that rule out each slot.
import type { Model } from '../model/model.js';
import type { ScheduleState } from '../search/state.js';
import type { Blocker, Unplaced } from '../result.js';
import type { RequestId } from '../../domain/ids.js';
import { ConstraintExplainer } from './constraints.js';
import { describeBlocker, localTime, type Names } from './describe.js';
import { stateReason } from './state-reason.js';
import { instantOfMinute } from '../model/timeline.js';

const MAX_PHRASES = 6;

/** Venue names and the zone of a model, for the phrases of explanations. */
export function namesOf(m: Model): Names {
  return namesFor(m.data.venues, m.tl.zone);
}

/** Venue names and a zone, for the phrases of explanations. */
export function namesFor(venues: readonly { id: string; name: string }[], zone: string): Names {
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  return { zone, venue: (id) => (id === null ? 'no venue' : (venueName.get(id) ?? id)) };
}

/**
 * The detail of a request no slot could take, listing its blockers in words (the first few, then
 * how many more). The same words for the same blockers, so a reader's copy can be rebuilt from
 * blockers it may see.
 */
export function listedDetail(
  reason: 'no-slot' | 'displaced',
  blockers: readonly Blocker[],
  names: Names,
): string {
  const phrases = blockers.map((b) => describeBlocker(b, names));
  const shown = phrases.slice(0, MAX_PHRASES).join('; ');
  const more = phrases.length > MAX_PHRASES ? `; and ${phrases.length - MAX_PHRASES} more` : '';
  return reason === 'displaced'
    ? `Every possible slot is taken: ${shown}${more}.`
    : `No slot satisfies the rules: ${shown}${more}.`;
}

/** One Unplaced entry for each request not on the plan (fixed meetings are always on it). */
export function explainUnplaced(m: Model, state: ScheduleState): Unplaced[] {
  return [...stateReasons(m), ...explainConstraints(m, state)].sort(
    (a, b) => m.requestIndex.get(a.request)! - m.requestIndex.get(b.request)!,
  );
}

/** The requests left off for their state (not agreed yet, declined…), with the state's reason. */
export function stateReasons(m: Model): Unplaced[] {
  const out: Unplaced[] = [];
  for (const req of m.requests) {
    if (req.fixed !== null || req.placeable) continue;
    const s = stateReason(m.data, req.source)!;
    out.push({ request: req.id as RequestId, reason: s.reason, detail: s.detail, blockers: [] });
  }
  return out;
}

/** The placeable requests the plan leaves off (for want of a slot): explained by explainConstraints. */
export function unexplainedOf(m: Model, state: ScheduleState): RequestId[] {
  return m.requests
    .filter((req) => req.fixed === null && req.placeable && state.start[req.index]! < 0)
    .map((req) => req.id as RequestId);
}

/** Why each placeable request the plan leaves off has no slot: the blockers of its every start. */
export function explainConstraints(m: Model, state: ScheduleState): Unplaced[] {
  const out: Unplaced[] = [];
  const names = namesOf(m);
  let explainer: ConstraintExplainer | null = null;
  for (const req of m.requests) {
    if (req.fixed !== null || !req.placeable || state.start[req.index]! >= 0) continue;
    explainer ??= new ConstraintExplainer(m, state);
    const e = explainer.explain(req.index);
    const detail =
      e.freeAt !== null
        ? `A slot at ${localTime(instantOfMinute(m.tl, e.freeAt), m.tl.zone)} is free; the search ended before placing it.`
        : listedDetail(e.reason === 'displaced' ? 'displaced' : 'no-slot', e.blockers, names);
    out.push({ request: req.id as RequestId, reason: e.reason, detail, blockers: e.blockers });
  }
  return out;
}
