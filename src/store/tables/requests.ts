// Meeting requests, the conditions parties set on them, and their shared threads.
import type {
  ConditionId,
  DelegationId,
  MessageId,
  PersonId,
  RequestId,
  UserId,
  VenueId,
} from '../../domain/ids.js';
import type {
  Condition,
  ConditionKind,
  ConditionStatus,
  Downgrade,
  Format,
  Level,
  Request,
  RequestStatus,
  ThreadMessage,
} from '../../domain/request/schema.js';
import type { PressAccess } from '../../domain/summit/practice.js';
import type { Instant, Window } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { flag, json, jsonOrNull, parseJson, parseJsonOrNull } from './columns.js';
import type { ConditionRow, RequestRow, ThreadMessageRow } from './rows.js';
import { insertOnce, type TableContext } from './versioned.js';

/** A requests row as a Request. */
export function rowToRequest(row: RequestRow): Request {
  return {
    id: row.id as RequestId,
    from: row.from_delegation_id as DelegationId,
    to: parseJson<DelegationId[]>(row.to_delegations),
    format: row.format as Format,
    level: row.level as Level,
    minutes: row.minutes,
    priority: row.priority,
    topics: parseJson<string[]>(row.topics),
    attendees: parseJson<PersonId[]>(row.attendees),
    seats: row.seats,
    venue: row.venue_id as VenueId | null,
    allowed: parseJsonOrNull<Window[]>(row.allowed),
    preferred: parseJson<Window[]>(row.preferred),
    status: row.status as RequestStatus,
    acceptedBy: parseJson<DelegationId[]>(row.accepted_by),
    downgrade: row.downgrade as Downgrade | null,
    confidential: row.confidential === 1,
    needs: parseJson<string[]>(row.needs),
    press: row.press as PressAccess,
    version: row.version,
  };
}

/** A Request as the columns of its row. */
export function requestToRow(request: Request): Omit<RequestRow, 'summit_id' | 'version'> {
  return {
    id: request.id,
    from_delegation_id: request.from,
    to_delegations: json(request.to),
    format: request.format,
    level: request.level,
    minutes: request.minutes,
    priority: request.priority,
    topics: json(request.topics),
    attendees: json(request.attendees),
    seats: request.seats,
    venue_id: request.venue,
    allowed: jsonOrNull(request.allowed),
    preferred: json(request.preferred),
    status: request.status,
    accepted_by: json(request.acceptedBy),
    downgrade: request.downgrade,
    confidential: flag(request.confidential),
    needs: json(request.needs),
    press: request.press,
  };
}

/** A conditions row as a Condition. */
export function rowToCondition(row: ConditionRow): Condition {
  return {
    id: row.id as ConditionId,
    request: row.request_id as RequestId,
    by: row.by_delegation_id as DelegationId,
    kind: row.kind as ConditionKind,
    text: row.text,
    status: row.status as ConditionStatus,
    counters: row.counters as ConditionId | null,
    version: row.version,
  };
}

/** A thread_messages row as a ThreadMessage. */
export function rowToThreadMessage(row: ThreadMessageRow): ThreadMessage {
  return {
    id: row.id as MessageId,
    request: row.request_id as RequestId,
    delegation: row.delegation_id as DelegationId,
    author: row.author_id as UserId,
    at: row.at as Instant,
    text: row.text,
  };
}

/** The requests member of a transaction. */
export function requestsTable(ctx: TableContext): Tx['requests'] {
  return summitCollection<Request, string, RequestRow>(ctx, {
    table: 'requests',
    entity: 'request',
    keyOf: (request) => request.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: requestToRow,
    fromRow: rowToRequest,
    order: ['id'],
  });
}

/** The conditions member of a transaction. */
export function conditionsTable(ctx: TableContext): Tx['conditions'] {
  const collection = summitCollection<Condition, { request: string; id: string }, ConditionRow>(ctx, {
    table: 'conditions',
    entity: 'condition',
    keyOf: (condition) => ({ request: condition.request, id: condition.id }),
    keyColumns: (key) => ({ request_id: key.request, id: key.id }),
    describe: (key) => `${key.request}/${key.id}`,
    toRow: (condition) => ({
      request_id: condition.request,
      id: condition.id,
      by_delegation_id: condition.by,
      kind: condition.kind,
      text: condition.text,
      status: condition.status,
      counters: condition.counters,
    }),
    fromRow: rowToCondition,
    order: ['request_id', 'id'],
  });
  return {
    ...collection,
    listFor: (summit, request) => collection.listWhere(summit, { request_id: request }),
  };
}

/** The thread member of a transaction: messages are appended, never changed. */
export function threadTable(ctx: TableContext): Tx['thread'] {
  return {
    async append(summit, message) {
      const row: ThreadMessageRow = {
        summit_id: summit,
        id: message.id,
        request_id: message.request,
        delegation_id: message.delegation,
        author_id: message.author,
        at: message.at,
        text: message.text,
      };
      const target = { table: 'thread_messages' as const, entity: 'message', key: message.id, where: {} };
      await insertOnce(ctx, target, { ...row });
      return message;
    },
    async listFor(summit, request) {
      const rows = await ctx.db
        .selectFrom('thread_messages')
        .selectAll()
        .where('summit_id', '=', summit)
        .where('request_id', '=', request)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(rowToThreadMessage);
    },
  };
}
