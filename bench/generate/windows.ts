// Hard, soft and meal windows for generated requests, drawn where the parties are present.
import type { SummitBuilder } from './builder.js';
import { DAY, type Span } from './clock.js';

/** Request priorities 1..5 as `[priority, weight]`: most requests in the middle. */
export const PRIORITY_MIX: [number, number][] = [
  [1, 10],
  [2, 22],
  [3, 34],
  [4, 24],
  [5, 10],
];

/** Where all attendees are present at once (the summit as a whole when they never meet). */
export function presenceOverlap(b: SummitBuilder, attendees: string[]): Span {
  let from = b.whole.from;
  let to = b.whole.to;
  for (const a of attendees) {
    const p = b.persons.get(a);
    if (!p) continue;
    from = Math.max(from, p.presence.from);
    to = Math.min(to, p.presence.to);
  }
  return from < to ? { from, to } : b.whole;
}

function daysOf(b: SummitBuilder, span: Span): number[] {
  const out: number[] = [];
  for (let d = 0; d < b.frame.days; d++) {
    const w = b.dayWindow(d);
    if (w.from < span.to && span.from < w.to) out.push(d);
  }
  return out.length > 0 ? out : [0];
}

/** A hard window: one or two whole days, or one half-day, mostly where the parties are. */
export function hardWindow(b: SummitBuilder, overlap: Span): { from: string; to: string } {
  const { rng } = b;
  const days = daysOf(b, overlap);
  const d = rng.pick(days);
  if (rng.chance(0.4)) return halfDay(b, { from: d * DAY, to: (d + 1) * DAY });
  const last = Math.min(b.frame.days - 1, d + rng.int(0, 1));
  return b.clock.window(b.dayWindow(d).from, b.dayWindow(last).to);
}

/** A morning or an afternoon of a day the parties are present. */
export function halfDay(b: SummitBuilder, overlap: Span): { from: string; to: string } {
  const { rng } = b;
  const d = rng.pick(daysOf(b, overlap));
  const w = b.dayWindow(d);
  const noon = d * DAY + 13 * 60;
  return rng.chance(0.5) ? b.clock.window(w.from, noon) : b.clock.window(noon, w.to);
}

/** Lunch (11:30–14:30) or dinner (18:30–22:00, cut to the day window) on a day the parties share. */
export function mealWindow(b: SummitBuilder, overlap: Span): { from: string; to: string } {
  const { rng } = b;
  const d = rng.pick(daysOf(b, overlap));
  const w = b.dayWindow(d);
  if (rng.chance(0.6) || w.to < d * DAY + 20 * 60) return b.clock.window(d * DAY + 690, d * DAY + 870);
  return b.clock.window(d * DAY + 1110, Math.min(w.to, d * DAY + 1320));
}
