// What happened at a meeting once it started: a party or the host's staff record it as held, held
// late, a no-show or a late cancellation (and may correct it); the request follows to held or not-held.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { DelegationId, type SummitId } from '../../domain/ids.js';
import { outcomeIssues, recordOutcome } from '../../domain/meeting/outcome.js';
import { OutcomeKind, type Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import { StaleVersionError } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadVisibleRequest } from '../requests/load.js';
import { saveRequest } from '../requests/write.js';
import { parseInput } from '../validate.js';
import { requireMeeting } from './place.js';

/** What happened, as a user states it. */
export const OutcomeInput = z.strictObject({
  kind: OutcomeKind,
  lateMinutes: z.number().int().min(1).max(1440).nullable().default(null),
  /** no-show: the parties that did not come; cancelled-late: the party that cancelled; held-late: who was late. */
  by: z.array(DelegationId).default([]),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type OutcomeInput = z.input<typeof OutcomeInput>;

/** Which version the caller read: the meeting's (its own route) or the request's (a transition). */
export interface OutcomeOptions {
  expectedMeetingVersion?: number;
  expectedRequestVersion?: number;
  actingFor?: DelegationId;
}

/**
 * Records (or corrects) what happened at a request's meeting, after its start. Who may and when is
 * the life cycle's hold and miss rows: a party's lead or protocol officer, or the host's staff.
 * Writes the meeting's outcome and the request's state with their events, in one transaction.
 */
export async function recordMeetingOutcome(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: OutcomeOptions = {},
): Promise<{ meeting: Meeting; request: Request }> {
  const data = parseInput(OutcomeInput, input);
  return writeWithEvents(ctx, async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const expected = options.expectedRequestVersion;
    if (expected !== undefined && expected !== request.version) {
      throw new StaleVersionError('request', requestId, expected, request.version);
    }
    const meeting = await requireMeeting(tx, summit, requestId);
    const acting = { actor, summit, ...(options.actingFor ? { delegation: options.actingFor } : {}) };
    // who may and when first (the life cycle), then what the input says
    const next = recordOutcome(request, meeting, conditions, data, acting, ctx.now());
    const issues = outcomeIssues(request, data);
    if (issues.length > 0) throw new ValidationError(issues);
    const stored = await tx.meetings.update(summit, {
      ...next.meeting,
      version: options.expectedMeetingVersion ?? meeting.version,
    });
    const transition = next.request.status === 'held' ? 'hold' : 'miss';
    const current = await saveRequest(tx, ctx, actor, summit, request, next.request, [transition], undefined);
    const { kind, lateMinutes, by, note } = next.meeting.outcome!;
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.outcome-recorded', {
      request: request.id,
      kind,
      lateMinutes,
      by,
      note,
      ...(meeting.outcome
        ? {
            previous: {
              kind: meeting.outcome.kind,
              lateMinutes: meeting.outcome.lateMinutes,
              by: meeting.outcome.by,
            },
          }
        : {}),
    });
    return { meeting: stored, request: current };
  });
}
