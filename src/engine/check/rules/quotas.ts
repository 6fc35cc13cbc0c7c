import { DateTime } from 'luxon';
import type { PlacedRequest, Rule } from '../plan-context.js';
import { MINUTE_MS } from '../spans.js';
import { partiesOf } from '../summit-index.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** `10 Nov`: the calendar day of a start in the summit's zone. */
function dayOf(ms: number, zone: string): { key: string; words: string } {
  const dt = DateTime.fromMillis(ms, { zone }).setLocale('en');
  return { key: dt.toISODate() as string, words: dt.toFormat('d LLL') };
}

/**
 * Rule 7: for each quota and each delegation it names, the meetings it is a party to (or requested,
 * `as: requester`), per calendar day of their start in the summit's zone or over the whole summit,
 * number at most `meetings` and last at most `minutes`.
 */
export const quotas: Rule = {
  name: 'quota',
  meaning: 'each delegation stays within every quota, per day or per summit, in meetings and in minutes',
  check(ctx) {
    const { data, zone } = ctx.index;
    const out: Violation[] = [];
    data.summit.quotas.forEach((q) => {
      const named = q.delegation === '*' ? data.delegations.map((d) => d.id as string) : [q.delegation];
      for (const d of named) {
        const buckets = new Map<string, { words: string; list: PlacedRequest[] }>();
        for (const p of ctx.placed) {
          const counts = q.as === 'requester' ? p.request.from === d : partiesOf(p.request).includes(d);
          if (!counts) continue;
          const day = q.per === 'day' ? dayOf(p.from, zone) : { key: '', words: 'over the summit' };
          const bucket = buckets.get(day.key) ?? {
            words: q.per === 'day' ? `on ${day.words}` : day.words,
            list: [],
          };
          bucket.list.push(p);
          buckets.set(day.key, bucket);
        }
        const verb = q.as === 'requester' ? 'requested' : 'has';
        for (const { words, list } of buckets.values()) {
          const ids = list.map((p) => p.request.id);
          const minutes = list.reduce((s, p) => s + Math.round((p.to - p.from) / MINUTE_MS), 0);
          if (q.meetings !== null && list.length > q.meetings) {
            out.push(
              violation(
                'quota',
                `${d} ${verb} ${list.length} meetings ${words} (limit ${q.meetings}): ${ids.join(', ')}`,
                {
                  requests: ids,
                },
              ),
            );
          }
          if (q.minutes !== null && minutes > q.minutes) {
            out.push(
              violation(
                'quota',
                `${d} ${verb} ${minutes} minutes of meetings ${words} (limit ${q.minutes}): ${ids.join(', ')}`,
                {
                  requests: ids,
                },
              ),
            );
          }
        }
      }
    });
    return out;
  },
};
