// Lists and reads requests, filtered by what the actor may see.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { allowedTransitions } from '../../domain/request/transition.js';
import { isParty } from '../../domain/request/agreement.js';
import type { TransitionName } from '../../domain/request/lifecycle.js';
import type { Condition, Request, RequestStatus } from '../../domain/request/schema.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { canSeeRequest, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import type { Issue } from '../errors.js';
import { loadVisibleRequest } from './load.js';
import { termsWarnings } from './terms.js';
import { noticesSeenBy, type MeetingNotices } from '../meetings/notice-view.js';

/** Filters for a request list. */
export interface RequestFilter {
  status?: RequestStatus;
  /** Only requests this delegation is party to. */
  party?: DelegationId;
}

/** The requests the actor may see, in id order. */
export function listRequests(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  filter: RequestFilter = {},
): Promise<Request[]> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) =>
    (await tx.requests.list(summit))
      .filter((r) => canSeeRequest(actor, summit, r))
      .filter((r) => !filter.status || r.status === filter.status)
      .filter((r) => !filter.party || isParty(r, filter.party))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
}

/** A request with its conditions, its meeting, what its parties are told of it, and what the actor may do next. */
export interface RequestView {
  request: Request;
  conditions: Condition[];
  meeting: Meeting | null;
  /** Bumped (why, and the slot offered), broken, confirmation overdue: as the actor may see them. */
  notices: MeetingNotices;
  allowed: TransitionName[];
  /** What the request should be told though it stands: its rank mismatch under `rankParity: warn`. */
  warnings: Issue[];
}

/** One request the actor may see; "not found" otherwise. */
export function getRequest(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
): Promise<RequestView> {
  return ctx.store.read(async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, id);
    const meeting = (await tx.meetings.get(summit, id)) ?? null;
    const allowed = allowedTransitions(request, conditions, { actor, summit }, { meeting, now: ctx.now() });
    const notices = await noticesSeenBy(tx, actor, summit, id, meeting);
    const settings = await tx.summits.get(summit);
    const warnings = settings ? await termsWarnings(tx, settings, request) : [];
    return { request, conditions, meeting, notices, allowed, warnings };
  });
}
