// A VTIMEZONE block (RFC 5545 §3.6.5) for an IANA zone, built from the zone's own offsets: one
// observance for the start of the span and one per offset change within it.
import { DateTime } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** `+0700`, `-0430`: an offset in minutes as iCalendar writes it. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local date-time text `YYYYMMDDTHHMMSS` of an instant seen at a fixed offset. */
function localText(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * MINUTE_MS, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");
}

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** The first minute at which the offset differs from the one at `lo` (binary search in (lo, hi]). */
function changeBetween(zone: string, lo: number, hi: number): number {
  const before = offsetAt(zone, lo);
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(zone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** The instants in [fromMs, toMs] at which the zone's offset changes, with the offsets either side. */
export function offsetChanges(
  zone: string,
  fromMs: number,
  toMs: number,
): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  for (let day = fromMs; day < toMs; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, toMs);
    if (offsetAt(zone, day) === offsetAt(zone, next)) continue;
    const at = changeBetween(zone, day, next);
    out.push({ at, from: offsetAt(zone, at - MINUTE_MS), to: offsetAt(zone, at) });
  }
  return out;
}

/**
 * The VTIMEZONE of `zone` valid from `fromMs` to `toMs` (give a margin of a year either side of
 * what the calendar holds), as lines without line endings. An observance's DTSTART is its onset in
 * the local time before the change, as RFC 5545 asks.
 */
export function vtimezoneLines(zone: string, fromMs: number, toMs: number): string[] {
  const name = (ms: number) => DateTime.fromMillis(ms, { zone }).offsetNameShort ?? zone;
  const isDst = (ms: number) => DateTime.fromMillis(ms, { zone }).isInDST;
  const observance = (at: number, from: number, to: number): string[] => {
    const kind = isDst(at) ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${localText(at, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `TZNAME:${name(at)}`,
      `END:${kind}`,
    ];
  };
  const first = offsetAt(zone, fromMs);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(fromMs, first, first),
    ...offsetChanges(zone, fromMs, toMs).flatMap((c) => observance(c.at, c.from, c.to)),
    'END:VTIMEZONE',
  ];
}
