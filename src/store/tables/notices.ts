// Meeting notices: what a meeting's parties must be told beyond its slot, one per request and kind.
import type { RequestId, RoomId } from '../../domain/ids.js';
import type { MeetingNotice, NoticeDetail, NoticeKind } from '../../domain/meeting/notice.js';
import type { Instant } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { json, parseJson } from './columns.js';
import type { MeetingNoticeRow } from './rows.js';
import type { TableContext } from './versioned.js';

/** A meeting_notices row as a MeetingNotice. */
export function rowToNotice(row: MeetingNoticeRow): MeetingNotice {
  return {
    request: row.request_id as RequestId,
    start: row.starts_at as Instant | null,
    room: row.room_id as RoomId | null,
    at: row.at as Instant,
    detail: parseJson<NoticeDetail>(row.detail),
    version: row.version,
  };
}

/** The notices member of a transaction, keyed by request and kind. */
export function noticesTable(ctx: TableContext): Tx['notices'] {
  const collection = summitCollection<MeetingNotice, { request: string; kind: NoticeKind }, MeetingNoticeRow>(
    ctx,
    {
      table: 'meeting_notices',
      entity: 'meeting notice',
      keyOf: (n) => ({ request: n.request, kind: n.detail.kind }),
      keyColumns: (key) => ({ request_id: key.request, kind: key.kind }),
      describe: (key) => `${key.request}/${key.kind}`,
      toRow: (n) => ({
        request_id: n.request,
        kind: n.detail.kind,
        starts_at: n.start,
        room_id: n.room,
        at: n.at,
        detail: json(n.detail),
      }),
      fromRow: rowToNotice,
      order: ['request_id', 'kind'],
    },
  );
  return {
    ...collection,
    listFor: (summit, request) => collection.listWhere(summit, { request_id: request }),
  };
}
