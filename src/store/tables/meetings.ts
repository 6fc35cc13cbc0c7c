// Meetings: requests placed on the calendar, one per request.
import type { DelegationId, RequestId, RoomId } from '../../domain/ids.js';
import type { Meeting, MeetingOutcome } from '../../domain/meeting/schema.js';
import type { Instant } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { flag, json, jsonOrNull, parseJson, parseJsonOrNull } from './columns.js';
import type { MeetingRow } from './rows.js';
import type { TableContext } from './versioned.js';

/** A meetings row as a Meeting. */
export function rowToMeeting(row: MeetingRow): Meeting {
  const outcome = parseJsonOrNull<MeetingOutcome>(row.outcome);
  return {
    request: row.request_id as RequestId,
    start: row.starts_at as Instant,
    end: row.ends_at as Instant,
    room: row.room_id as RoomId | null,
    pinned: row.pinned === 1,
    confirmedBy: parseJson<DelegationId[]>(row.confirmed_by),
    announced: row.announced === 1,
    ...(outcome === null ? {} : { outcome }),
    version: row.version,
  };
}

/** The meetings member of a transaction, keyed by request id. */
export function meetingsTable(ctx: TableContext): Tx['meetings'] {
  return summitCollection<Meeting, string, MeetingRow>(ctx, {
    table: 'meetings',
    entity: 'meeting',
    keyOf: (meeting) => meeting.request,
    keyColumns: (request) => ({ request_id: request }),
    describe: (request) => request,
    toRow: (meeting) => ({
      request_id: meeting.request,
      starts_at: meeting.start,
      ends_at: meeting.end,
      room_id: meeting.room,
      pinned: flag(meeting.pinned),
      confirmed_by: json(meeting.confirmedBy),
      announced: flag(meeting.announced),
      outcome: jsonOrNull(meeting.outcome),
    }),
    fromRow: rowToMeeting,
    order: ['starts_at', 'request_id'],
    // PostgreSQL's deferred room exclusion may not decide what a duplicate is; the key does.
    keyIsArbiter: true,
  });
}
