// One transaction's view of every table, built over the connection the transaction runs on.
import type { Tx } from '../store.js';
import { idempotencyTable, sessionsTable, tokensTable } from './access.js';
import { busyTable, programmeTable } from './calendar.js';
import { calendarTokensTable } from './calendar-tokens.js';
import { delegationsTable, personsTable } from './delegations.js';
import { decisionsTable, positionsTable, publicLinesTable } from './deliberation.js';
import { eventsTable } from './events.js';
import { roomsTable, travelTable, venuesTable } from './logistics.js';
import { meetingsTable } from './meetings.js';
import { planJobsTable } from './plan-jobs.js';
import { conditionsTable, requestsTable, threadTable } from './requests.js';
import { summitsTable } from './summits.js';
import { usersTable } from './users.js';
import type { TableContext } from './versioned.js';

/** Builds the Tx a write or read callback receives. */
export function createTx(ctx: TableContext): Tx {
  return {
    summits: summitsTable(ctx),
    venues: venuesTable(ctx),
    travel: travelTable(ctx),
    rooms: roomsTable(ctx),
    delegations: delegationsTable(ctx),
    persons: personsTable(ctx),
    programme: programmeTable(ctx),
    busy: busyTable(ctx),
    requests: requestsTable(ctx),
    conditions: conditionsTable(ctx),
    thread: threadTable(ctx),
    meetings: meetingsTable(ctx),
    positions: positionsTable(ctx),
    decisions: decisionsTable(ctx),
    publicLines: publicLinesTable(ctx),
    events: eventsTable(ctx),
    users: usersTable(ctx),
    sessions: sessionsTable(ctx),
    tokens: tokensTable(ctx),
    idempotency: idempotencyTable(ctx),
    calendarTokens: calendarTokensTable(ctx),
    planJobs: planJobsTable(ctx),
    lockSummit: (summit) => ctx.lockSummit(summit),
  };
}
