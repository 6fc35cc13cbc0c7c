// Parties accept a meeting's slot; when all have, the request is confirmed. Then it may be announced.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import { confirmSlot } from '../../domain/meeting/slot.js';
import type { Request } from '../../domain/request/schema.js';
import { actingDelegation, partiesScope, requireCapability } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { StaleVersionError } from '../../store/store.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadVisibleRequest } from '../requests/load.js';
import { saveRequest } from '../requests/write.js';
import { requireMeeting } from './place.js';
import { requireDecisionAllows } from '../deliberation/gate.js';
import type { OverrideInput } from '../../domain/deliberation/gate.js';

/**
 * A party accepts the slot; the last party's acceptance confirms the request. `expectedVersion` is
 * the meeting's version the caller read; `expectedRequestVersion` the request's (a transition). The
 * delegation's recorded decision gates it (requireDecisionAllows).
 */
export function confirmMeeting(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  options: {
    expectedVersion?: number;
    expectedRequestVersion?: number;
    actingFor?: DelegationId;
    /** The delegation lead's override of a decision that stands against confirming. */
    override?: OverrideInput;
  } = {},
): Promise<{ meeting: Meeting; request: Request }> {
  return writeWithEvents(ctx, async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const expected = options.expectedRequestVersion;
    if (expected !== undefined && expected !== request.version) {
      throw new StaleVersionError('request', requestId, expected, request.version);
    }
    const delegation = actingDelegation(actor, summit, partiesOf(request), options.actingFor);
    requireCapability(actor, summit, 'act-on-request', delegation);
    const meeting = await requireMeeting(tx, summit, requestId);
    // The domain records the party on the meeting and confirms the request on the last acceptance.
    const next = confirmSlot(request, meeting, conditions, { actor, summit, delegation }, ctx.now());
    await requireDecisionAllows(tx, ctx, actor, summit, request.id, delegation, 'confirm', options.override);
    const stored = await tx.meetings.update(summit, {
      ...next.meeting,
      version: options.expectedVersion ?? meeting.version,
    });
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'meeting.slot-accepted', {
      request: request.id,
      delegation,
    });
    const current =
      next.request.status === request.status
        ? request
        : await saveRequest(tx, ctx, actor, summit, request, next.request, ['confirm'], undefined);
    return { meeting: stored, request: current };
  });
}

/** A party announces a confirmed meeting: from then on every participant sees it. */
export function announceMeeting(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  options: { expectedVersion?: number; actingFor?: DelegationId } = {},
): Promise<Meeting> {
  return writeWithEvents(ctx, async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    const delegation = actingDelegation(actor, summit, partiesOf(request), options.actingFor);
    requireCapability(actor, summit, 'act-on-request', delegation);
    const meeting = await requireMeeting(tx, summit, requestId);
    if (request.status !== 'confirmed' && request.status !== 'held') {
      throw new ConflictError(
        `meeting ${requestId} is not confirmed by every party yet; it cannot be announced`,
        'not-confirmed',
      );
    }
    if (meeting.announced)
      throw new ConflictError(`meeting ${requestId} is already announced`, 'already-announced');
    const stored = await tx.meetings.update(summit, {
      ...meeting,
      announced: true,
      version: options.expectedVersion ?? meeting.version,
    });
    await recordEvent(tx, ctx, actor, summit, { kind: 'summit' }, 'meeting.announced', {
      request: request.id,
      parties: partiesOf(request),
      start: stored.start,
      end: stored.end,
    });
    return stored;
  });
}
