// A baseline's plan as a result file (summit-file.md, "The result"), for benchmarks and tests.
import { DateTime } from 'luxon';
import type { SummitData } from '../../domain/summit/data.js';
import type { Instant } from '../../domain/time.js';
import { formatSummitTime, parseSummitTime } from '../../domain/time.js';
import type { ResultFile } from '../result.js';
import type { BaselinePlan } from './baseline-plan.js';

/**
 * Local `YYYY-MM-DDTHH:MM` in `zone`, or with its offset when the local text would read back as
 * another instant (the second pass through a clock-back hour).
 */
export function writeSummitTime(instant: Instant, zone: string): string {
  const text = formatSummitTime(instant, zone);
  if (parseSummitTime(text, zone) === instant) return text;
  return DateTime.fromISO(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

/** The result file of a baseline plan. */
export function baselineResultFile(
  data: SummitData,
  plan: BaselinePlan,
  stats: { millis: number; seed?: number } = { millis: 0 },
): ResultFile {
  const zone = data.summit.timezone;
  return {
    summit: data.summit.id,
    objective: { ...plan.objective },
    meetings: plan.meetings.map((m) => ({
      request: m.request,
      start: writeSummitTime(m.start, zone),
      end: writeSummitTime(m.end, zone),
      room: m.room,
    })),
    unscheduled: plan.unplaced.map((u) => ({
      request: u.request,
      reason: u.reason,
      detail:
        u.reason === 'no-slot'
          ? 'The baseline found no start and room that keeps every hard rule'
          : `The request is ${u.reason}; only agreed, scheduled or confirmed requests are placed`,
    })),
    stats: { ...stats },
  };
}
