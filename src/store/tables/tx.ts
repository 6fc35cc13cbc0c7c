// One transaction's view of every table, built over the connection the transaction runs on.
import type { Tx } from '../store.js';
import { idempotencyTable, loginFailuresTable, sessionsTable, tokensTable } from './access.js';
import { busyTable, programmeTable } from './calendar.js';
import { calendarTokensTable } from './calendar-tokens.js';
import { delegationsTable, personsTable } from './delegations.js';
import { deliveriesTable } from './deliveries.js';
import { notificationsTable } from './notifications.js';
import { webhooksTable } from './webhooks.js';
import { decisionsTable, positionsTable, publicLinesTable } from './deliberation.js';
import { eventsTable } from './events.js';
import { roomsTable, travelTable, venuesTable } from './logistics.js';
import { meetingsTable } from './meetings.js';
import { noticesTable } from './notices.js';
import { planJobsTable } from './plan-jobs.js';
import { revisionsTable } from './revisions.js';
import { probesTable, rateCountersTable } from './service.js';
import { conditionsTable, requestsTable, threadTable } from './requests.js';
import { summitsTable } from './summits.js';
import { usersTable } from './users.js';
import type { TableContext } from './versioned.js';

type TableName = Exclude<keyof Tx, 'lockSummit'>;

/** How each table of a Tx is built over the transaction's connection. */
const TABLES: { [N in TableName]: (ctx: TableContext) => Tx[N] } = {
  summits: summitsTable,
  venues: venuesTable,
  travel: travelTable,
  rooms: roomsTable,
  delegations: delegationsTable,
  persons: personsTable,
  programme: programmeTable,
  busy: busyTable,
  requests: requestsTable,
  conditions: conditionsTable,
  thread: threadTable,
  meetings: meetingsTable,
  notices: noticesTable,
  positions: positionsTable,
  decisions: decisionsTable,
  publicLines: publicLinesTable,
  events: eventsTable,
  users: usersTable,
  sessions: sessionsTable,
  loginFailures: loginFailuresTable,
  tokens: tokensTable,
  idempotency: idempotencyTable,
  calendarTokens: calendarTokensTable,
  planJobs: planJobsTable,
  revisions: revisionsTable,
  notifications: notificationsTable,
  deliveries: deliveriesTable,
  webhooks: webhooksTable,
  rateCounters: rateCountersTable,
  probes: probesTable,
};

/**
 * A Tx whose tables are built on first use: most transactions touch two or three of them, and
 * building all of them cost more than a small query.
 */
class LazyTx {
  readonly #built = new Map<TableName, unknown>();
  constructor(readonly ctx: TableContext) {}

  table<N extends TableName>(name: N): Tx[N] {
    let table = this.#built.get(name) as Tx[N] | undefined;
    if (table === undefined) {
      table = TABLES[name](this.ctx);
      this.#built.set(name, table);
    }
    return table;
  }

  lockSummit(summit: Parameters<Tx['lockSummit']>[0]): Promise<void> {
    return this.ctx.lockSummit(summit);
  }
}
for (const name of Object.keys(TABLES) as TableName[]) {
  Object.defineProperty(LazyTx.prototype, name, {
    get(this: LazyTx) {
      return this.table(name);
    },
    enumerable: true,
  });
}

/** Builds the Tx a write or read callback receives. */
export function createTx(ctx: TableContext): Tx {
  return new LazyTx(ctx) as unknown as Tx;
}
