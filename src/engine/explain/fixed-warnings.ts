// Confirmed and pinned meetings stay where they are even when a later change breaks a rule for them
// (a new busy block, a shorter stay). The plan keeps them and says what they now clash with.
import type { Model } from '../model/model.js';
import { gapBetween } from '../model/model.js';
import { containsSpan } from '../model/intervals.js';
import { instantOfMinute } from '../model/timeline.js';
import { localRange } from './describe.js';

/** One sentence per fixed meeting and rule it breaks. */
export function fixedMeetingWarnings(m: Model): string[] {
  const out: string[] = [];
  const zone = m.tl.zone;
  const range = (a: number, b: number) =>
    localRange(instantOfMinute(m.tl, a), instantOfMinute(m.tl, b), zone);
  for (const r of m.requests) {
    if (!r.fixed) continue;
    const t = r.fixed.start;
    const e = t + r.minutes;
    const why = r.source.status === 'confirmed' ? 'confirmed' : 'pinned';
    const what = `${why} meeting ${r.id} (${range(t, e)})`;
    const venue = r.fixed.room >= 0 ? m.rooms[r.fixed.room]!.venue : r.venue >= 0 ? r.venue : m.NONE;
    for (const p of r.attendees) {
      const person = m.persons[p]!;
      if (person.presence && !containsSpan(person.presence, t, e))
        out.push(`${what}: ${person.id} is not present then`);
      for (const x of person.engagements) {
        if (x.kind === 'meeting' && x.ref === r.id) continue;
        // Each pair once: for two fixed meetings, report from the earlier-listed one.
        if (x.kind === 'meeting' && (m.requestIndex.get(x.ref) ?? -1) < r.index) continue;
        if (e + gapBetween(m, venue, x.venue) > x.from && x.to + gapBetween(m, x.venue, venue) > t) {
          const kind = x.kind === 'programme' ? '' : x.kind === 'busy' ? 'busy ' : 'meeting ';
          out.push(`${what} clashes for ${person.id} with ${kind}${x.label} (${range(x.from, x.to)})`);
        }
      }
    }
  }
  return out;
}
