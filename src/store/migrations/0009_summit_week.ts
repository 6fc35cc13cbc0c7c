// The summit week: planning jobs remember whose view they were made in (a host planner who is also a
// party sees that party's confidential requests), and meetings carry notices to their parties (bumped,
// broken, confirmation overdue), and a summit may set when each day's meetings must be confirmed.
import { optionalTexts, sameSummit, summitTable, texts, versioned, type AnyDb } from './builders.js';

/** plan_jobs.planner: the starter's grants in the summit, as JSON; null for jobs made before. */
async function planners(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan_jobs').addColumn('planner', 'text').execute();
}

/**
 * meeting_notices: one notice of each kind per request, about one placement of its meeting
 * (starts_at and room_id as they were; a null start: taken off). Gone with its request.
 */
async function meetingNotices(db: AnyDb): Promise<void> {
  let notices = texts(summitTable(db, 'meeting_notices', ['request_id', 'kind']), 'at', 'detail');
  notices = optionalTexts(notices, 'starts_at', 'room_id');
  notices = sameSummit(notices, 'request_id', 'requests', 'cascade', 'meeting_notices_request_fk');
  await versioned(notices).execute();
}

/** summits.confirmation: the confirmation deadline as JSON ({at, daysBefore, lapse}); null: none. */
async function confirmationDeadlines(db: AnyDb): Promise<void> {
  await db.schema.alterTable('summits').addColumn('confirmation', 'text').execute();
}

/** Planning jobs' planners, meeting notices and confirmation deadlines. */
export async function up(db: AnyDb): Promise<void> {
  await planners(db);
  await meetingNotices(db);
  await confirmationDeadlines(db);
}
