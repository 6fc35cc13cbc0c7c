// What a delegation says about a request. A draft is private; a published line must match the record.
import type { Actor } from '../../domain/actor/schema.js';
import { reviewPublicLine, type LineIssue } from '../../domain/deliberation/public-line.js';
import type { PublicLine } from '../../domain/deliberation/schema.js';
import { encountersBetween } from '../../domain/encounter/encounters.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Scope } from '../../domain/visibility/scope.js';
import { actingDelegation, partiesScope, requireCapability } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { loadVisibleRequest } from '../requests/load.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { PublicLineInput } from './inputs.js';

/** A line and what the record says against it (empty when consistent). */
export interface PublicLineView {
  line: PublicLine;
  issues: LineIssue[];
}

/**
 * Saves the delegation's line on a request. A draft is kept with its inconsistencies listed;
 * a published line that claims more than the record supports is refused and nothing changes.
 */
export function setPublicLine(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: { expectedVersion?: number } = {},
): Promise<PublicLineView> {
  const data = parseInput(PublicLineInput, input);
  return writeWithEvents(ctx, async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    const delegation = actingDelegation(actor, summit, partiesOf(request), data.delegation ?? null);
    requireCapability(actor, summit, 'act-on-request', delegation);
    const key = { request: requestId, delegation };
    const [previous, decision, meeting, everything] = await Promise.all([
      tx.publicLines.get(summit, key),
      tx.decisions.get(summit, key),
      tx.meetings.get(summit, requestId),
      loadSummitData(tx, summit),
    ]);
    const encounterExists = partiesOf(request)
      .filter((d) => d !== delegation)
      .some((other) => encountersBetween(everything, delegation, other).length > 0);
    const line: PublicLine = {
      request: request.id,
      delegation,
      claim: data.claim,
      text: data.text,
      published: data.published,
      by: actor.user,
      at: ctx.now(),
      version: options.expectedVersion ?? previous?.version ?? 1,
    };
    const issues = reviewPublicLine(line, {
      request,
      decision: decision ?? null,
      meeting: meeting ?? null,
      encounterExists,
    });
    const stored = previous
      ? await tx.publicLines.update(summit, line)
      : await tx.publicLines.insert(summit, line);
    // A published line is what the delegation says to everyone, but one party's words on a
    // confidential request do not make it known: they stay with its parties. A draft stays inside.
    const scope: Scope = stored.published
      ? request.confidential
        ? partiesScope(request)
        : { kind: 'summit' }
      : { kind: 'delegation', delegation };
    await recordEvent(
      tx,
      ctx,
      actor,
      summit,
      scope,
      stored.published ? 'public-line.published' : 'public-line.drafted',
      {
        request: requestId,
        delegation,
        ...(stored.published ? { claim: stored.claim, text: stored.text } : {}),
      },
    );
    return { line: stored, issues };
  });
}

/** The lines on a request the actor may read: every party's published line, and their own drafts. */
export function readPublicLines(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
): Promise<PublicLine[]> {
  return ctx.store.read(async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    const lines = await Promise.all(
      partiesOf(request).map((delegation: DelegationId) =>
        tx.publicLines.get(summit, { request: requestId, delegation }),
      ),
    );
    const mine = new Set<string>(
      actor.grants.flatMap((g) => (g.kind === 'delegation' && g.summit === summit ? [g.delegation] : [])),
    );
    return lines.filter(
      (l): l is PublicLine => l !== undefined && (l.published || actor.system || mine.has(l.delegation)),
    );
  });
}
