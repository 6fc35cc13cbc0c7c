// What a meeting's parties must be told about it beyond its slot: it was bumped (moved or taken off,
// with why and an alternative), it is broken (it breaks a rule as it stands), or its confirmation is
// overdue. A notice speaks of one placement of the meeting; once the meeting is placed anew it is old.
import { z } from 'zod';
import { DelegationId, RequestId, RoomId, UserId } from '../ids.js';
import { Instant } from '../time.js';
import { Version } from '../summit/schema.js';

/** A slot: start, end and room (null for a pull-aside). */
export const NoticeSlot = z.object({ start: Instant, end: Instant, room: RoomId.nullable() });
export type NoticeSlot = z.infer<typeof NoticeSlot>;

/** A broken rule as the checker words it, in words every reader of the meeting may see. */
export const NoticeProblem = z.object({ rule: z.string(), message: z.string() });
export type NoticeProblem = z.infer<typeof NoticeProblem>;

/** Who or what bumped a meeting: the planner, the host, a party (of a confidential meeting), a change of presence, the confirmation deadline. */
export const BumpCause = z.enum(['planner', 'host', 'party', 'presence', 'deadline']);
export type BumpCause = z.infer<typeof BumpCause>;

/** Why a meeting was moved or taken off, and the slot offered instead. */
export const Bump = z.object({
  kind: z.literal('bumped'),
  cause: BumpCause,
  /** The rule it broke where it was, or by which another took its place, if one. */
  rule: z.string().nullable(),
  /** The request that took its place, if one; named only to a reader who may see that request. */
  for: RequestId.nullable(),
  /** What happened, in words every reader of the meeting may see (`usa-potus is needed then`). */
  detail: z.string(),
  /** The host's own words, where the host moved it (required inside the notice period). */
  stated: z.string().nullable(),
  /** Where it was. */
  previous: NoticeSlot,
  /** The engine's best slot for it at that moment, offered to take in one step; null when none. */
  alternative: NoticeSlot.nullable(),
  by: UserId,
});
export type Bump = z.infer<typeof Bump>;

/** A meeting that breaks a hard rule as it stands (a forced change, a change of presence…). */
export const Broken = z.object({
  kind: z.literal('broken'),
  problems: z.array(NoticeProblem).min(1),
  /** The change that broke it, in words ("person rus-president changed"). */
  cause: z.string(),
  /** True when its writer was told and said `force`. */
  forced: z.boolean(),
  by: UserId,
});
export type Broken = z.infer<typeof Broken>;

/** A meeting not confirmed by every party when its day's confirmation deadline passed. */
export const Overdue = z.object({
  kind: z.literal('overdue'),
  deadline: Instant,
  /** The parties that had not confirmed its slot. */
  missing: z.array(DelegationId).min(1),
  /** True when the summit releases such slots and this one was taken off. */
  released: z.boolean(),
});
export type Overdue = z.infer<typeof Overdue>;

export const NoticeDetail = z.discriminatedUnion('kind', [Bump, Broken, Overdue]);
export type NoticeDetail = z.infer<typeof NoticeDetail>;
export type NoticeKind = NoticeDetail['kind'];

/**
 * One notice of one request's meeting. `start` and `room` name the placement it speaks of: the
 * meeting's slot then, or null start when the meeting was taken off (a bump or a release).
 */
export const MeetingNotice = z.object({
  request: RequestId,
  start: Instant.nullable(),
  room: RoomId.nullable(),
  at: Instant,
  detail: NoticeDetail,
  version: Version,
});
export type MeetingNotice = z.infer<typeof MeetingNotice>;

/** True when the notice still speaks of the request's meeting as it is (or of its absence). */
export function noticeIsCurrent(
  notice: Pick<MeetingNotice, 'start' | 'room'>,
  meeting: { start: Instant; room: string | null } | null,
): boolean {
  if (notice.start === null) return meeting === null;
  return meeting !== null && meeting.start === notice.start && meeting.room === notice.room;
}
