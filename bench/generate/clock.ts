// Summit-relative time for the generators: a time is whole minutes since midnight of the
// first summit day (local wall clock), so day d at 09:30 is d * 1440 + 570. Generated summits
// use zones without a daylight-saving change during their dates, so this maps one to one.

/** Minutes in a day. */
export const DAY = 1440;

/** Local wall-clock formatting of summit-relative minutes. */
export class Clock {
  constructor(private readonly firstDate: string) {}

  /** The calendar date `YYYY-MM-DD` of summit day `day` (0 = first). */
  date(day: number): string {
    const d = new Date(`${this.firstDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + day);
    return d.toISOString().slice(0, 10);
  }

  /** `YYYY-MM-DDTHH:MM` for summit-relative minutes. */
  local(t: number): string {
    const day = Math.floor(t / DAY);
    const m = t - day * DAY;
    return `${this.date(day)}T${hhmm(m)}`;
  }

  /** A file window for [from, to). */
  window(from: number, to: number): { from: string; to: string } {
    return { from: this.local(from), to: this.local(to) };
  }
}

/** `HH:MM` for minutes after midnight. */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Minutes after midnight of `HH:MM`. */
export function minutesOf(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A half-open interval of summit-relative minutes. */
export interface Span {
  from: number;
  to: number;
}
