// A meeting that breaks a hard rule where it stands is flagged (a `broken` notice) and its parties are
// told (`meeting.broken`); once nothing is broken any more the flag goes (`meeting.mended`).
import type { Actor } from '../../domain/actor/schema.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Violation } from '../../engine/check/violation.js';
import type { Tx } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../events/record.js';
import { redactForReaders } from './readers.js';
import { currentNotices, dropNotice, noticeOf, putNotice } from './notices.js';

/** Why a meeting is flagged: the change that broke it, and whether its writer forced it through. */
export interface BreakCause {
  cause: string;
  forced: boolean;
}

/**
 * Flags a meeting as broken by `violations` (every rule it breaks now) and tells its parties, in
 * words every reader of its records may see (another's private commitment is "a private commitment").
 */
export async function flagBroken(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  broken: { meeting: Meeting; request: Request; violations: Violation[] },
  why: BreakCause,
): Promise<void> {
  const { meeting, request, violations } = broken;
  await putNotice(tx, data.summit.id, {
    request: request.id,
    start: meeting.start,
    room: meeting.room,
    at: ctx.now(),
    detail: {
      kind: 'broken',
      problems: violations.map((v) => ({ rule: v.rule, message: v.message })),
      cause: why.cause,
      forced: why.forced,
      by: actor.user,
    },
  });
  const problems = redactForReaders(data, request, violations).map((v) => ({
    rule: v.rule,
    message: v.message,
  }));
  await recordEvent(tx, ctx, actor, data.summit.id, partiesScope(request), 'meeting.broken', {
    request: request.id,
    start: meeting.start,
    end: meeting.end,
    room: meeting.room,
    rules: [...new Set(problems.map((p) => p.rule))],
    problems,
    cause: why.cause,
    forced: why.forced,
  });
}

/** Lifts a meeting's broken flag, if it has a current one, and tells its parties. */
export async function mendBroken(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  meeting: Meeting,
  request: Request,
): Promise<void> {
  const current = noticeOf(await currentNotices(tx, data.summit.id, request.id, meeting), 'broken');
  if (!current) return;
  await dropNotice(tx, data.summit.id, request.id, 'broken');
  await recordEvent(tx, ctx, actor, data.summit.id, partiesScope(request), 'meeting.mended', {
    request: request.id,
    start: meeting.start,
    end: meeting.end,
    room: meeting.room,
  });
}

/**
 * Brings the broken flags of the meetings in force in line with what they break now (`after`, by
 * request): flags each that breaks a rule and is not flagged yet (`cause` says what found it), and
 * lifts the flag of each that breaks none any more. For writes that judged the whole calendar (a plan).
 */
export async function settleBrokenFlags(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  after: ReadonlyMap<string, Violation[]>,
  cause: string,
): Promise<void> {
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  for (const meeting of await tx.meetings.list(data.summit.id)) {
    const request = requests.get(meeting.request);
    if (!request || (request.status !== 'scheduled' && request.status !== 'confirmed')) continue;
    const violations = after.get(request.id) ?? [];
    const flagged = noticeOf(await currentNotices(tx, data.summit.id, request.id, meeting), 'broken');
    if (violations.length > 0 && !flagged) {
      await flagBroken(tx, ctx, actor, data, { meeting, request, violations }, { cause, forced: false });
    } else if (violations.length === 0 && flagged) {
      await mendBroken(tx, ctx, actor, data, meeting, request);
    }
  }
}
