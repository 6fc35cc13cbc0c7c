// Instants as people at the summit read them.
import { DateTime } from 'luxon';
import type { Instant } from '../../domain/time.js';

/** "Fri 10 Nov 14:30 (Da Nang time)" style text of an instant in the summit's zone. */
export function summitTime(instant: Instant, zone: string): string {
  const t = DateTime.fromISO(instant, { zone });
  if (!t.isValid) return 'an unknown time';
  const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
  return `${t.toFormat('ccc d LLL HH:mm')} (${city} time)`;
}
