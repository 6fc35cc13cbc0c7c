// Rule 7 (summit-file.md): quotas. For each quota and each delegation it names, the meetings in which
// the delegation is a party (or, `as: requester`, that it requested), per calendar day by start or over
// the whole summit, number at most `meetings` and last at most `minutes` in all. Each (quota,
// delegation, day) is one counter; confirmed, pinned and frozen meetings fill them before planning.
import type { SummitData } from '../../../domain/summit/data.js';
import { formatSummitTime } from '../../../domain/time.js';
import type { RequestModel } from '../model.js';
import { instantOfMinute, type Timeline } from '../timeline.js';

/** A limit the quota does not give. */
export const NO_LIMIT = 0x3fffffff;

/** One counter: a quota, one delegation it names, and one day (or the whole summit). */
export interface QuotaCounter {
  /** Position of the quota in the summit's quotas. */
  quota: number;
  delegation: string;
  /** Timeline day index, or -1 for a quota per summit. */
  day: number;
  /** Only meetings the delegation requested count. */
  requester: boolean;
}

/** The quotas compiled into counters. */
export interface QuotaModel {
  counters: QuotaCounter[];
  /** Limits per counter (NO_LIMIT where the quota gives none). */
  countCap: Int32Array;
  minuteCap: Int32Array;
  /** What fixed meetings already use of each counter. */
  countBase: Int32Array;
  minuteBase: Int32Array;
  /**
   * Per request: pairs (first counter, per day) of every counter block it counts against. At grid
   * start g the counter is `first + (perDay ? tl.gridDay[g] : 0)`.
   */
  keys: Int32Array[];
}

/** The counter of key pair `i` of `keys` for a meeting starting on timeline day `day`. */
export function counterAt(keys: Int32Array, i: number, day: number): number {
  return keys[i]! + (keys[i + 1] === 1 ? day : 0);
}

/** Compiles the summit's quotas against the requests (fixed ones already marked); null without quotas. */
export function compileQuotas(
  data: SummitData,
  tl: Timeline,
  requests: readonly RequestModel[],
): QuotaModel | null {
  const quotas = data.summit.quotas;
  if (quotas.length === 0) return null;
  const D = tl.days.length;
  const counters: QuotaCounter[] = [];
  const count: number[] = [];
  const minutes: number[] = [];
  // block[q] maps a delegation to the first counter of (quota q, delegation).
  const block = quotas.map((q, qi) => {
    const named = q.delegation === '*' ? data.delegations.map((d) => d.id as string) : [q.delegation];
    const first = new Map<string, number>();
    for (const d of named) {
      first.set(d, counters.length);
      const days = q.per === 'day' ? D : 1;
      for (let k = 0; k < days; k++) {
        counters.push({
          quota: qi,
          delegation: d,
          day: q.per === 'day' ? k : -1,
          requester: q.as === 'requester',
        });
        count.push(q.meetings ?? NO_LIMIT);
        minutes.push(q.minutes ?? NO_LIMIT);
      }
    }
    return first;
  });
  const keys = requests.map((r) => {
    const out: number[] = [];
    quotas.forEach((q, qi) => {
      for (const d of new Set(r.parties)) {
        if (q.as === 'requester' && d !== r.source.from) continue;
        const first = block[qi]!.get(d);
        if (first !== undefined) out.push(first, q.per === 'day' ? 1 : 0);
      }
    });
    return Int32Array.from(out);
  });
  const model: QuotaModel = {
    counters,
    countCap: Int32Array.from(count),
    minuteCap: Int32Array.from(minutes),
    countBase: new Int32Array(counters.length),
    minuteBase: new Int32Array(counters.length),
    keys,
  };
  const dayOfDate = new Map(tl.days.map((d, k) => [d.date, k]));
  for (const r of requests) {
    if (r.fixed === null) continue;
    // A fixed meeting counts on the calendar day of its start, which may lie outside the day window.
    const date = formatSummitTime(instantOfMinute(tl, r.fixed.start), tl.zone).slice(0, 10);
    const day = dayOfDate.get(date) ?? -1;
    const k = keys[r.index]!;
    for (let i = 0; i < k.length; i += 2) {
      if (k[i + 1] === 1 && day < 0) continue;
      const c = counterAt(k, i, day);
      model.countBase[c]!++;
      model.minuteBase[c]! += r.minutes;
    }
  }
  return model;
}
