// One delegation's private record on a request: positions, its decision and its public line.
import type { DelegationId, PositionId, RequestId, UserId } from '../../domain/ids.js';
import type {
  Consideration,
  Decision,
  DecisionOutcome,
  DecisionOverride,
  GatedStep,
  Position,
  PublicClaim,
  PublicLine,
  Stance,
} from '../../domain/deliberation/schema.js';
import type { Instant } from '../../domain/time.js';
import type { RequestDelegationKey, Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { flag, json, jsonOrNull, parseJson, parseJsonOrNull } from './columns.js';
import type { DecisionOverrideRow, DecisionRow, PositionRow, PublicLineRow } from './rows.js';
import { insertOnce, type TableContext } from './versioned.js';

/** A positions row as a Position. */
export function rowToPosition(row: PositionRow): Position {
  return {
    id: row.id as PositionId,
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    holder: row.holder,
    author: row.author_id as UserId,
    stance: row.stance as Stance,
    rationale: row.rationale,
    considerations: parseJson<Consideration[]>(row.considerations),
    at: row.at as Instant,
    version: row.version,
  };
}

/** A decisions row as a Decision. */
export function rowToDecision(row: DecisionRow): Decision {
  return {
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    outcome: row.outcome as DecisionOutcome,
    by: row.by_user_id as UserId,
    at: row.at as Instant,
    note: row.note,
    version: row.version,
  };
}

/** A public_lines row as a PublicLine. */
export function rowToPublicLine(row: PublicLineRow): PublicLine {
  const choice = parseJsonOrNull<NonNullable<PublicLine['conflictChoice']>>(row.conflict_choice);
  return {
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    claim: row.claim as PublicClaim,
    text: row.text,
    published: row.published === 1,
    by: row.by_user_id as UserId,
    at: row.at as Instant,
    ...(choice === null ? {} : { conflictChoice: choice }),
    version: row.version,
  };
}

/** A decision_overrides row as a DecisionOverride. */
export function rowToDecisionOverride(row: DecisionOverrideRow): DecisionOverride {
  return {
    id: row.id,
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    step: row.transition as GatedStep,
    outcome: row.outcome as DecisionOutcome,
    reason: row.reason,
    by: row.by_user_id as UserId,
    at: row.at as Instant,
  };
}

const perDelegation = {
  keyOf: (record: RequestDelegationKey) => ({ request: record.request, delegation: record.delegation }),
  keyColumns: (key: RequestDelegationKey) => ({ request_id: key.request, delegation_id: key.delegation }),
  describe: (key: RequestDelegationKey) => `${key.request}/${key.delegation}`,
  order: ['request_id', 'delegation_id'],
};

/** The positions member of a transaction. */
export function positionsTable(ctx: TableContext): Tx['positions'] {
  const collection = summitCollection<Position, string, PositionRow>(ctx, {
    table: 'positions',
    entity: 'position',
    keyOf: (position) => position.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (position) => ({
      id: position.id,
      request_id: position.request,
      delegation_id: position.delegation,
      holder: position.holder,
      author_id: position.author,
      stance: position.stance,
      rationale: position.rationale,
      considerations: json(position.considerations),
      at: position.at,
    }),
    fromRow: rowToPosition,
    order: ['request_id', 'delegation_id', 'at', 'id'],
  });
  return {
    ...collection,
    listFor: (summit, request, delegation) =>
      collection.listWhere(summit, { request_id: request, delegation_id: delegation }),
  };
}

/** The decisions member of a transaction. */
export function decisionsTable(ctx: TableContext): Tx['decisions'] {
  return summitCollection<Decision, RequestDelegationKey, DecisionRow>(ctx, {
    ...perDelegation,
    table: 'decisions',
    entity: 'decision',
    toRow: (decision) => ({
      request_id: decision.request,
      delegation_id: decision.delegation,
      outcome: decision.outcome,
      by_user_id: decision.by,
      at: decision.at,
      note: decision.note,
    }),
    fromRow: rowToDecision,
  });
}

/** The publicLines member of a transaction. */
export function publicLinesTable(ctx: TableContext): Tx['publicLines'] {
  return summitCollection<PublicLine, RequestDelegationKey, PublicLineRow>(ctx, {
    ...perDelegation,
    table: 'public_lines',
    entity: 'public line',
    toRow: (line) => ({
      request_id: line.request,
      delegation_id: line.delegation,
      claim: line.claim,
      text: line.text,
      published: flag(line.published),
      by_user_id: line.by,
      at: line.at,
      conflict_choice: jsonOrNull(line.conflictChoice),
    }),
    fromRow: rowToPublicLine,
  });
}

/** The decisionOverrides member of a transaction: appended, never changed. */
export function decisionOverridesTable(ctx: TableContext): Tx['decisionOverrides'] {
  return {
    async append(summit, o) {
      const row: DecisionOverrideRow = {
        summit_id: summit,
        id: o.id,
        request_id: o.request,
        delegation_id: o.delegation,
        transition: o.step,
        outcome: o.outcome,
        reason: o.reason,
        by_user_id: o.by,
        at: o.at,
      };
      await insertOnce(
        ctx,
        { table: 'decision_overrides', entity: 'override', key: o.id, where: {} },
        { ...row },
      );
      return o;
    },
    async listFor(summit, request, delegation) {
      const rows = await ctx.db
        .selectFrom('decision_overrides')
        .selectAll()
        .where('summit_id', '=', summit)
        .where('request_id', '=', request)
        .where('delegation_id', '=', delegation)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(rowToDecisionOverride);
    },
  };
}
