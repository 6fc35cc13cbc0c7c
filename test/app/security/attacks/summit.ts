// Attacks on summits, the event log, encounters, the demo loader and planning.
import { expect } from 'vitest';
import type { Actor } from '../../../../src/domain/actor/schema.js';
import type { DomainEvent } from '../../../../src/domain/event/schema.js';
import type { RequestId, RoomId, SummitId } from '../../../../src/domain/ids.js';
import type { Instant } from '../../../../src/domain/time.js';
import type { Summit } from '../../../../src/domain/summit/schema.js';
import type { Plan } from '../../../../src/engine/result.js';
import { loadDemo } from '../../../../src/app/demo/apec-2017.js';
import { playSummitWeek } from '../../../../src/app/demo/summit-week.js';
import {
  listAwaitingConfirmation,
  sweepConfirmationDeadlines,
} from '../../../../src/app/meetings/deadlines.js';
import { listEncounters } from '../../../../src/app/encounters/list.js';
import { LiveEvents } from '../../../../src/app/events/live.js';
import { readEventLog } from '../../../../src/app/events/read-log.js';
import { acceptPlan, proposePlan } from '../../../../src/app/planning/plan.js';
import { summitRevision } from '../../../../src/app/summit/revision.js';
import { changeSummit, createSummit, getSummit, listSummits } from '../../../../src/app/summit/summits.js';
import { ValidationError } from '../../../../src/app/errors.js';
import { attack, attacks, type Attack } from '../probe.js';
import { CONFIDENTIAL, S, type World } from '../world.js';
import { noForeignDelegationEvents } from './requests.js';
import { NO_POLICY } from '../../../../src/engine/policy.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody', 'operator'] as const;
const DELEGATES = ['chn', 'rus', 'usa-viewer'] as const;

const stored = (w: World) => w.ctx.store.read(async (tx) => (await tx.summits.get(S))!);
const input = ({ version: _v, ...rest }: Summit) => rest;
/** A plan that places nothing: accepted, it would take every unpinned meeting off the calendar. */
const emptyPlan = (): Plan => ({
  summit: S,
  objective: { weight: 0, preferred: 0, moved: 0 },
  bound: null,
  meetings: [],
  unscheduled: [],
  moved: [],
  moves: [],
  policy: NO_POLICY,
  stats: { millis: 0, seed: 1 },
});

/** Passes on what `answer` comes to, after checking that a refusal names the parameter at fault. */
async function namesParameter(parameter: string, answer: Promise<unknown>): Promise<unknown> {
  return answer.catch((e: unknown) => {
    if (e instanceof ValidationError) expect(e.issues.map((i) => i.path)).toEqual([parameter]);
    throw e;
  });
}

/** Everything a live stream opened at the log's start sends until it has caught up. */
export async function replayLive(w: World, actor: Actor): Promise<DomainEvent[]> {
  const live = await LiveEvents.start(w.ctx, { pollMs: 60_000 });
  try {
    const stream = await live.open(actor, S, 0);
    const sent: DomainEvent[] = [];
    await new Promise<void>((resolve) => stream.start((e) => sent.push(e), resolve));
    stream.close();
    return sent;
  } finally {
    await live.close();
  }
}

/** A plan that places one request at 16:00 on 11 November, and nothing else. */
const planOf = (request: string, room: string | null): Plan => ({
  ...emptyPlan(),
  meetings: [
    {
      request: request as RequestId,
      start: '2017-11-11T09:00:00.000Z' as Instant,
      end: '2017-11-11T09:30:00.000Z' as Instant,
      room: room as RoomId | null,
    },
  ],
});

/** Every summit, log, encounter, demo and planning use case, with the attempts that must fail. */
export const SUMMIT_ATTACKS: Record<string, Attack[]> = {
  'summit/summits.ts#listSummits': attacks(
    ['other-summit', 'other-host', 'nobody', 'operator'],
    'lists summits',
    'read',
    (w, a) => listSummits(w.ctx, a),
    (value) => expect((value as Summit[]).map((s) => s.id)).not.toContain(S),
  ),
  'summit/summits.ts#getSummit': attacks(OUTSIDERS, 'reads the demo summit', 'hidden', (w, a) =>
    getSummit(w.ctx, a, S),
  ),
  'summit/revision.ts#summitRevision': attacks(OUTSIDERS, "reads the summit's revision", 'hidden', (w, a) =>
    summitRevision(w.ctx, a, S),
  ),
  'summit/summits.ts#createSummit': [
    ...attacks(
      ['host-admin', 'rus', 'other-summit', 'other-host', 'nobody'],
      'creates a summit',
      'forbidden',
      async (w, a) => createSummit(w.ctx, a, { ...input(await stored(w)), id: 'apec-2018' as SummitId }),
    ),
    // an operator creates summits, never one over another's: it learns the id is taken, nothing more
    attack('operator', "creates a summit with the demo's id", 'duplicate', async (w, a) =>
      createSummit(w.ctx, a, { ...input(await stored(w)), name: 'Taken over' }),
    ),
  ],
  'summit/summits.ts#changeSummit': [
    ...attacks(
      ['host-staff', ...DELEGATES, ...OUTSIDERS],
      'renames the summit',
      'forbidden',
      async (w, a) => {
        const s = await stored(w);
        return changeSummit(w.ctx, a, S, { ...input(s), name: 'Renamed' }, s.version);
      },
    ),
    attack('host-admin', 'sets a day window that ends before it starts', 'invalid', async (w, a) => {
      const s = await stored(w);
      return changeSummit(w.ctx, a, S, { ...input(s), dayWindow: { from: '20:00', to: '08:00' } }, s.version);
    }),
  ],
  'events/read-log.ts#readEventLog': [
    ...attacks(
      ['chn', 'rus', 'host-admin', 'host-staff', 'usa-viewer'],
      'reads the whole event log',
      'read',
      (w, a) => readEventLog(w.ctx, a, S, { limit: 1000 }),
      noForeignDelegationEvents,
    ),
    ...attacks(OUTSIDERS, 'reads the event log', 'hidden', (w, a) => readEventLog(w.ctx, a, S)),
    // NaN (a query string that is no number) must not read as "no limit": the whole log at once
    ...attacks(
      ['chn', 'host-staff'],
      'reads the event log with a limit that is not a number',
      'invalid',
      (w, a) => namesParameter('limit', readEventLog(w.ctx, a, S, { limit: Number('all') })),
    ),
    attack('chn', 'reads the event log with a fractional limit', 'invalid', (w, a) =>
      namesParameter('limit', readEventLog(w.ctx, a, S, { limit: 2.5 })),
    ),
    attack('chn', 'reads the event log after a position that is not a number', 'invalid', (w, a) =>
      namesParameter('afterSeq', readEventLog(w.ctx, a, S, { afterSeq: Number.NaN })),
    ),
  ],
  // a class's method, so the export guard does not list it: named here by hand
  'events/live.ts#LiveEvents.open': [
    ...attacks(
      ['chn', 'rus', 'host-admin', 'host-staff', 'usa-viewer'],
      'replays the whole log as a live stream',
      'read',
      (w, a) => replayLive(w, a),
      noForeignDelegationEvents,
    ),
    ...attacks(OUTSIDERS, 'opens a live stream', 'hidden', (w, a) => replayLive(w, a)),
  ],
  'encounters/list.ts#listEncounters': [
    ...attacks(['chn', 'host-staff'], 'lists US-Russia encounters', 'read', (w, a) =>
      listEncounters(w.ctx, a, S, 'usa', 'rus'),
    ),
    ...attacks(OUTSIDERS, 'lists US-Russia encounters', 'hidden', (w, a) =>
      listEncounters(w.ctx, a, S, 'usa', 'rus'),
    ),
  ],
  // an operator's tool: it writes the US deliberation in the name of US users
  'demo/apec-2017.ts#loadDemo': attacks(
    ['host-admin', 'rus', 'host-staff', ...OUTSIDERS],
    'reloads the demo',
    'forbidden',
    (w, a) => loadDemo(w.ctx, a),
  ),
  'demo/summit-week.ts#playSummitWeek': attacks(
    ['host-admin', 'rus', 'host-staff', ...OUTSIDERS],
    'plays the demo week',
    'forbidden',
    (w, a) => playSummitWeek(w.ctx, a),
  ),
  // only the host's admin (and the system) sweeps the deadlines; the list is each reader's own
  'meetings/deadlines.ts#sweepConfirmationDeadlines': attacks(
    ['host-staff', 'rus', 'chn', 'usa-viewer', ...OUTSIDERS],
    'sweeps the confirmation deadlines',
    'forbidden',
    (w, a) => sweepConfirmationDeadlines(w.ctx, a, S),
  ),
  'meetings/deadlines.ts#listAwaitingConfirmation': [
    ...attacks(OUTSIDERS, 'lists the meetings awaiting confirmation', 'hidden', (w, a) =>
      listAwaitingConfirmation(w.ctx, a, S),
    ),
    ...attacks(
      ['chn', 'host-staff', 'usa-viewer'],
      'lists the meetings awaiting confirmation',
      'read',
      (w, a) => listAwaitingConfirmation(w.ctx, a, S),
    ),
  ],
  'planning/plan.ts#proposePlan': attacks(
    [...DELEGATES, ...OUTSIDERS],
    'plans the summit',
    'forbidden',
    (w, a) => proposePlan(w.ctx, a, S, { timeLimitMs: 100 }),
  ),
  'planning/plan.ts#acceptPlan': [
    ...attacks([...DELEGATES, ...OUTSIDERS], 'accepts an empty plan', 'forbidden', (w, a) =>
      acceptPlan(w.ctx, a, S, emptyPlan()),
    ),
    // a plan from the caller may only place what the caller may see
    ...attacks(
      ['host-admin', 'host-staff'],
      'accepts a plan that moves the confidential usa-rus-officials',
      'hidden',
      (w, a) => acceptPlan(w.ctx, a, S, planOf('usa-rus-officials', 'ariyana-b1')),
    ),
    // refused, and the refusal names no confidential meeting
    ...attacks(
      ['host-admin', 'host-staff'],
      'accepts a plan that puts usa-rus-fm where a confidential meeting is',
      'conflict',
      async (w, a) => {
        const [meetings, requests] = await w.ctx.store.read((tx) =>
          Promise.all([tx.meetings.list(S), tx.requests.list(S)]),
        );
        // the meetings a plan holds: those of requests still on the calendar, as stored
        const placed = new Set<string>(
          requests.filter((r) => r.status === 'scheduled' || r.status === 'confirmed').map((r) => r.id),
        );
        const hidden = w.hiddenMeetings['usa-rus-officials'];
        const start = Date.parse(hidden.start);
        return acceptPlan(w.ctx, a, S, {
          ...emptyPlan(),
          meetings: [
            ...meetings
              .filter((m) => placed.has(m.request) && !(m.request in CONFIDENTIAL))
              .map(({ request, start, end, room }) => ({ request, start, end, room })),
            {
              request: 'usa-rus-fm' as RequestId,
              start: hidden.start as Instant,
              end: new Date(start + 30 * 60_000).toISOString() as Instant,
              room: hidden.room as RoomId,
            },
          ],
        });
      },
    ),
    attack('host-admin', 'accepts a plan naming a request that does not exist', 'hidden', (w, a) =>
      acceptPlan(w.ctx, a, S, planOf('nowhere', null)),
    ),
  ],
};
