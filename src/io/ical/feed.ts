// A person's calendar feed as RFC 5545 text: events in the summit's zone (TZID, with its
// VTIMEZONE), each with a stable UID, a SEQUENCE that grows when it moves, and a UTC DTSTAMP.
import { DateTime } from 'luxon';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Instant } from '../../domain/time.js';
import { vtimezoneLines } from './vtimezone.js';

/** One event of a feed. */
export interface FeedEvent {
  /** Stable across versions, unique across summits (`…@sideline`). */
  uid: string;
  start: Instant;
  end: Instant;
  summary: string;
  location: string | null;
  description: string | null;
  /** Confirmed by every party, or placed but not yet confirmed. */
  status: 'confirmed' | 'tentative';
  /** Grows with each change, so calendar clients take the new version. */
  sequence: number;
}

/** A whole feed: its name, the summit's zone, when it was made, and its events. */
export interface Feed {
  name: string;
  zone: string;
  stamp: Instant;
  events: FeedEvent[];
}

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** True when the local time of `dt` occurs twice in its zone. */
function ambiguous(dt: DateTime): boolean {
  return dt.getPossibleOffsets().length > 1;
}

/** The iCalendar text of a feed. */
export function renderFeed(feed: Feed): string {
  // The zone goes on each event, not on the calendar: ical-generator would then write DTSTAMP in
  // local time, where RFC 5545 wants UTC. The VTIMEZONE is added below.
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'sideline', product: 'feed', language: 'EN' },
  });
  const stamp = new Date(feed.stamp);
  for (const e of feed.events) {
    const start = DateTime.fromISO(e.start, { zone: feed.zone });
    const end = DateTime.fromISO(e.end, { zone: feed.zone });
    // A wall-clock time the zone shows twice (the hour clocks go back) would be read as either
    // instant: such an event is written in UTC instead, which means one thing only.
    const local = !ambiguous(start) && !ambiguous(end);
    calendar.createEvent({
      id: e.uid,
      start: local ? start : new Date(e.start),
      end: local ? end : new Date(e.end),
      timezone: local ? feed.zone : null,
      stamp,
      sequence: e.sequence,
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: e.status === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  const text = calendar.toString();
  const times = feed.events.flatMap((e) => [Date.parse(e.start), Date.parse(e.end)]);
  const from = Math.min(Date.parse(feed.stamp), ...times) - YEAR_MS;
  const to = Math.max(Date.parse(feed.stamp), ...times) + YEAR_MS;
  const zone = [...vtimezoneLines(feed.zone, from, to), `X-WR-TIMEZONE:${feed.zone}`];
  // VTIMEZONE components come before the events that use them
  const at = text.indexOf('BEGIN:VEVENT');
  const cut = at >= 0 ? at : text.lastIndexOf('END:VCALENDAR');
  return `${text.slice(0, cut)}${zone.join('\r\n')}\r\n${text.slice(cut)}`;
}
