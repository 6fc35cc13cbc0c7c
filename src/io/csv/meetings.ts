// Exporting meetings as CSV for spreadsheets: one row per meeting, times local to the summit.
import type { Meeting } from '../../domain/meeting/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { fileTimeIn } from '../summit-file/file-time.js';
import { csvText } from './rfc4180.js';

/** The columns of the meetings export, in order. */
export const MEETING_COLUMNS = ['request', 'parties', 'start', 'end', 'room', 'venue', 'attendees'] as const;

/**
 * The CSV text (RFC 4180) of `meetings` of a summit: request id, parties (requester first,
 * `;`-separated), start and end as local `YYYY-MM-DDTHH:MM`, room, venue (the room's, or a
 * pull-aside's own) and attendees (`;`-separated person ids). The lists use the separators the
 * requests import reads.
 */
export function writeMeetingsCsv(data: SummitData, meetings: readonly Meeting[] = data.meetings): string {
  return csvText(meetingRows(data, meetings));
}

/** The rows of the meetings export, header first: what writeMeetingsCsv writes, for any sheet. */
export function meetingRows(data: SummitData, meetings: readonly Meeting[] = data.meetings): string[][] {
  const time = fileTimeIn(data.summit.timezone);
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const rooms = new Map(data.rooms.map((r) => [r.id as string, r]));
  const rows = meetings.map((m) => {
    const request = requests.get(m.request);
    const room = m.room === null ? undefined : rooms.get(m.room);
    return [
      m.request,
      request ? [request.from, ...request.to].join(';') : '',
      time(m.start),
      time(m.end),
      m.room ?? '',
      room?.venue ?? request?.venue ?? '',
      request ? request.attendees.join(';') : '',
    ];
  });
  return [[...MEETING_COLUMNS], ...rows];
}
