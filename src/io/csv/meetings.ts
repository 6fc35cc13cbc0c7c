// Exporting meetings as CSV for spreadsheets: one row per meeting, in names and summit time, with
// the request's id last for those who look it up on the command line.
import type { Meeting } from '../../domain/meeting/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { summitNames } from '../../domain/words/names.js';
import { clock, localDate } from '../../domain/words/summit-time.js';
import { DateTime } from 'luxon';
import { csvText } from './rfc4180.js';

/** The columns of the meetings export, in order. */
export const MEETING_COLUMNS = [
  'meeting',
  'date',
  'start',
  'end',
  'utc offset',
  'room',
  'venue',
  'parties',
  'attendees',
  'request',
] as const;

/** "+07:00": the zone's offset from UTC at an instant. */
function offset(instant: string, zone: string): string {
  return DateTime.fromISO(instant).setZone(zone).toFormat('ZZ');
}

/**
 * The CSV text (RFC 4180) of `meetings` of a summit, one row each: its title as calendars show it
 * ("Bilateral meeting: United States – Japan"), the local date, start and end times (`HH:MM`) in
 * the summit's zone with its UTC offset at the start (which tells apart the two 01:30s of a night
 * the clocks go back), room and venue names, parties and attendees by name (`; `-separated), and
 * the request's id.
 */
export function writeMeetingsCsv(data: SummitData, meetings: readonly Meeting[] = data.meetings): string {
  return csvText(meetingRows(data, meetings));
}

/** The rows of the meetings export, header first: what writeMeetingsCsv writes, for any sheet. */
export function meetingRows(data: SummitData, meetings: readonly Meeting[] = data.meetings): string[][] {
  const zone = data.summit.timezone;
  const names = summitNames(data, zone);
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const rooms = new Map(data.rooms.map((r) => [r.id as string, r]));
  const rows = meetings.map((m) => {
    const request = requests.get(m.request);
    const room = m.room === null ? undefined : rooms.get(m.room);
    const venue = room?.venue ?? request?.venue ?? null;
    const endsNextDay = localDate(m.end, zone) !== localDate(m.start, zone) && clock(m.end, zone) === '00:00';
    return [
      names.meeting(m.request),
      localDate(m.start, zone),
      clock(m.start, zone),
      endsNextDay ? '24:00' : clock(m.end, zone),
      offset(m.start, zone),
      m.room === null ? '' : names.room(m.room),
      venue === null ? '' : names.venue(venue),
      request ? [request.from, ...request.to].map(names.delegation).join('; ') : '',
      request ? request.attendees.map(names.person).join('; ') : '',
      m.request,
    ];
  });
  return [[...MEETING_COLUMNS], ...rows];
}
