// Fixed meetings (confirmed, pinned, frozen) stay where they are even when summit practice says
// otherwise: a room without a feature they need, less than the turnover between two of them, a quota
// they alone exceed, more of them needing a delegation's interpreters than it brings. The plan keeps
// them and says so.
import type { Model } from '../model/model.js';
import { NO_LIMIT } from '../model/rules/quotas.js';
import { instantOfMinute } from '../model/timeline.js';
import { localRange } from './describe.js';

/** One sentence per practice rule the fixed meetings break. */
export function fixedPracticeWarnings(m: Model): string[] {
  const out: string[] = [];
  const range = (a: number, b: number) =>
    localRange(instantOfMinute(m.tl, a), instantOfMinute(m.tl, b), m.tl.zone);
  const fixed = m.requests.filter((r) => r.fixed !== null);
  const what = (r: (typeof fixed)[number]) =>
    `${r.source.status === 'confirmed' ? 'confirmed' : 'pinned'} meeting ${r.id} (${range(r.fixed!.start, r.fixed!.start + r.minutes)})`;
  for (const r of fixed) {
    const k = r.fixed!.room;
    if (k < 0) continue;
    const missing = r.needs.filter((n) => !m.rooms[k]!.features.includes(n));
    if (missing.length > 0) out.push(`${what(r)}: ${m.rooms[k]!.id} lacks ${missing.join(', ')}`);
  }
  if (m.turnover > 0) {
    fixed.forEach((a, i) => {
      for (const b of fixed.slice(i + 1)) {
        if (a.fixed!.room < 0 || a.fixed!.room !== b.fixed!.room) continue;
        const [first, second] = a.fixed!.start <= b.fixed!.start ? [a, b] : [b, a];
        const gap = second.fixed!.start - (first.fixed!.start + first.minutes);
        if (gap >= 0 && gap < m.turnover) {
          out.push(
            `${what(first)} and ${what(second)} in ${m.rooms[a.fixed!.room]!.id} are ${gap} min apart (turnover ${m.turnover} min)`,
          );
        }
      }
    });
  }
  const q = m.practice.quotas;
  if (q) {
    q.counters.forEach((c, i) => {
      const when = c.day >= 0 ? `on ${m.tl.days[c.day]!.date}` : 'over the summit';
      if (q.countCap[i]! < NO_LIMIT && q.countBase[i]! > q.countCap[i]!) {
        out.push(
          `quota: ${c.delegation} has ${q.countBase[i]} fixed meetings ${when} (limit ${q.countCap[i]})`,
        );
      }
      if (q.minuteCap[i]! < NO_LIMIT && q.minuteBase[i]! > q.minuteCap[i]!) {
        out.push(
          `quota: ${c.delegation} has ${q.minuteBase[i]} minutes of fixed meetings ${when} (limit ${q.minuteCap[i]})`,
        );
      }
    });
  }
  const it = m.practice.interpreters;
  if (it) {
    const G = m.tl.G;
    it.groups.forEach((group, gi) => {
      for (let u = 0; u < G; u++) {
        if (it.base[gi * G + u]! <= group.limit) continue;
        const t = m.tl.gridMin[u]!;
        out.push(
          `${group.delegation} interpreters (${group.limit}) are needed by ${it.base[gi * G + u]} fixed meetings at ${range(t, t + m.tl.grain)}`,
        );
        break;
      }
    });
  }
  return out;
}
