// One person's day: engagements in time order with where each happens and the travel between them.
import type { Engagement, Room } from '../../api/models';
import { travelMinutes, type TravelTable } from '../../api/hooks/travel';
import { localDate } from '../../lib/time';

/** An engagement with the venue it happens at (when known). */
export interface DayItem {
  engagement: Engagement;
  venue: string | null;
}

/** A move between two engagements at different venues. */
export interface Leg {
  fromVenue: string;
  toVenue: string;
  travel: number;
  /** Minutes between the end of one and the start of the next. */
  gap: number;
  /** True when the gap is shorter than the travel (plus the buffer). */
  tight: boolean;
}

/** The venue of an engagement: its own, or its room's. */
export function venueOf(e: Engagement, rooms: ReadonlyMap<string, Room>): string | null {
  if (e.kind === 'meeting') return e.room ? (rooms.get(e.room)?.venue ?? null) : null;
  if (e.kind === 'busy') return null;
  return e.venue;
}

/** The engagements of `date` (local to `zone`), in time order, with the legs between venues. */
export function dayOf(
  agenda: readonly Engagement[],
  date: string,
  zone: string,
  rooms: ReadonlyMap<string, Room>,
  travel: TravelTable | undefined,
  bufferMinutes: number,
): { items: DayItem[]; legs: (Leg | null)[] } {
  const items = agenda
    .filter((e) => localDate(e.from, zone) === date)
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .map((engagement) => ({ engagement, venue: venueOf(engagement, rooms) }));
  const legs: (Leg | null)[] = [];
  // the leg before item i, from the last item that had a venue
  let last: DayItem | null = null;
  for (const item of items) {
    if (last && item.venue && last.venue && item.venue !== last.venue) {
      const t = travelMinutes(travel, last.venue, item.venue);
      const gap = Math.round((Date.parse(item.engagement.from) - Date.parse(last.engagement.to)) / 60_000);
      legs.push({
        fromVenue: last.venue,
        toVenue: item.venue,
        travel: t,
        gap,
        tight: gap < t + bufferMinutes,
      });
    } else {
      legs.push(null);
    }
    if (item.venue) last = item;
  }
  return { items, legs };
}
