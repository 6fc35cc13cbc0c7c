// How the CLI shows times and records: local summit time, with the zone named.
import { formatSummitTime, type Instant } from '../domain/time.js';
import type { Summit } from '../domain/summit/schema.js';

/** `10 Nov 12:30` in the summit's zone. */
export function localTime(summit: Summit, i: Instant | string): string {
  const text = formatSummitTime(i as Instant, summit.timezone); // YYYY-MM-DDTHH:MM
  const [date = '', time = ''] = text.split('T');
  const [, month = '1', day = '1'] = date.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)} ${months[Number(month) - 1]} ${time}`;
}

/** `10 Nov 12:30–13:30` (the end's date is shown only when it differs). */
export function localSpan(summit: Summit, from: Instant | string, to: Instant | string): string {
  const a = localTime(summit, from);
  const b = localTime(summit, to);
  return a.slice(0, -5) === b.slice(0, -5) ? `${a}–${b.slice(-5)}` : `${a}–${b}`;
}
