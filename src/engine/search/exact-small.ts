// Exact search for small summits: every combination of slots (or none) per request, depth first with
// a value bound. The heuristic search can miss a trade between secondary goals (a preferred start
// that needs an existing meeting to move); with a handful of requests we can simply look at all.
import { placementValue, startsPreferred } from '../model/model.js';
import type { ScheduleState } from './state.js';

/** Requests beyond which the exact search is not tried. */
export const EXACT_MAX_REQUESTS = 8;

interface Choice {
  g: number;
  venue: number;
  room: number;
  value: number;
}

/**
 * Replaces the plan in `state` by an optimal one when the summit has at most EXACT_MAX_REQUESTS
 * requests to place and the search finishes within `nodeBudget` nodes; otherwise leaves it as it was.
 * Returns true when the plan is proven optimal.
 */
export function solveSmallExactly(state: ScheduleState, nodeBudget = 300_000): boolean {
  const m = state.m;
  const vars = [...m.variables].filter((r) => m.requests[r]!.options.length > 0);
  if (vars.length === 0) return true;
  if (vars.length > EXACT_MAX_REQUESTS) return false;
  const start = state.snapshot();
  const startTotal = state.total;
  for (const r of vars) state.remove(r);
  // Most constrained first; each request's best conceivable value bounds what the rest can add.
  const slots = (r: number) =>
    m.requests[r]!.options.reduce((n, o) => n + o.starts.length * Math.max(1, o.rooms.length), 0);
  vars.sort((a, b) => slots(a) - slots(b));
  const ceiling = vars.map((r) => {
    const req = m.requests[r]!;
    const pref = req.options.some((o) =>
      Array.from(o.starts).some((g) => startsPreferred(req, m.tl.gridMin[g]!)),
    );
    return req.weight * m.K2 + (pref ? m.K1 : 0);
  });
  const rest = new Float64Array(vars.length + 1);
  for (let i = vars.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + ceiling[i]!;
  let best = -Infinity;
  let bestSnap = state.snapshot();
  let nodes = 0;
  let exhausted = false;
  const walk = (i: number, value: number): void => {
    if (exhausted) return;
    if (++nodes > nodeBudget) {
      exhausted = true;
      return;
    }
    if (value + rest[i]! <= best) return;
    if (i === vars.length) {
      if (state.overBudget()) return;
      best = value;
      bestSnap = state.snapshot();
      return;
    }
    const r = vars[i]!;
    for (const c of choices(state, r)) {
      state.place(r, c.g, c.venue, c.room);
      walk(i + 1, value + state.value[r]!);
      state.remove(r);
      if (exhausted) return;
    }
    walk(i + 1, value);
  };
  walk(0, 0);
  if (exhausted || best < startTotal) {
    state.restore(start);
    return false;
  }
  state.restore(bestSnap);
  return true;
}

/** Every slot where request r fits now (each free room separately), best value first. */
function choices(state: ScheduleState, r: number): Choice[] {
  const m = state.m;
  const req = m.requests[r]!;
  const out: Choice[] = [];
  for (const o of req.options) {
    for (const g of o.starts) {
      if (!state.personsFree(req, g, o.venue) || !state.rulesFree(req, g)) continue;
      const t = m.tl.gridMin[g]!;
      if (o.rooms.length === 0) {
        out.push({
          g,
          venue: o.venue,
          room: -1,
          value: placementValue(m, req, t, req.existing?.g === g && req.existing.room === -1),
        });
        continue;
      }
      for (const k of o.rooms) {
        if (!state.roomFits(k, req, g)) continue;
        const kept = req.existing !== null && req.existing.g === g && req.existing.room === k;
        out.push({ g, venue: o.venue, room: k, value: placementValue(m, req, t, kept) });
      }
    }
  }
  return out.sort((a, b) => b.value - a.value || a.g - b.g);
}
