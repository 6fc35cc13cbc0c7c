// When a meeting is late in the day: after the evening's last programme event (the gala dinner),
// or starting at 21:00 or later. Plans may place meetings there; the grid and the plan say so.
import { clock, localDate, localMillis } from '../../lib/time';

/** A programme event, as far as lateness needs it. */
export interface EveningEvent {
  title: string;
  from: string;
  to: string;
}

/** Local time from which a meeting counts as late even without an evening event. */
const LATE_FROM = '21:00';
/** An event ending at or after this local time is an evening event. */
const EVENING_FROM = '19:00';

/**
 * Why a meeting starting at `start` (ms) is late, or null: "after Gala dinner (ends 22:00)" when
 * it starts once the day's last evening event is over, "starts 21:30, late in the evening" after 21:00.
 */
export function lateNote(start: number, zone: string, programme: readonly EveningEvent[]): string | null {
  const date = localDate(start, zone);
  const evening = localMillis(date, EVENING_FROM, zone);
  const last = programme
    .filter((e) => localDate(e.from, zone) === date && Date.parse(e.to) >= evening)
    .sort((a, b) => Date.parse(b.to) - Date.parse(a.to))[0];
  if (last && start >= Date.parse(last.to)) return `after ${last.title} (ends ${clock(last.to, zone)})`;
  if (start >= localMillis(date, LATE_FROM, zone)) return `starts ${clock(start, zone)}, late in the evening`;
  return null;
}
