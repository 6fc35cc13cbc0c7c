// One delegation's private record on a request: positions, its decision and its public line.
import type { DelegationId, PositionId, RequestId, UserId } from '../../domain/ids.js';
import type {
  Consideration,
  Decision,
  DecisionOutcome,
  Position,
  PublicClaim,
  PublicLine,
  Stance,
} from '../../domain/deliberation/schema.js';
import type { Instant } from '../../domain/time.js';
import type { RequestDelegationKey, Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { flag, json, parseJson } from './columns.js';
import type { DecisionRow, PositionRow, PublicLineRow } from './rows.js';
import type { TableContext } from './versioned.js';

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
  return {
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    claim: row.claim as PublicClaim,
    text: row.text,
    published: row.published === 1,
    by: row.by_user_id as UserId,
    at: row.at as Instant,
    version: row.version,
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
    }),
    fromRow: rowToPublicLine,
  });
}
