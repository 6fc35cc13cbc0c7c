// Attacks on the calendar view, the live check, planning jobs, suggestions, what-if and calendar feeds.
import { expect } from 'vitest';
import type { PersonId } from '../../../../src/domain/ids.js';
import {
  createCalendarToken,
  listCalendarTokens,
  revokeCalendarToken,
} from '../../../../src/app/calendar/tokens.js';
import { checkPlacement } from '../../../../src/app/meetings/check.js';
import { listMeetings } from '../../../../src/app/meetings/list.js';
import {
  acceptPlanJob,
  discardPlanJob,
  readPlanJob,
  startPlanJob,
  type PlanJobView,
} from '../../../../src/app/planning/jobs.js';
import { proposePlan } from '../../../../src/app/planning/plan.js';
import { suggestSlots } from '../../../../src/app/planning/suggest.js';
import { askWhatIf } from '../../../../src/app/planning/what-if.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S, type World } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody'] as const;
const DELEGATES = ['chn', 'rus', 'usa-viewer'] as const;
const HOST = ['host-admin', 'host-staff'] as const;
const SYSTEM = { user: 'security-operator', grants: [], system: true } as never;
const usaSos = 'usa-sos' as PersonId;

/** A planning job of the world that has run to its end (made once per world, as the operator). */
const finished = new WeakMap<World, Promise<string>>();
function finishedJob(w: World): Promise<string> {
  let job = finished.get(w);
  if (!job) {
    job = (async () => {
      const started = await startPlanJob(w.ctx, SYSTEM, S, { timeLimitSeconds: 0.5 });
      // the operator's plan holds every request, confidential ones included, as a runner would store it
      const { plan } = await proposePlan(w.ctx, SYSTEM, S, { timeLimitMs: 500 });
      await w.ctx.store.write(async (tx) => {
        const claimed = await tx.planJobs.claim('security', w.ctx.now(), '1970-01-01T00:00:00.000Z');
        if (claimed?.id !== started.id) throw new Error('the security world runs one planning job');
        await tx.planJobs.finish(started.id, 'security', { status: 'done', result: plan }, w.ctx.now());
      });
      return started.id;
    })();
    finished.set(w, job);
  }
  return job;
}

/** A calendar token of usa-sos, issued once per world by the US lead's delegation (as the operator). */
const tokens = new WeakMap<World, Promise<string>>();
function usToken(w: World): Promise<string> {
  let token = tokens.get(w);
  if (!token) {
    token = createCalendarToken(w.ctx, SYSTEM, S, usaSos).then((t) => t.id);
    tokens.set(w, token);
  }
  return token;
}

/**
 * The plan shown never names a request its reader may not see. Made with more than the reader may
 * see (the operator's), its numbers are recomputed over what is shown, and its bound, proven over
 * requests the reader may not know of, is withheld, in the plan and in the progress alike.
 */
function noHiddenRequests(value: unknown, w: World): void {
  const view = value as PlanJobView;
  expect(view.result).not.toBeNull();
  const text = JSON.stringify(view.result);
  for (const id of Object.keys(w.hiddenMeetings)) expect(text).not.toContain(id);
  const { plan } = view.result!;
  expect(plan.bound).toBeNull();
  expect(view.progress.objective).toEqual(plan.objective);
  expect(view.progress.bound).toBeNull();
  expect(plan.objective.moved).toBe(view.result!.diff.moved.length);
}

/** Every use case of the calendar view, planning jobs, questions to the engine and feeds, with their attacks. */
export const PLANNING_FEED_ATTACKS: Record<string, Attack[]> = {
  'meetings/list.ts#listMeetings': [
    ...attacks([...DELEGATES, ...HOST], 'lists the calendar', 'read', (w, a) => listMeetings(w.ctx, a, S)),
    ...attacks(OUTSIDERS, 'lists the calendar', 'hidden', (w, a) => listMeetings(w.ctx, a, S)),
  ],
  'meetings/check.ts#checkPlacement': [
    ...attacks(['rus', 'usa-viewer', ...OUTSIDERS], 'checks a slot for usa-rus-fm', 'forbidden', (w, a) =>
      checkPlacement(w.ctx, a, S, 'usa-rus-fm', w.hiddenMeetings['usa-rus-officials']),
    ),
    attack('chn', 'checks a slot for usa-rus-fm', 'hidden', (w, a) =>
      checkPlacement(w.ctx, a, S, 'usa-rus-fm', w.hiddenMeetings['usa-rus-officials']),
    ),
    attack('chn', 'checks a slot for the confidential usa-rus-officials', 'hidden', (w, a) =>
      checkPlacement(w.ctx, a, S, 'usa-rus-officials', w.hiddenMeetings['usa-rus-officials']),
    ),
    ...attacks(HOST, 'checks a slot for the confidential usa-rus-officials', 'hidden', (w, a) =>
      checkPlacement(w.ctx, a, S, 'usa-rus-officials', w.hiddenMeetings['usa-rus-officials']),
    ),
    ...attacks(HOST, 'checks usa-rus-fm onto the slot of a confidential meeting', 'read', (w, a) =>
      checkPlacement(w.ctx, a, S, 'usa-rus-fm', w.hiddenMeetings['usa-rus-officials']),
    ),
  ],
  'planning/jobs.ts#startPlanJob': [
    ...attacks(DELEGATES, 'starts planning', 'forbidden', (w, a) => startPlanJob(w.ctx, a, S, {})),
    ...attacks(OUTSIDERS, 'starts planning', 'hidden', (w, a) => startPlanJob(w.ctx, a, S, {})),
    attack('host-staff', 'starts planning for an hour', 'invalid', (w, a) =>
      startPlanJob(w.ctx, a, S, { timeLimitSeconds: 3600 }),
    ),
  ],
  'planning/jobs.ts#readPlanJob': [
    ...attacks(DELEGATES, 'reads a finished plan', 'forbidden', async (w, a) =>
      readPlanJob(w.ctx, a, S, await finishedJob(w)),
    ),
    ...attacks(OUTSIDERS, 'reads a finished plan', 'hidden', async (w, a) =>
      readPlanJob(w.ctx, a, S, await finishedJob(w)),
    ),
    ...attacks(
      HOST,
      'reads a finished plan holding confidential meetings',
      'read',
      async (w, a) => readPlanJob(w.ctx, a, S, await finishedJob(w)),
      noHiddenRequests,
    ),
  ],
  'planning/jobs.ts#acceptPlanJob': [
    ...attacks(DELEGATES, 'accepts a finished plan', 'forbidden', async (w, a) =>
      acceptPlanJob(w.ctx, a, S, await finishedJob(w), 2),
    ),
    ...attacks(OUTSIDERS, 'accepts a finished plan', 'hidden', async (w, a) =>
      acceptPlanJob(w.ctx, a, S, await finishedJob(w), 2),
    ),
  ],
  'planning/jobs.ts#discardPlanJob': [
    ...attacks(DELEGATES, 'discards a finished plan', 'forbidden', async (w, a) =>
      discardPlanJob(w.ctx, a, S, await finishedJob(w), 2),
    ),
    ...attacks(OUTSIDERS, 'discards a finished plan', 'hidden', async (w, a) =>
      discardPlanJob(w.ctx, a, S, await finishedJob(w), 2),
    ),
  ],
  'planning/suggest.ts#suggestSlots': [
    ...attacks(['chn', ...HOST, ...OUTSIDERS], 'asks where usa-rus-officials could go', 'hidden', (w, a) =>
      suggestSlots(w.ctx, a, S, 'usa-rus-officials', {}),
    ),
    ...attacks([...HOST, 'rus', 'usa-viewer'], 'asks where usa-rus-fm could go', 'read', (w, a) =>
      suggestSlots(w.ctx, a, S, 'usa-rus-fm', { k: 10 }),
    ),
  ],
  'planning/what-if.ts#askWhatIf': [
    ...attacks(HOST, 'asks what if the confidential usa-rus-officials moved', 'hidden', (w, a) =>
      askWhatIf(w.ctx, a, S, 'usa-rus-fm', {
        blocker: {
          kind: 'meeting',
          person: 'usa-nsa',
          request: 'usa-rus-officials',
          from: w.hiddenMeetings['usa-rus-officials'].start,
          to: w.hiddenMeetings['usa-rus-officials'].start,
        },
      }),
    ),
    ...attacks(['chn', ...OUTSIDERS], 'asks a what-if about usa-rus-fm', 'hidden', (w, a) =>
      askWhatIf(w.ctx, a, S, 'usa-rus-fm', { blocker: { kind: 'window', detail: 'allowed windows' } }),
    ),
    ...attacks(HOST, 'asks what if rooms were free', 'read', (w, a) =>
      askWhatIf(w.ctx, a, S, 'usa-rus-fm', { blocker: { kind: 'rooms', venue: null, reason: 'taken' } }),
    ),
  ],
  'calendar/tokens.ts#createCalendarToken': [
    ...attacks(['chn', 'rus'], "issues a feed of the US Secretary of State's calendar", 'forbidden', (w, a) =>
      createCalendarToken(w.ctx, a, S, usaSos),
    ),
    ...attacks(OUTSIDERS, "issues a feed of the US Secretary of State's calendar", 'hidden', (w, a) =>
      createCalendarToken(w.ctx, a, S, usaSos),
    ),
  ],
  'calendar/tokens.ts#listCalendarTokens': [
    ...attacks(['chn', 'rus'], "lists the US Secretary of State's feeds", 'forbidden', (w, a) =>
      listCalendarTokens(w.ctx, a, S, usaSos),
    ),
    ...attacks(OUTSIDERS, "lists the US Secretary of State's feeds", 'hidden', (w, a) =>
      listCalendarTokens(w.ctx, a, S, usaSos),
    ),
    attack('usa-viewer', "lists the US Secretary of State's feeds", 'read', (w, a) =>
      listCalendarTokens(w.ctx, a, S, usaSos),
    ),
  ],
  'calendar/tokens.ts#revokeCalendarToken': [
    ...attacks(['chn', 'rus'], "revokes the US Secretary of State's feed", 'forbidden', async (w, a) =>
      revokeCalendarToken(w.ctx, a, S, usaSos, await usToken(w)),
    ),
    ...attacks(OUTSIDERS, "revokes the US Secretary of State's feed", 'hidden', async (w, a) =>
      revokeCalendarToken(w.ctx, a, S, usaSos, await usToken(w)),
    ),
    attack('rus', "revokes it as a feed of Russia's foreign minister", 'hidden', async (w, a) =>
      revokeCalendarToken(w.ctx, a, S, 'rus-fm' as PersonId, await usToken(w)),
    ),
  ],
};
