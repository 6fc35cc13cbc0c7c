// The objective of summit-file.md ("What it optimises"), recomputed from the placements alone.
import type { Objective, Placement } from '../result.js';
import type { SummitIndex } from './summit-index.js';
import { ms } from './summit-index.js';

/**
 * weight: the sum of priority over placed requests (each counted once);
 * preferred: placed requests whose start lies inside one of their preferred windows;
 * moved: existing unpinned meetings (data.meetings) whose request is still placed at another start
 * or room. An existing meeting left off the plan is not counted as moved: its loss already shows in
 * weight, which ranks first.
 */
export function computeObjective(index: SummitIndex, placements: readonly Placement[]): Objective {
  const first = new Map<string, Placement>();
  for (const p of placements) if (!first.has(p.request)) first.set(p.request, p);
  let weight = 0;
  let preferred = 0;
  for (const [id, p] of first) {
    const request = index.requests.get(id);
    if (!request) continue;
    weight += request.priority;
    const start = ms(p.start);
    if (request.preferred.some((w) => ms(w.from) <= start && start < ms(w.to))) preferred += 1;
  }
  let moved = 0;
  for (const m of index.data.meetings) {
    const p = first.get(m.request);
    if (m.pinned || !p || !index.requests.has(m.request)) continue;
    if (ms(p.start) !== ms(m.start) || p.room !== m.room) moved += 1;
  }
  return { weight, preferred, moved };
}

/** Positive when `a` is better than `b` (more weight, then more preferred, then fewer moved), 0 when equal. */
export function compareObjectives(a: Objective, b: Objective): number {
  return a.weight - b.weight || a.preferred - b.preferred || b.moved - a.moved;
}

/** `weight 212, preferred 31, moved 0`. */
export function formatObjective(o: Objective): string {
  return `weight ${o.weight}, preferred ${o.preferred}, moved ${o.moved}`;
}
