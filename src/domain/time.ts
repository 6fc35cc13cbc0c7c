// Instants, local wall-clock times and windows. Instants are ISO-8601 UTC strings
// (`2017-11-10T05:30:00.000Z`): readable in JSON and the database, and they sort as text.
import { DateTime } from 'luxon';
import { z } from 'zod';

export const Instant = z.iso.datetime({ offset: false }).brand<'Instant'>();
export type Instant = z.infer<typeof Instant>;

/** Minutes, as a branded integer so durations are not confused with counts. */
export const Minutes = z.number().int().min(0).brand<'Minutes'>();
export type Minutes = z.infer<typeof Minutes>;

/** A half-open interval [from, to) of instants. */
export const Window = z
  .object({ from: Instant, to: Instant })
  .refine((w) => w.from < w.to, { message: 'a window must end after it starts' });
export type Window = z.infer<typeof Window>;

/** A calendar date, `YYYY-MM-DD`. */
export const LocalDate = z.iso.date();
/** A wall-clock time of day, `HH:MM`. */
export const LocalTimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { message: 'a time of day HH:MM' });

/** An IANA time-zone name that Luxon (and the platform's ICU) knows. */
export const TimeZone = z.string().refine((zone) => DateTime.now().setZone(zone).isValid, {
  message: 'an IANA time zone such as Asia/Ho_Chi_Minh',
});

export function toInstant(dt: DateTime): Instant {
  return dt.toUTC().toISO({ suppressMilliseconds: false }) as Instant;
}

export function instantMillis(i: Instant): number {
  return Date.parse(i);
}

export function instantFromMillis(ms: number): Instant {
  return new Date(ms).toISOString() as Instant;
}

export function addMinutes(i: Instant, minutes: number): Instant {
  return instantFromMillis(instantMillis(i) + minutes * 60_000);
}

/** Error for a local time that does not exist in the zone (a daylight-saving gap) or is malformed. */
export class LocalTimeError extends Error {}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Converts summit-file time text to an instant. Local `YYYY-MM-DDTHH:MM` is read in `zone`;
 * an ambiguous time (daylight-saving overlap) takes the earlier offset; a time in a gap is an error.
 * A time with an offset or `Z` is taken as the instant it names.
 */
export function parseSummitTime(text: string, zone: string): Instant {
  const m = LOCAL.exec(text);
  if (!m) {
    const dt = DateTime.fromISO(text, { setZone: true });
    if (!dt.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      throw new LocalTimeError(`a time YYYY-MM-DDTHH:MM (local to ${zone}) or with an offset, got "${text}"`);
    }
    return toInstant(dt);
  }
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone });
  if (!dt.isValid) throw new LocalTimeError(`"${text}" is not a valid date and time`);
  // Luxon shifts a non-existent local time forward; detect that and refuse it.
  if (dt.hour !== h || dt.minute !== mi || dt.day !== d) {
    throw new LocalTimeError(`"${text}" does not exist in ${zone} (daylight-saving gap)`);
  }
  // For an ambiguous time Luxon may pick either offset; the earlier offset is the larger UTC offset.
  const alternatives = [dt.offset, ...dt.getPossibleOffsets().map((o) => o.offset)];
  const earlier = Math.max(...alternatives);
  if (earlier !== dt.offset) {
    return toInstant(
      DateTime.fromObject(
        { year: y, month: mo, day: d, hour: h, minute: mi },
        { zone: `UTC${fmtOffset(earlier)}` },
      ),
    );
  }
  return toInstant(dt);
}

function fmtOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock text `YYYY-MM-DDTHH:MM` of an instant in `zone`. */
export function formatSummitTime(i: Instant, zone: string): string {
  return DateTime.fromMillis(instantMillis(i), { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** One summit day's meeting window as instants. */
export interface DayWindow {
  date: string;
  from: Instant;
  to: Instant;
}

/**
 * The day windows of a summit, one per date from `days.from` to `days.to` inclusive,
 * each the local `dayWindow` converted to instants (so a daylight-saving day is shorter or longer).
 */
export function dayWindows(
  days: { from: string; to: string },
  dayWindow: { from: string; to: string },
  zone: string,
): DayWindow[] {
  const out: DayWindow[] = [];
  let date = DateTime.fromISO(days.from, { zone });
  const last = DateTime.fromISO(days.to, { zone });
  while (date <= last) {
    const iso = date.toISODate() as string;
    const from = parseSummitTime(`${iso}T${dayWindow.from}`, zone);
    const to =
      dayWindow.to === '24:00'
        ? toInstant(date.plus({ days: 1 }).startOf('day'))
        : parseSummitTime(`${iso}T${dayWindow.to}`, zone);
    out.push({ date: iso, from, to });
    date = date.plus({ days: 1 });
  }
  return out;
}
