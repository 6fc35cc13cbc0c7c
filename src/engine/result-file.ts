// The result file of summit-file.md ("The result"): the plan with local wall-clock times in the summit zone.
import type { SummitData } from '../domain/summit/data.js';
import { summitFileTime } from './local-time.js';
import type { Plan, ResultFile, Slot } from './result.js';

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
  if (plan.moves.length > 0) {
    const local = (x: Slot) => ({
      start: summitFileTime(x.start, zone),
      end: summitFileTime(x.end, zone),
      room: x.room,
    });
    file.moves = plan.moves.map((mv) => ({
      request: mv.request,
      from: local(mv.from),
      to: mv.to === null ? null : local(mv.to),
      ...(mv.for ? { for: mv.for } : {}),
      fits: mv.fits,
    }));
  }
  const { maxMoves, now, freezeHours } = plan.policy;
  if (maxMoves !== null || now !== null || freezeHours !== null) {
    file.policy = { maxMoves, now: now === null ? null : summitFileTime(now, zone), freezeHours };
  }
  return file;
}
