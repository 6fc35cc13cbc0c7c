// Fast local wall-clock formatting for large plans: one cached Intl formatter per zone instead of a
// Luxon DateTime per instant (B2B writes 16,000 times).
import { formatSummitTime, instantMillis, parseSummitTime, type Instant } from '../domain/time.js';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock at epoch milliseconds `ms` in `zone`. */
function wallClock(ms: number, zone: string): WallClock {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const p of f.formatToParts(ms)) {
    if (
      p.type === 'year' ||
      p.type === 'month' ||
      p.type === 'day' ||
      p.type === 'hour' ||
      p.type === 'minute'
    ) {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/** Minutes the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `YYYY-MM-DDTHH:MM` local to `zone`, the way summit files write times; with the offset appended
 * when that local time also names an earlier instant (the repeated hour when clocks go back), so it
 * reads back as the same instant.
 */
export function summitFileTime(i: Instant, zone: string): string {
  const ms = instantMillis(i);
  const w = wallClock(ms, zone);
  const local = `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  // Only near an offset change can a local time be ambiguous; check exactly there.
  const here = offsetAt(ms, zone);
  if (offsetAt(ms - 3 * 3_600_000, zone) === here && offsetAt(ms + 3 * 3_600_000, zone) === here)
    return local;
  if (instantMillis(parseSummitTime(local, zone)) === ms) return local;
  const sign = here < 0 ? '-' : '+';
  const abs = Math.abs(here);
  return `${formatSummitTime(i, zone)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
