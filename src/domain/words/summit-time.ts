// Times as people read them: wall-clock time in the summit's zone, the zone always named. Pure (the
// caller passes every instant), shared by the web app, the calendar feed and the CSV export.
import { DateTime } from 'luxon';

/** An instant as ISO text or epoch milliseconds. */
export type InstantLike = string | number;

function at(instant: InstantLike, zone: string): DateTime {
  const dt = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant);
  return dt.setZone(zone).setLocale('en');
}

/** The short name of a zone's offset at an instant: "GMT+7", "EST". */
export function zoneAbbrev(zone: string, instant: InstantLike): string {
  return at(instant, zone).toFormat('ZZZZ');
}

/** A readable place for a zone id: "Asia/Ho_Chi_Minh" → "Ho Chi Minh". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "09:30" in the zone. */
export function clock(instant: InstantLike, zone: string): string {
  return at(instant, zone).toFormat('HH:mm');
}

/** "09:30 GMT+7": a time with its zone, the form a lone time on screen takes. */
export function clockWithZone(instant: InstantLike, zone: string): string {
  return at(instant, zone).toFormat('HH:mm ZZZZ');
}

/** "Fri 10 Nov" in the zone. */
export function dayLabel(instant: InstantLike, zone: string): string {
  return at(instant, zone).toFormat('ccc d LLL');
}

/** "Fri 10 Nov, 09:30 GMT+7": one moment. */
export function momentLabel(instant: InstantLike, zone: string): string {
  return at(instant, zone).toFormat('ccc d LLL, HH:mm ZZZZ');
}

/** "2017-11-10": the local date in the zone. */
export function localDate(instant: InstantLike, zone: string): string {
  return at(instant, zone).toISODate() ?? '';
}

/**
 * "Fri 10 Nov, 09:30–10:15 GMT+7" for a span within one local day (an end at midnight closes the
 * day it belongs to: "22:00–24:00"), else "Fri 10 Nov, 23:00 – Sat 11 Nov, 00:30 GMT+7".
 */
export function spanLabel(from: InstantLike, to: InstantLike, zone: string): string {
  const a = at(from, zone);
  const b = at(to, zone);
  const midnight = b.hour === 0 && b.minute === 0 && b.diff(a, 'hours').hours <= 24 && b > a;
  if (a.hasSame(b, 'day') || (midnight && a.hasSame(b.minus({ minutes: 1 }), 'day'))) {
    const end = a.hasSame(b, 'day') ? b.toFormat('HH:mm ZZZZ') : `24:00 ${b.toFormat('ZZZZ')}`;
    return `${a.toFormat('ccc d LLL, HH:mm')}–${end}`;
  }
  return `${a.toFormat('ccc d LLL, HH:mm')} – ${b.toFormat('ccc d LLL, HH:mm ZZZZ')}`;
}

/** "09:30–10:15" in the zone, without the day or the zone (for places that name both already). */
export function clockSpan(from: InstantLike, to: InstantLike, zone: string): string {
  return `${clock(from, zone)}–${clock(to, zone)}`;
}

/** "2017-11-10T09:30+07:00": local wall-clock time with its offset, unambiguous in any sheet. */
export function localWithOffset(instant: InstantLike, zone: string): string {
  return at(instant, zone).toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? '';
}

/** The instant of a local date and `HH:mm` (or "24:00") in the zone, in epoch milliseconds. */
export function localMillis(date: string, time: string, zone: string): number {
  if (time === '24:00') return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis();
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/** Every local date from `from` to `to` inclusive (`YYYY-MM-DD`), at most 400. */
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

/** "45 min", "1 h", "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
