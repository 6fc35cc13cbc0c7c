// The confirmation deadline: a summit may say by when each day's meetings must be confirmed by every
// party (18:00 the evening before, say). A scheduled meeting not confirmed by then is overdue: flagged
// to its parties and the host, and, where the summit says so, its slot is released.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { instantMillis, LocalTimeOfDay, parseSummitTime, type Instant } from '../time.js';

/** What becomes of a meeting not confirmed by its deadline: kept on the calendar, flagged; or released. */
export const Lapse = z.enum(['keep', 'release']);
export type Lapse = z.infer<typeof Lapse>;

/** When each day's meetings must be confirmed: `at` (summit time) `daysBefore` days before their day. */
export const ConfirmationDeadline = z.strictObject({
  at: LocalTimeOfDay.describe('Time of day, summit time (HH:MM)'),
  daysBefore: z
    .number()
    .int()
    .min(0)
    .max(14)
    .default(1)
    .describe('How many days before the meeting’s day (1: the evening before)'),
  lapse: Lapse.default('keep').describe(
    'keep: an unconfirmed meeting stays on the calendar, flagged; release: its slot is released',
  ),
});
export type ConfirmationDeadline = z.infer<typeof ConfirmationDeadline>;

/**
 * The moment by which a meeting starting at `start` must be confirmed, in the summit's zone: its local
 * day less `daysBefore` days, at `at`.
 */
export function deadlineOf(rule: ConfirmationDeadline, start: Instant, zone: string): Instant {
  const day = DateTime.fromMillis(instantMillis(start), { zone })
    .startOf('day')
    .minus({ days: rule.daysBefore });
  return parseSummitTime(`${day.toISODate() as string}T${rule.at === '24:00' ? '23:59' : rule.at}`, zone);
}

/** True when the deadline of a meeting starting at `start` has passed at `now`. */
export function deadlinePassed(
  rule: ConfirmationDeadline,
  start: Instant,
  zone: string,
  now: Instant,
): boolean {
  return instantMillis(deadlineOf(rule, start, zone)) <= instantMillis(now);
}
