// Times as people read them: in the summit's zone, always with the zone named, and the viewer's own.
import { DateTime } from 'luxon';

/** The viewer's IANA time zone, as the browser reports it. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function at(instant: string | number, zone: string): DateTime {
  const dt = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant);
  return dt.setZone(zone);
}

/** The short name of a zone's offset at an instant, e.g. "GMT+7" or "EST". */
export function zoneAbbrev(zone: string, instant: string | number = Date.now()): string {
  return at(instant, zone).toFormat('ZZZZ');
}

/** A readable place name for a zone id: "Asia/Ho_Chi_Minh" → "Ho Chi Minh". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "09:30" in the zone. */
export function clock(instant: string | number, zone: string): string {
  return at(instant, zone).toFormat('HH:mm');
}

/** "09:30 GMT+7": a time with its zone, the form every time on screen takes. */
export function clockWithZone(instant: string | number, zone: string): string {
  return at(instant, zone).toFormat('HH:mm ZZZZ');
}

/** "Thu 9 Nov" in the zone. */
export function dayLabel(instant: string | number, zone: string): string {
  return at(instant, zone).toFormat('ccc d LLL');
}

/** "2017-11-09": the local date in the zone. */
export function localDate(instant: string | number, zone: string): string {
  return at(instant, zone).toISODate() ?? '';
}

/** "Thu 9 Nov, 09:30–10:15 GMT+7": a span within one local day, or across days. */
export function spanLabel(from: string, to: string, zone: string): string {
  const a = at(from, zone);
  const b = at(to, zone);
  const sameDay = a.hasSame(b, 'day');
  return sameDay
    ? `${a.toFormat('ccc d LLL, HH:mm')}–${b.toFormat('HH:mm ZZZZ')}`
    : `${a.toFormat('ccc d LLL, HH:mm')} – ${b.toFormat('ccc d LLL, HH:mm ZZZZ')}`;
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

/** Every local date from `from` to `to` inclusive (`YYYY-MM-DD`). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let d = DateTime.fromISO(from, { zone: 'UTC' });
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  while (d <= last && out.length < 400) {
    out.push(d.toISODate() ?? '');
    d = d.plus({ days: 1 });
  }
  return out;
}

/** The instant a local date and time `HH:mm` (or "24:00") names in the zone, in ms. */
export function localMillis(date: string, time: string, zone: string): number {
  if (time === '24:00') return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis();
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/** "45 min" or "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The viewer's clock for a span ("02:30–03:15 GMT (−1 day)"), or null in the summit's own zone. */
export function viewerSpan(from: string, to: string, summitZone: string, mine = viewerZone()): string | null {
  const end = viewerClock(to, summitZone, mine);
  if (end === null) return null;
  return `${clock(from, mine)}–${end}`;
}
