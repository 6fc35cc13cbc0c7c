// Fresh meetings, calendar feeds and planning jobs for the matrix's calendar rows, made through the
// use cases as the operator (or, for feeds, the US lead who issues them).
import { createCalendarToken } from '../../../src/app/calendar/tokens.js';
import { DEMO_SUMMIT } from '../../../src/app/demo/apec-2017.js';
import { persons } from '../../../src/app/logistics/specs.js';
import { confirmMeeting } from '../../../src/app/meetings/confirm.js';
import { placeMeeting, setPinned } from '../../../src/app/meetings/place.js';
import { readPlanJob, startPlanJob } from '../../../src/app/planning/jobs.js';
import { getRequest } from '../../../src/app/requests/read.js';
import type { NoticeSlot } from '../../../src/domain/meeting/notice.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import type { DelegationId, PersonId } from '../../../src/domain/ids.js';
import { OPERATOR, type World } from './world.js';

/** Where the matrix places its meetings: Friday 10:00 in Da Nang, when both delegations are there. */
export const SLOT = { start: '2017-11-10T03:00:00.000Z', room: null } as const;

/** How far a fresh US-Russia meeting has got. */
export type Stage = 'agreed' | 'scheduled' | 'pinned' | 'confirmed' | 'bumped';

/** An hour after SLOT, where a `bumped` meeting is moved to. */
const LATER = { start: '2017-11-10T04:00:00.000Z', room: null, reason: 'The room is needed' } as const;

/**
 * A new US request to Russia for a pull-aside (no room) between two persons of their own, so that
 * every fresh meeting fits the same slot; taken to `stage` by the operator. Returns the request id
 * and its meeting's version (0 before it is placed).
 */
export async function freshUsMeeting(
  w: World,
  stage: Stage,
  options: { confidential?: boolean } = {},
): Promise<{ id: string; meetingVersion: number }> {
  const n = w.next();
  const id = `mx-meeting-${n}`;
  for (const delegation of ['usa', 'rus']) {
    await persons.add(w.ctx, OPERATOR, DEMO_SUMMIT, {
      id: `${delegation}-mx-person-${n}`,
      delegation,
      name: `Matrix ${delegation} attendee ${n}`,
      title: null,
      role: 'member',
      presence: null,
    });
  }
  await requestMeeting(w.ctx, OPERATOR, DEMO_SUMMIT, {
    id,
    from: 'usa',
    to: ['rus'],
    format: 'pull-aside',
    level: 'officials',
    minutes: 15,
    attendees: [`usa-mx-person-${n}`, `rus-mx-person-${n}`],
    confidential: options.confidential ?? false,
  });
  // a sent request counts as accepted by its requester: Russia's acceptance makes it agreed
  await transitionRequest(
    w.ctx,
    OPERATOR,
    DEMO_SUMMIT,
    id,
    { name: 'accept' },
    { actingFor: 'rus' as DelegationId },
  );
  if (stage === 'agreed') return { id, meetingVersion: 0 };
  let meeting = await placeMeeting(w.ctx, OPERATOR, DEMO_SUMMIT, id, SLOT, { expectedVersion: 0 });
  if (stage === 'pinned') meeting = await setPinned(w.ctx, OPERATOR, DEMO_SUMMIT, id, true);
  // moved by the host, stating why: its parties are offered the engine's best slot for it
  if (stage === 'bumped') {
    meeting = await placeMeeting(w.ctx, OPERATOR, DEMO_SUMMIT, id, LATER, {
      expectedVersion: meeting.version,
    });
  }
  if (stage === 'confirmed') {
    for (const side of ['usa', 'rus'] as DelegationId[]) {
      meeting = (await confirmMeeting(w.ctx, OPERATOR, DEMO_SUMMIT, id, { actingFor: side })).meeting;
    }
  }
  return { id, meetingVersion: meeting.version };
}

/** The slot offered to a bumped meeting, as its parties read it. */
export async function offeredSlot(w: World, request: string): Promise<NoticeSlot> {
  const { notices } = await getRequest(w.ctx, OPERATOR, DEMO_SUMMIT, request);
  if (!notices.bumped?.alternative) throw new Error(`no slot is offered to ${request}`);
  return notices.bumped.alternative;
}

/** A new calendar feed of the US President, issued by the US lead; its URL's file name. */
export async function freshUsFeed(w: World): Promise<{ id: string; file: string }> {
  const created = await createCalendarToken(
    w.ctx,
    w.actorOf('usa-lead'),
    DEMO_SUMMIT,
    'usa-potus' as PersonId,
  );
  w.markers.add({
    category: 'credential',
    text: created.token,
    source: 'a US calendar feed token',
    visibleTo: (a) => a.kind === 'delegation' && a.delegation === 'usa',
  });
  return { id: created.id, file: `${created.token}.ics` };
}

const PLAN_WAIT_MS = 60_000;

/** A planning job the operator started and that has finished (done), with its version. */
export async function finishedPlanJob(w: World): Promise<{ id: string; version: number }> {
  const started = await startPlanJob(w.ctx, OPERATOR, DEMO_SUMMIT, { timeLimitSeconds: 1 });
  const until = Date.now() + PLAN_WAIT_MS;
  for (;;) {
    const job = await readPlanJob(w.ctx, OPERATOR, DEMO_SUMMIT, started.id);
    if (job.status === 'done') return { id: job.id, version: job.version };
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new Error(`plan job ${job.id} ended ${job.status}: ${job.error ?? ''}`);
    }
    if (Date.now() > until) throw new Error(`plan job ${job.id} not done within ${PLAN_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
