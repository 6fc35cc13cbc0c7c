// A delegation's private deliberation on a request: positions and a decision. No one else reads it,
// the host included.
import type { Actor } from '../../domain/actor/schema.js';
import { decide, recordPosition } from '../../domain/deliberation/record.js';
import { summarise } from '../../domain/deliberation/summary.js';
import type { Decision, DecisionOverride, Position } from '../../domain/deliberation/schema.js';
import { PositionId, type DelegationId, type SummitId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import { NotFoundError, type Tx } from '../../store/store.js';
import { actingDelegation } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadVisibleRequest } from '../requests/load.js';
import { parseInput } from '../validate.js';
import { DecisionInput, PositionInput } from './inputs.js';

/** One delegation's deliberation on one request. */
export interface DeliberationView {
  request: string;
  delegation: DelegationId;
  positions: Position[];
  decision: Decision | null;
  /** The lead's overrides of the decision for one step each, with the reason, oldest first. */
  overrides: DecisionOverride[];
  summary: ReturnType<typeof summarise>;
}

/** Resolves the party delegation the actor deliberates for; anyone else is told the request does not exist. */
async function own(tx: Tx, actor: Actor, summit: SummitId, requestId: string, named?: DelegationId) {
  const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
  // The host may see a request for logistics, but a deliberation belongs to a party.
  const delegation = (() => {
    try {
      return actingDelegation(actor, summit, partiesOf(request), named ?? null);
    } catch {
      throw new NotFoundError('deliberation', `${requestId}`);
    }
  })();
  return { request, delegation, scope: { kind: 'delegation' as const, delegation } };
}

/** Reads the actor's own delegation's deliberation on a request. */
export function readDeliberation(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  delegation?: DelegationId,
): Promise<DeliberationView> {
  return ctx.store.read(async (tx) => {
    const d = await own(tx, actor, summit, requestId, delegation);
    const positions = await tx.positions.listFor(summit, requestId, d.delegation);
    const overrides = await tx.decisionOverrides.listFor(summit, requestId, d.delegation);
    const decision =
      (await tx.decisions.get(summit, { request: requestId, delegation: d.delegation })) ?? null;
    return {
      request: requestId,
      delegation: d.delegation,
      positions,
      decision,
      overrides,
      summary: summarise(positions),
    };
  });
}

/** Records a new position, or amends one (by its author or the lead) when `id` names it. */
export function recordRequestPosition(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: { expectedVersion?: number } = {},
): Promise<Position> {
  const data = parseInput(PositionInput, input);
  return writeWithEvents(ctx, async (tx) => {
    const d = await own(tx, actor, summit, requestId, data.delegation);
    const previous = data.id ? ((await tx.positions.get(summit, data.id)) ?? null) : null;
    if (data.id && (!previous || previous.delegation !== d.delegation || previous.request !== requestId)) {
      throw new NotFoundError('position', data.id);
    }
    const id = data.id ?? PositionId.parse(ctx.newId());
    const position = recordPosition(
      d.request,
      { ...data, id, delegation: d.delegation },
      { actor, summit },
      ctx.now(),
      previous,
    );
    const stored = previous
      ? await tx.positions.update(summit, {
          ...position,
          version: options.expectedVersion ?? previous.version,
        })
      : await tx.positions.insert(summit, position);
    await recordEvent(tx, ctx, actor, summit, d.scope, previous ? 'position.amended' : 'position.recorded', {
      request: requestId,
      position: stored.id,
      stance: stored.stance,
    });
    return stored;
  });
}

/** The delegation's lead decides: pursue, decline, defer, or downgrade to a pull-aside or an encounter. */
export function decideOnRequest(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: { expectedVersion?: number } = {},
): Promise<Decision> {
  const data = parseInput(DecisionInput, input);
  return writeWithEvents(ctx, async (tx) => {
    const d = await own(tx, actor, summit, requestId, data.delegation);
    const key = { request: requestId, delegation: d.delegation };
    const previous = (await tx.decisions.get(summit, key)) ?? null;
    const decision = decide(
      d.request,
      { ...data, delegation: d.delegation },
      { actor, summit },
      ctx.now(),
      previous,
    );
    const stored = previous
      ? await tx.decisions.update(summit, {
          ...decision,
          version: options.expectedVersion ?? previous.version,
        })
      : await tx.decisions.insert(summit, decision);
    await recordEvent(tx, ctx, actor, summit, d.scope, 'decision.taken', {
      request: requestId,
      outcome: stored.outcome,
    });
    return stored;
  });
}
