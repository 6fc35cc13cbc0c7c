// The notice period (summit-file.md `planning.freezeHours`): a scheduled meeting that starts within
// it is near enough that its parties have made their arrangements; it keeps its slot unless a host
// admin moves it and says why.
import { instantMillis, type Instant } from '../time.js';
import type { Summit } from '../summit/schema.js';

const HOUR = 3_600_000;

/** The notice period in hours, or null when the summit sets none. */
export function noticeHours(summit: Pick<Summit, 'planning'>): number | null {
  return summit.planning.freezeHours;
}

/** True when a meeting starting at `start` lies inside the summit's notice period at `now` (or has begun). */
export function insideNoticePeriod(summit: Pick<Summit, 'planning'>, start: Instant, now: Instant): boolean {
  const hours = noticeHours(summit);
  return hours !== null && instantMillis(start) < instantMillis(now) + hours * HOUR;
}
