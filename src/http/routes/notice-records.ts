// The schemas of a meeting's notices as the API answers them (app/meetings/notice-view.ts).
import { z } from 'zod';
import { DelegationId, RequestId, RoomId, UserId } from '../../domain/ids.js';
import { BumpCause } from '../../domain/meeting/notice.js';
import { Instant } from '../../domain/time.js';

/** A slot of a notice. */
export const NoticeSlotRecord = z
  .object({ start: Instant, end: Instant, room: RoomId.nullable() })
  .meta({ id: 'NoticeSlot' });

const BumpRecord = z
  .object({
    at: Instant,
    cause: BumpCause.describe(
      'Who or what moved it: the planner, the host, a change of presence, the deadline',
    ),
    moved: z.boolean().describe('true: moved elsewhere; false: taken off the calendar'),
    rule: z
      .string()
      .nullable()
      .describe('The rule it broke where it was, or by which another took its place'),
    for: RequestId.nullable().describe('The request that took its place, when you may see it'),
    reason: z
      .string()
      .describe('One sentence; "for a higher-priority engagement" where the request is not yours to see'),
    previous: NoticeSlotRecord,
    alternative: NoticeSlotRecord.nullable().describe(
      "The engine's best slot for it when it was bumped: take it with POST …/meeting/alternative",
    ),
    by: UserId,
  })
  .meta({ id: 'BumpNotice' });

const BrokenRecord = z
  .object({
    at: Instant,
    problems: z.array(z.object({ rule: z.string(), message: z.string() })),
    cause: z.string().describe('The change that broke it'),
    forced: z.boolean().describe('true: its writer was told it breaks this meeting and said force'),
  })
  .meta({ id: 'BrokenNotice' });

const OverdueRecord = z
  .object({
    at: Instant,
    deadline: Instant,
    missing: z.array(DelegationId).describe('The parties that had not confirmed the slot'),
    released: z.boolean().describe('true: the summit releases such slots, and this one was taken off'),
  })
  .meta({ id: 'OverdueNotice' });

/** What a request's parties are told of its meeting beyond its slot. */
export const MeetingNoticesRecord = z
  .object({
    bumped: BumpRecord.nullable(),
    broken: BrokenRecord.nullable().describe('It breaks a hard rule where it stands'),
    overdue: OverdueRecord.nullable().describe(
      "Its day's confirmation deadline passed before every party confirmed",
    ),
  })
  .meta({ id: 'MeetingNotices' });
