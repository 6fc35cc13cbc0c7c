// Times as people read them: in the summit's zone, always with the zone named (the shared words
// module, src/domain/words/summit-time.ts), and the viewer's own clock beside it where it differs.
import { DateTime } from 'luxon';
import { clock, zoneAbbrev as zoneAbbrevAt } from '../../../src/domain/words/summit-time.js';

export {
  clock,
  clockSpan,
  clockWithZone,
  datesBetween,
  dayLabel,
  durationLabel,
  localDate,
  localMillis,
  momentLabel,
  spanLabel,
  zoneCity,
} from '../../../src/domain/words/summit-time.js';

/** The viewer's IANA time zone, as the browser reports it. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function at(instant: string | number, zone: string): DateTime {
  const dt = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant);
  return dt.setZone(zone).setLocale('en');
}

/** The short name of a zone's offset at an instant (now by default), e.g. "GMT+7" or "EST". */
export function zoneAbbrev(zone: string, instant: string | number = Date.now()): string {
  return zoneAbbrevAt(zone, instant);
}

/** True when two zones show the same wall clock at this instant (the viewer is in the summit's zone). */
export function sameOffset(a: string, b: string, instant: string | number = Date.now()): boolean {
  return at(instant, a).offset === at(instant, b).offset;
}

/** Days the viewer's date is ahead of (+) or behind (−) the summit's at an instant. */
export function dayShift(instant: string | number, summitZone: string, mine = viewerZone()): number {
  // compare the two calendar dates, not the instants their days start at
  const date = (zone: string) => DateTime.fromISO(at(instant, zone).toISODate() ?? '', { zone: 'UTC' });
  return Math.round(date(mine).diff(date(summitZone), 'days').days);
}

/** The viewer's clock in short ("19:00", "19:00 −1d"), or null when it reads the same as the summit's. */
export function viewerClockShort(
  instant: string | number,
  summitZone: string,
  mine = viewerZone(),
): string | null {
  if (sameOffset(summitZone, mine, instant)) return null;
  const shift = dayShift(instant, summitZone, mine);
  return `${clock(instant, mine)}${shift === 0 ? '' : shift > 0 ? ' +1d' : ' −1d'}`;
}

/** The viewer's wall clock for an instant, or null when it reads the same as the summit's. */
export function viewerClock(
  instant: string | number,
  summitZone: string,
  mine = viewerZone(),
): string | null {
  if (sameOffset(summitZone, mine, instant)) return null;
  const shift = dayShift(instant, summitZone, mine);
  const suffix = shift === 0 ? '' : shift > 0 ? ' (+1 day)' : ' (−1 day)';
  return `${at(instant, mine).toFormat('HH:mm ZZZZ')}${suffix}`;
}

/** The instant of a local wall-clock time `YYYY-MM-DDTHH:mm` in the zone, as ISO UTC. */
export function instantOfLocal(local: string, zone: string): string | null {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return null;
  return dt.toUTC().toISO({ suppressMilliseconds: false });
}

/** The local wall-clock text `YYYY-MM-DDTHH:mm` of an instant in the zone (for date-time inputs). */
export function localInputValue(instant: string, zone: string): string {
  return at(instant, zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The viewer's clock for a span ("02:30–03:15 GMT (−1 day)"), or null in the summit's own zone. */
export function viewerSpan(from: string, to: string, summitZone: string, mine = viewerZone()): string | null {
  const end = viewerClock(to, summitZone, mine);
  if (end === null) return null;
  return `${clock(from, mine)}–${end}`;
}
