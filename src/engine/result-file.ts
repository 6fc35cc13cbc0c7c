// The result file of summit-file.md ("The result"): the plan with local wall-clock times in the summit zone.
import type { SummitData } from '../domain/summit/data.js';
import { summitFileTime } from './local-time.js';
import type { Plan, ResultFile } from './result.js';

/** Converts a plan to the result file format (times local to the summit's zone, `YYYY-MM-DDTHH:MM`). */
export function toResultFile(plan: Plan, data: SummitData): ResultFile {
  const zone = data.summit.timezone;
  const file: ResultFile = {
    summit: plan.summit,
    objective: { ...plan.objective },
    meetings: plan.meetings.map((m) => ({
      request: m.request,
      start: summitFileTime(m.start, zone),
      end: summitFileTime(m.end, zone),
      room: m.room,
    })),
    unscheduled: plan.unscheduled.map((u) => ({ request: u.request, reason: u.reason, detail: u.detail })),
    stats: { millis: plan.stats.millis, seed: plan.stats.seed, iterations: plan.stats.iterations },
  };
  if (plan.bound !== null) file.bound = plan.bound;
  return file;
}
