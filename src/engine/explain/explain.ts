// Explanations for every request a plan leaves out: its state, or the blockers that rule out each slot.
import type { Model } from '../model/model.js';
import type { ScheduleState } from '../search/state.js';
import type { Unplaced } from '../result.js';
import type { RequestId } from '../../domain/ids.js';
import { ConstraintExplainer } from './constraints.js';
import { describeBlocker, localTime, type Names } from './describe.js';
import { stateReason } from './state-reason.js';
import { instantOfMinute } from '../model/timeline.js';

const MAX_PHRASES = 6;

/** Venue names and the zone of a model, for the phrases of explanations. */
export function namesOf(m: Model): Names {
  const venueName = new Map(m.data.venues.map((v) => [v.id as string, v.name]));
  return { zone: m.tl.zone, venue: (id) => (id === null ? 'no venue' : (venueName.get(id) ?? id)) };
}

/** One Unplaced entry for each request not on the plan (fixed meetings are always on it). */
export function explainUnplaced(m: Model, state: ScheduleState): Unplaced[] {
  const out: Unplaced[] = [];
  const names = namesOf(m);
  let explainer: ConstraintExplainer | null = null;
  for (const req of m.requests) {
    if (req.fixed !== null) continue;
    if (!req.placeable) {
      const s = stateReason(m.data, req.source)!;
      out.push({ request: req.id as RequestId, reason: s.reason, detail: s.detail, blockers: [] });
      continue;
    }
    if (state.start[req.index]! >= 0) continue;
    explainer ??= new ConstraintExplainer(m, state);
    const e = explainer.explain(req.index);
    const phrases = e.blockers.map((b) => describeBlocker(b, names));
    const shown = phrases.slice(0, MAX_PHRASES).join('; ');
    const more = phrases.length > MAX_PHRASES ? `; and ${phrases.length - MAX_PHRASES} more` : '';
    let detail: string;
    if (e.freeAt !== null) {
      detail = `A slot at ${localTime(instantOfMinute(m.tl, e.freeAt), m.tl.zone)} is free; the search ended before placing it.`;
    } else if (e.reason === 'displaced') {
      detail = `Every possible slot is taken: ${shown}${more}.`;
    } else {
      detail = `No slot satisfies the rules: ${shown}${more}.`;
    }
    out.push({ request: req.id as RequestId, reason: e.reason, detail, blockers: e.blockers });
  }
  return out;
}
