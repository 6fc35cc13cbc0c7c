// A request's meeting notices as one reader may see them: a bump names the request that took the
// meeting's place only to a reader who may see that request.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, RequestId, SummitId, UserId } from '../../domain/ids.js';
import { bumpReason } from '../../domain/meeting/bump-words.js';
import type { BumpCause, NoticeProblem, NoticeSlot } from '../../domain/meeting/notice.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Instant } from '../../domain/time.js';
import type { Tx } from '../../store/store.js';
import { canSeeRequest } from '../access.js';
import { currentNotices, noticeOf } from './notices.js';

/** Why the meeting was moved or taken off, and the slot offered instead. */
export interface BumpView {
  at: Instant;
  cause: BumpCause;
  /** True when it was moved (it is on the calendar elsewhere), false when it was taken off. */
  moved: boolean;
  rule: string | null;
  /** The request that took its place, when the reader may see it. */
  for: RequestId | null;
  /** One sentence in the reader's words. */
  reason: string;
  previous: NoticeSlot;
  /** The engine's best slot for it when it was bumped: take it with POST …/meeting/alternative. */
  alternative: NoticeSlot | null;
  by: UserId;
}

/** The rules the meeting breaks where it stands. */
export interface BrokenView {
  at: Instant;
  problems: NoticeProblem[];
  cause: string;
  forced: boolean;
}

/** Its day's confirmation deadline passed before every party confirmed its slot. */
export interface OverdueView {
  at: Instant;
  deadline: Instant;
  missing: DelegationId[];
  released: boolean;
}

/** What a request's parties are told of its meeting beyond its slot. */
export interface MeetingNotices {
  bumped: BumpView | null;
  broken: BrokenView | null;
  overdue: OverdueView | null;
}

/** No notices. */
export const NO_NOTICES: MeetingNotices = { bumped: null, broken: null, overdue: null };

/** The current notices of a request's meeting (`meeting` as it is, or null) as `actor` may see them. */
export async function noticesSeenBy(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  request: string,
  meeting: Pick<Meeting, 'start' | 'room'> | null,
): Promise<MeetingNotices> {
  const notices = await currentNotices(tx, summit, request, meeting);
  return {
    bumped: await bumpSeen(tx, actor, summit, noticeOf(notices, 'bumped')),
    broken: brokenSeen(noticeOf(notices, 'broken')),
    overdue: overdueSeen(noticeOf(notices, 'overdue')),
  };
}

async function bumpSeen(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  notice: ReturnType<typeof noticeOf<'bumped'>>,
): Promise<BumpView | null> {
  if (!notice) return null;
  const b = notice.detail;
  const taker = b.for === null ? undefined : await tx.requests.get(summit, b.for);
  const showFor = taker !== undefined && canSeeRequest(actor, summit, taker);
  const moved = notice.start !== null;
  return {
    at: notice.at,
    cause: b.cause,
    moved,
    // a hidden taker is not hinted at either: no rule that says whose time or which room it took
    rule: b.for !== null && !showFor ? null : b.rule,
    for: showFor ? b.for : null,
    reason: bumpReason(b, moved, showFor),
    previous: b.previous,
    alternative: b.alternative,
    by: b.by,
  };
}

function brokenSeen(notice: ReturnType<typeof noticeOf<'broken'>>): BrokenView | null {
  if (!notice) return null;
  const { problems, cause, forced } = notice.detail;
  return { at: notice.at, problems, cause, forced };
}

function overdueSeen(notice: ReturnType<typeof noticeOf<'overdue'>>): OverdueView | null {
  if (!notice) return null;
  const { deadline, missing, released } = notice.detail;
  return { at: notice.at, deadline, missing, released };
}
