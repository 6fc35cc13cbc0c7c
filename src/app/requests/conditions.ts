// Parties set and answer the conditions of a request; the request follows where they lead.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { ConditionId, type DelegationId, type SummitId } from '../../domain/ids.js';
import {
  acceptCondition,
  counterCondition,
  proposeCondition,
  rejectCondition,
  withdrawCondition,
  type ConditionChange,
} from '../../domain/request/conditions.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { resolveActing } from '../../domain/request/acting.js';
import type { OverrideInput } from '../../domain/deliberation/gate.js';
import type { GatedStep } from '../../domain/deliberation/schema.js';
import { requireDecisionAllows } from '../deliberation/gate.js';
import { NotFoundError } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { NewCondition } from './inputs.js';
import { loadVisibleRequest } from './load.js';
import { restoreMeeting } from './restore.js';
import { saveRequest } from './write.js';

/** What a condition use case returns. */
export interface ConditionOutcome {
  request: Request;
  conditions: Condition[];
}

type Answer = 'accept' | 'reject' | 'withdraw';
const ANSWERS = { accept: acceptCondition, reject: rejectCondition, withdraw: withdrawCondition } as const;

interface Options {
  actingFor?: DelegationId;
  /** The delegation lead's override of a decision that stands against accepting (accept only). */
  override?: OverrideInput;
  /** The condition's version the caller read (If-Match). */
  expectedVersion?: number;
}

/** A party proposes a condition. */
export function proposeRequestCondition(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: Options = {},
): Promise<ConditionOutcome> {
  const data = parseInput(NewCondition, input);
  return change(
    ctx,
    actor,
    summit,
    requestId,
    'condition.proposed',
    options,
    null,
    (request, conditions, acting, now) => {
      const id = data.id ?? nextConditionId(conditions);
      return proposeCondition(request, conditions, { id, kind: data.kind, text: data.text }, acting, now);
    },
  );
}

/** Another party accepts or rejects a condition, or its setter withdraws it. */
export function answerRequestCondition(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  conditionId: string,
  answer: Answer,
  options: Options = {},
): Promise<ConditionOutcome> {
  const cid = conditionIdOf(conditionId);
  return change(
    ctx,
    actor,
    summit,
    requestId,
    `condition.${answer === 'withdraw' ? 'withdrawn' : `${answer}ed`}`,
    options,
    cid,
    (request, conditions, acting, now) => {
      requireCondition(conditions, cid, requestId);
      return ANSWERS[answer](request, conditions, cid, acting, now);
    },
    answer === 'accept' ? 'accept-condition' : null,
  );
}

/** A counter-proposal: rejects a condition and proposes another in its place. */
export function counterRequestCondition(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  conditionId: string,
  input: unknown,
  options: Options = {},
): Promise<ConditionOutcome> {
  const data = parseInput(NewCondition, input);
  const cid = conditionIdOf(conditionId);
  return change(
    ctx,
    actor,
    summit,
    requestId,
    'condition.countered',
    options,
    cid,
    (request, conditions, acting, now) => {
      requireCondition(conditions, cid, requestId);
      const id = data.id ?? nextConditionId(conditions);
      return counterCondition(
        request,
        conditions,
        cid,
        { id, kind: data.kind, text: data.text },
        acting,
        now,
      );
    },
  );
}

/** The condition id a caller named, or a ValidationError naming it (`condition`), like any bad input. */
function conditionIdOf(id: string): ConditionId {
  return parseInput(z.object({ condition: ConditionId }), { condition: id }).condition;
}

function requireCondition(conditions: readonly Condition[], id: string, requestId: string): void {
  if (!conditions.some((c) => c.id === id)) throw new NotFoundError('condition', `${requestId}/${id}`);
}

/** The first free id of the form c<n>. */
function nextConditionId(conditions: readonly Condition[]): ConditionId {
  let n = conditions.length + 1;
  while (conditions.some((c) => c.id === `c${n}`)) n++;
  return ConditionId.parse(`c${n}`);
}

async function change(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  type: string,
  options: Options,
  target: string | null,
  fn: (
    request: Request,
    conditions: Condition[],
    acting: { actor: Actor; summit: SummitId; delegation?: DelegationId },
    now: ReturnType<AppContext['now']>,
  ) => ConditionChange,
  /** The step the delegation's recorded decision gates, if this change is one. */
  gated: GatedStep | null = null,
): Promise<ConditionOutcome> {
  return writeWithEvents(ctx, async (tx) => {
    const { request, conditions } = await loadVisibleRequest(tx, actor, summit, requestId);
    const acting = { actor, summit, ...(options.actingFor ? { delegation: options.actingFor } : {}) };
    const result = fn(request, conditions, acting, ctx.now());
    if (gated !== null) {
      const delegation = resolveActing(acting, request).delegation;
      await requireDecisionAllows(tx, ctx, actor, summit, request.id, delegation, gated, options.override);
    }
    const written: Condition[] = [];
    for (const c of result.conditions) {
      const old = conditions.find((o) => o.id === c.id);
      if (!old) written.push(await tx.conditions.insert(summit, c));
      else {
        // If-Match speaks of the condition answered, not of a new one proposed beside it.
        const expected =
          c.id === target && options.expectedVersion !== undefined ? options.expectedVersion : old.version;
        written.push(await tx.conditions.update(summit, { ...c, version: expected }));
      }
    }
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), type, {
      request: request.id,
      conditions: written.map((c) => ({ id: c.id, status: c.status, by: c.by })),
    });
    const saved =
      result.request === request || JSON.stringify(result.request) === JSON.stringify(request)
        ? request
        : await saveRequest(tx, ctx, actor, summit, request, result.request, result.transitions, undefined);
    const all = await tx.conditions.listFor(summit, request.id);
    // agreed again with the meeting it kept while the condition was open: the meeting is restored
    const stored =
      saved === request ? saved : await restoreMeeting(tx, ctx, actor, summit, saved, all, acting);
    return { request: stored, conditions: all };
  });
}
