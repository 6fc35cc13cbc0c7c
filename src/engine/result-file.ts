// The result file of summit-file.md ("The result"): the plan with local wall-clock times in the summit zone.
import type { SummitData } from '../domain/summit/data.js';
import { DateTime } from 'luxon';
import { formatSummitTime, instantMillis, parseSummitTime, type Instant } from '../domain/time.js';
import type { Plan, ResultFile } from './result.js';

/** Converts a plan to the result file format (times local to the summit's zone, `YYYY-MM-DDTHH:MM`). */
export function toResultFile(plan: Plan, data: SummitData): ResultFile {
  const zone = data.summit.timezone;
  const file: ResultFile = {
    summit: plan.summit,
    objective: { ...plan.objective },
    meetings: plan.meetings.map((m) => ({
      request: m.request,
      start: localTime(m.start, zone),
      end: localTime(m.end, zone),
      room: m.room,
    })),
    unscheduled: plan.unscheduled.map((u) => ({ request: u.request, reason: u.reason, detail: u.detail })),
    stats: { millis: plan.stats.millis, seed: plan.stats.seed, iterations: plan.stats.iterations },
  };
  if (plan.bound !== null) file.bound = plan.bound;
  return file;
}

/**
 * Local wall-clock time, unless the local time names two instants (the repeated hour when clocks go
 * back) and reads back as the other one: then the time carries its offset, so the file stays exact.
 */
function localTime(i: Instant, zone: string): string {
  const local = formatSummitTime(i, zone);
  if (instantMillis(parseSummitTime(local, zone)) === instantMillis(i)) return local;
  return DateTime.fromMillis(instantMillis(i), { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}
