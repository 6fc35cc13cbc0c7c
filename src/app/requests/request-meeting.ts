// A delegation asks one or more others for a meeting.
import type { Actor } from '../../domain/actor/schema.js';
import { ConditionId, RequestId, type DelegationId, type SummitId } from '../../domain/ids.js';
import { proposeCondition } from '../../domain/request/conditions.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import type { Tx } from '../../store/store.js';
import { NotFoundError } from '../../store/store.js';
import { actingDelegation, partiesScope, requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError, type Issue } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { NewRequest } from './inputs.js';

/** Creates a request (a draft, or submitted at once) with its first conditions. */
export async function requestMeeting(
  ctx: AppContext,
  actor: Actor,
  summitId: SummitId,
  input: unknown,
): Promise<{ request: Request; conditions: Condition[] }> {
  const data = parseInput(NewRequest, input);
  requireParticipant(actor, summitId);
  return writeWithEvents(ctx, async (tx) => {
    const summit = await tx.summits.get(summitId);
    if (!summit) throw new NotFoundError('summit', summitId);
    const from = data.from ?? actingDelegation(actor, summitId, null);
    requireCapability(actor, summitId, 'act-on-request', from);
    const issues = requestIdIssues(actor, data.id, from);
    await checkReferences(tx, summitId, { ...data, from }, summit.grainMinutes, issues);
    const id = data.id ?? RequestId.parse(`${from}-${data.to.join('-')}-${ctx.newId().slice(0, 8)}`);
    if (await tx.requests.get(summitId, id))
      throw new ValidationError([{ path: 'id', message: `request "${id}" already exists` }]);
    const acting = { actor, summit: summitId, delegation: from };
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
    return { request: stored, conditions };
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

/** Every reference of a new request must resolve; all failures are reported together with `issues`. */
async function checkReferences(
  tx: Tx,
  summit: SummitId,
  data: {
    from: DelegationId;
    to: DelegationId[];
    attendees: string[];
    venue: string | null;
    minutes: number;
    format: string;
  },
  grain: number,
  issues: Issue[],
): Promise<void> {
  const [delegations, persons, venues] = await Promise.all([
    tx.delegations.list(summit),
    tx.persons.list(summit),
    tx.venues.list(summit),
  ]);
  const delegationIds = new Set(delegations.map((d) => d.id as string));
  if (!delegationIds.has(data.from))
    issues.push({ path: 'from', message: `unknown delegation "${data.from}"` });
  data.to.forEach((d, i) => {
    if (!delegationIds.has(d)) issues.push({ path: `to[${i}]`, message: `unknown delegation "${d}"` });
    if (d === data.from)
      issues.push({ path: `to[${i}]`, message: 'a delegation cannot request a meeting with itself' });
  });
  if (data.format === 'multilateral' && new Set([data.from, ...data.to]).size < 3) {
    issues.push({ path: 'format', message: 'a multilateral meeting needs three or more parties' });
  }
  const parties = new Set<string>([data.from, ...data.to]);
  const personById = new Map(persons.map((p) => [p.id as string, p]));
  data.attendees.forEach((a, i) => {
    const p = personById.get(a);
    if (!p) issues.push({ path: `attendees[${i}]`, message: `unknown person "${a}"` });
    else if (!parties.has(p.delegation)) {
      issues.push({
        path: `attendees[${i}]`,
        message: `${a} belongs to ${p.delegation}, which is not a party`,
      });
    }
  });
  if (data.venue !== null && !venues.some((v) => v.id === data.venue)) {
    issues.push({ path: 'venue', message: `unknown venue "${data.venue}"` });
  }
  if (data.minutes % grain !== 0)
    issues.push({ path: 'minutes', message: `must be a multiple of ${grain} (the summit's grain)` });
  if (issues.length > 0) throw new ValidationError(issues);
}
