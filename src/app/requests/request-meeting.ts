// A delegation asks one or more others for a meeting.
import type { Actor } from '../../domain/actor/schema.js';
import { ConditionId, RequestId, type DelegationId, type SummitId } from '../../domain/ids.js';
import { proposeCondition } from '../../domain/request/conditions.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { NotFoundError } from '../../store/store.js';
import { actingDelegation, partiesScope, requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError, type Issue } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { NewRequest } from './inputs.js';
import { requireValidTerms, termsWarnings } from './terms.js';

/** Creates a request (a draft, or submitted at once) with its first conditions, and what it should be told. */
export async function requestMeeting(
  ctx: AppContext,
  actor: Actor,
  summitId: SummitId,
  input: unknown,
): Promise<{ request: Request; conditions: Condition[]; warnings: Issue[] }> {
  const data = parseInput(NewRequest, input);
  requireParticipant(actor, summitId);
  return writeWithEvents(ctx, async (tx) => {
    const summit = await tx.summits.get(summitId);
    if (!summit) throw new NotFoundError('summit', summitId);
    const from = data.from ?? actingDelegation(actor, summitId, null);
    requireCapability(actor, summitId, 'act-on-request', from);
    const issues = requestIdIssues(actor, data.id, from);
    await requireValidTerms(tx, summit, { ...data, from }, issues);
    const id = data.id ?? RequestId.parse(`${from}-${data.to.join('-')}-${ctx.newId().slice(0, 8)}`);
    if (await tx.requests.get(summitId, id))
      throw new ValidationError([{ path: 'id', message: `request "${id}" already exists` }]);
    const acting = { actor, summit: summitId, delegation: from };
    // The rules have checked the order of every window.
    let request: Request = {
      id,
      from,
      to: data.to,
      format: data.format,
      level: data.level,
      minutes: data.minutes,
      priority: data.priority,
      topics: data.topics,
      attendees: data.attendees,
      seats: data.seats,
      venue: data.venue,
      allowed: data.allowed,
      preferred: data.preferred,
      status: 'draft',
      acceptedBy: [],
      downgrade: null,
      confidential: data.confidential,
      needs: data.needs,
      press: data.press,
      version: 1,
    };
    const now = ctx.now();
    if (data.submit) request = applyTransition(request, [], 'submit', acting, now);
    let conditions: Condition[] = [];
    data.conditions.forEach((c, i) => {
      const cid = c.id ?? ConditionId.parse(`c${i + 1}`);
      const change = proposeCondition(
        request,
        conditions,
        { id: cid, kind: c.kind, text: c.text },
        acting,
        now,
      );
      request = change.request;
      conditions = [...conditions, ...change.conditions];
    });
    const stored = await tx.requests.insert(summitId, request);
    for (const c of conditions) await tx.conditions.insert(summitId, c);
    await recordEvent(tx, ctx, actor, summitId, partiesScope(stored), 'request.created', {
      request: stored.id,
      from,
      to: stored.to,
      status: stored.status,
      conditions: conditions.map((c) => c.id),
    });
    // Taken, but told what protocol would question (a rank mismatch under rankParity: warn).
    return { request: stored, conditions, warnings: await termsWarnings(tx, summit, stored) };
  });
}

/**
 * A delegation names its requests in its own space (`usa-…` for the US), so a chosen id can never
 * meet another delegation's request, and whether an id is taken tells nothing of requests hidden
 * from the asker (the system, which sees everything, may name them freely).
 */
export function requestIdIssues(actor: Actor, id: string | undefined, from: DelegationId): Issue[] {
  if (actor.system || id === undefined || id.startsWith(`${from}-`)) return [];
  return [{ path: 'id', message: `a request's id starts with its requester's id and a dash ("${from}-")` }];
}
