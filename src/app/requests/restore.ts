// When a request that kept its meeting while its parties consented again is agreed once more, the
// meeting is restored (scheduled, or confirmed if every party had confirmed its slot) where it still
// fits, and taken off where it no longer does.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { ActorContext } from '../../domain/request/acting.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Tx } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../events/record.js';
import { violationsOf } from '../meetings/rules.js';
import { planningInput } from '../planning/plan.js';
import { loadSummitData } from '../summit/load.js';
import { saveRequest } from './write.js';

/**
 * Follows a stored request that is `agreed` and still has a meeting (kept through an edit or a new
 * condition): restores it through the life cycle's restore when the meeting still fits, else takes
 * the meeting off (recorded, by rule name) and leaves the request agreed, waiting for a slot. Any
 * other request is returned as it is. Inside the caller's writeWithEvents transaction.
 */
export async function restoreMeeting(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  request: Request,
  conditions: readonly Condition[],
  acting: ActorContext,
): Promise<Request> {
  if (request.status !== 'agreed') return request;
  const meeting = await tx.meetings.get(summit, request.id);
  if (!meeting) return request;
  await tx.lockSummit(summit);
  const data = planningInput(await loadSummitData(tx, summit));
  const violations = violationsOf(data, {
    request: request.id,
    start: meeting.start,
    end: meeting.end,
    room: meeting.room,
  });
  if (violations.length === 0) {
    const next = applyTransition(request, conditions, { name: 'restore', meeting }, acting, ctx.now());
    return saveRequest(tx, ctx, actor, summit, request, next, ['restore'], undefined);
  }
  await tx.meetings.remove(summit, meeting.request, meeting.version);
  const rules = [...new Set(violations.map((v) => v.rule))];
  await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.removed', {
    request: request.id,
    by: 'consent',
    reason: `agreed again, it no longer fits where it was kept (${rules.join(', ')})`,
    rules,
  });
  return request;
}
