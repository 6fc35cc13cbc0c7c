// Rows of the bound's relaxation for the quotas (rule 7) and the interpreters (rule 8). Every plan
// satisfies each: a quota counter holds at most its limit less what fixed meetings use, and at any
// grid step at most `interpreters` meetings need one delegation's interpreters.
import type { Model } from '../model/model.js';
import type { Draft } from './rows.js';
import { NO_LIMIT } from '../model/rules/quotas.js';

/** Adds the quota and interpreter rows of `m` to `out`. */
export function practiceRows(m: Model, out: Draft[]): void {
  const dayOf = candidateDays(m);
  quotaRows(m, dayOf, out);
  interpreterRows(m, dayOf, out);
}

/** The one day every candidate start of a request falls on, or -1 (several days, or none). */
function candidateDays(m: Model): Int32Array {
  const dayOf = new Int32Array(m.requests.length).fill(-1);
  for (const r of m.variables) {
    let day = -1;
    for (const o of m.requests[r]!.options) {
      const d0 = m.tl.gridDay[o.starts[0]!]!;
      const d1 = m.tl.gridDay[o.starts[o.starts.length - 1]!]!;
      if (d0 !== d1 || (day >= 0 && day !== d0)) {
        day = -1;
        break;
      }
      day = d0;
    }
    dayOf[r] = day;
  }
  return dayOf;
}

const room = (cap: number, base: number) => Math.max(0, cap - base);

/**
 * Per counter block (a quota and one delegation it names): for a quota per summit one row for the
 * count and one for the minutes; per day, a row for each day over the requests that can only fall on
 * it, and one over all of them whose capacity is the sum of the days' (each meeting falls on one day).
 */
function quotaRows(m: Model, dayOf: Int32Array, out: Draft[]): void {
  const q = m.practice.quotas;
  if (!q) return;
  const D = m.tl.days.length;
  const members = new Map<number, number[]>();
  for (const r of m.variables) {
    if (m.requests[r]!.options.length === 0) continue;
    const keys = q.keys[r]!;
    for (let i = 0; i < keys.length; i += 2) {
      const list = members.get(keys[i]!) ?? [];
      if (!list.includes(r)) list.push(r);
      members.set(keys[i]!, list);
    }
  }
  const tag = { kind: 'quota' as const, person: -1, day: -1 };
  for (const [first, reqs] of members) {
    const counter = q.counters[first]!;
    const name = `quota ${counter.quota} of ${counter.delegation}`;
    const perDay = counter.day >= 0;
    const days = perDay ? D : 1;
    for (const [measure, caps, bases, coef] of [
      ['meetings', q.countCap, q.countBase, () => 1],
      ['minutes', q.minuteCap, q.minuteBase, (r: number) => m.requests[r]!.minutes],
    ] as const) {
      if (caps[first]! >= NO_LIMIT) continue;
      let whole = 0;
      for (let k = 0; k < days; k++) {
        const c = first + k;
        const cap = room(caps[c]!, bases[c]!);
        whole += cap;
        if (!perDay) continue;
        const onDay = reqs.filter((r) => dayOf[r] === k);
        if (onDay.length === 0) continue;
        out.push({
          cap,
          label: `${name}: ${measure} on ${m.tl.days[k]!.date}`,
          tag: { ...tag, day: k },
          reqs: onDay,
          coefs: onDay.map(coef),
        });
      }
      out.push({ cap: whole, label: `${name}: ${measure}`, tag, reqs, coefs: reqs.map(coef) });
    }
  }
}

/**
 * Per delegation with limited interpreters: the grid steps its meetings cover need one interpreter
 * each, and at each step at most the limit less what fixed meetings use are free. Rows per day (over
 * the requests that can only fall on it) and for the whole summit, in grid steps.
 */
function interpreterRows(m: Model, dayOf: Int32Array, out: Draft[]): void {
  const it = m.practice.interpreters;
  if (!it) return;
  const G = m.tl.G;
  const members: number[][] = it.groups.map(() => []);
  for (const r of m.variables) {
    if (m.requests[r]!.options.length === 0) continue;
    for (const gi of it.needs[r]!) members[gi]!.push(r);
  }
  it.groups.forEach((group, gi) => {
    const reqs = members[gi]!;
    if (reqs.length === 0) return;
    const name = `${group.delegation} interpreters`;
    const coef = (r: number) => m.requests[r]!.units;
    let whole = 0;
    m.tl.days.forEach((d, k) => {
      let cap = 0;
      for (let u = d.firstG; u < d.endG; u++) cap += room(group.limit, it.base[gi * G + u]!);
      whole += cap;
      const onDay = reqs.filter((r) => dayOf[r] === k);
      if (onDay.length === 0) return;
      out.push({
        cap,
        label: `${name} on ${d.date}`,
        tag: { kind: 'interpreters', person: -1, day: k },
        reqs: onDay,
        coefs: onDay.map(coef),
      });
    });
    out.push({
      cap: whole,
      label: name,
      tag: { kind: 'interpreters', person: -1, day: -1 },
      reqs,
      coefs: reqs.map(coef),
    });
  });
}
