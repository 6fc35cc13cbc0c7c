// Planning as the host does it: the proposal shows the host no busy label, id or place, no
// confidential request or draft and nothing of any delegation's deliberation, in the plan, the diff
// or the explanations; its numbers count only what the host may see; and neither a proposal nor a
// job moves or takes off a meeting the host may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate, SYSTEM } from '../../support/app.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import type { Blocker } from '../../../src/engine/result.js';
import { busy } from '../../../src/app/logistics/specs.js';
import {
  acceptPlanJob,
  readPlanJob,
  startPlanJob,
  type PlanJobView,
} from '../../../src/app/planning/jobs.js';
import { acceptPlan, proposePlan } from '../../../src/app/planning/plan.js';
import { startPlanJobRunner } from '../../../src/app/planning/runner.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { ACTORS, buildWorld, CONFIDENTIAL, leaksIn, S, type World } from './world.js';

describe.each(BACKENDS)('what planning shows the host, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  for (const [who, mode] of [
    ['host-admin', 'keep-schedule'],
    ['host-staff', 'keep-schedule'],
    ['host-staff', 're-optimise'],
  ] as const) {
    it(`shows ${who} a proposal (${mode}) without private labels, ids or confidential requests`, async () => {
      const before = await w.snapshot();
      const proposal = await proposePlan(w.ctx, ACTORS[who], S, {
        timeLimitMs: 1500,
        seed: 7,
        schedule: { mode },
      });
      expect(await w.snapshot(), 'a proposal writes nothing').toBe(before);
      expect(leaksIn(proposal, w.markersFor(ACTORS[who]))).toEqual([]);
      const blockers: Blocker[] = proposal.plan.unscheduled.flatMap((u) => u.blockers);
      // what keeps a person busy privately is only ever "busy", never why
      for (const b of blockers) {
        if (b.kind === 'busy') expect([null, 'private commitment']).toContain(b.label);
        if (b.kind === 'meeting') expect(Object.keys(CONFIDENTIAL)).not.toContain(b.request);
      }
      const named = [
        ...proposal.plan.meetings.map((m) => m.request),
        ...proposal.plan.moved,
        ...proposal.diff.placed.map((m) => m.request),
        ...proposal.diff.removed.map((m) => m.request),
        ...proposal.diff.moved.map((m) => m.to.request),
        // a move names the meeting moved and the request it made room for
        ...proposal.plan.moves.flatMap((m) => [m.request, ...(m.for === undefined ? [] : [m.for])]),
      ];
      expect(named.filter((r) => r in CONFIDENTIAL)).toEqual([]);
    });
  }
});

describe.each(BACKENDS)('what accepting the host’s proposal writes, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  it('keeps the confidential meetings the host could not see where they were', async () => {
    const hiddenMeetings = () =>
      w.ctx.store.read(async (tx) =>
        (await tx.meetings.list(S))
          .filter((m) => m.request in CONFIDENTIAL)
          .map((m) => [m.request, m.start, m.room]),
      );
    const before = await hiddenMeetings();
    expect(before).toHaveLength(2);
    const { plan } = await proposePlan(w.ctx, ACTORS['host-admin'], S, { timeLimitMs: 1500, seed: 7 });
    await acceptPlan(w.ctx, ACTORS['host-admin'], S, plan);
    expect((await hiddenMeetings()).sort()).toEqual(before.sort());
  });
});

/** The placed requests' priorities, summed: the objective's weight of exactly these meetings. */
function weightOf(w: World, placed: readonly { request: string }[]): Promise<number> {
  return w.ctx.store.read(async (tx) => {
    const priority = new Map((await tx.requests.list(S)).map((r) => [r.id as string, r.priority]));
    return placed.reduce((sum, p) => sum + (priority.get(p.request) ?? Number.NaN), 0);
  });
}

/** Where the confidential meetings are now. */
function hiddenNow(w: World): Promise<string[][]> {
  return w.ctx.store.read(async (tx) =>
    (await tx.meetings.list(S))
      .filter((m) => m.request in CONFIDENTIAL)
      .map((m) => [m.request, m.start, m.room ?? 'no room'])
      .sort(),
  );
}

/** Runs queued planning jobs until the job is done, then stops the runner. */
async function runToEnd(w: World, id: string): Promise<PlanJobView> {
  const runner = await startPlanJobRunner(w.ctx, { heartbeatMs: 200, pollMs: 100 });
  try {
    for (let waited = 0; waited < 60_000; waited += 100) {
      const job = await readPlanJob(w.ctx, SYSTEM, S, id);
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`planning job ${id} did not end within a minute`);
  } finally {
    await runner.close();
  }
}

/** Priorities of the confidential requests set as the operator (their parties may change them). */
async function setHiddenPriorities(w: World, priority: number): Promise<void> {
  await w.ctx.store.write(async (tx) => {
    for (const id of Object.keys(CONFIDENTIAL)) {
      const r = (await tx.requests.get(S, id))!;
      await tx.requests.update(S, { ...r, priority });
    }
  });
}

/** One of the host's planners who is also in the US delegation (a liaison). */
function usHost(): Actor {
  return {
    user: 'us-liaison' as UserId,
    grants: [...ACTORS['host-staff'].grants, ...ACTORS['usa-viewer'].grants],
    system: false,
  };
}

describe.each(BACKENDS)('what the host’s planner may not know, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  it('counts in the objective and the bound only what the host may see', async () => {
    const host = ACTORS['host-staff'];
    const first = await proposePlan(w.ctx, host, S, { timeLimitMs: 1500, seed: 7 });
    // the objective read is the objective of the plan read: no confidential meeting adds weight
    expect(first.plan.objective.weight).toBe(await weightOf(w, first.plan.meetings));
    expect(first.plan.objective.moved).toBe(first.diff.moved.length);
    // how much the confidential requests are worth changes nothing the host is told
    await setHiddenPriorities(w, 5);
    const second = await proposePlan(w.ctx, host, S, { timeLimitMs: 1500, seed: 7 });
    expect(second.plan.bound).not.toBeNull();
    expect(second.plan.bound).toBe(first.plan.bound);
    expect(second.plan.objective.weight).toBe(await weightOf(w, second.plan.meetings));
  });

  it('keeps confidential meetings where they are in a job the host runs and accepts, even when they clash', async () => {
    // a later commitment of each confidential meeting's attendees: a planner who saw them would move them
    for (const [id, person] of [
      ['usa-nsa-late-call', 'usa-nsa'],
      ['jpn-pm-late-call', 'jpn-pm'],
    ] as const) {
      const meeting = w.hiddenMeetings[id.startsWith('usa') ? 'usa-rus-officials' : 'twn-jpn'];
      const from = Date.parse(meeting.start);
      await busy.add(w.ctx, SYSTEM, S, {
        id,
        person,
        from: new Date(from).toISOString(),
        to: new Date(from + 15 * 60_000).toISOString(),
        venue: null,
        label: 'Late call',
      });
    }
    const before = await hiddenNow(w);
    const host = ACTORS['host-admin'];
    const started = await startPlanJob(w.ctx, host, S, { timeLimitSeconds: 1.5, seed: 7 });
    const job = await runToEnd(w, started.id);
    expect(job.status).toBe('done');
    const view = await readPlanJob(w.ctx, host, S, started.id);
    // a planner who is a party reads the job as the host made it: its own meeting is not in it,
    // and accepting leaves it where it is, so the difference does not list it as taken off
    const party = await readPlanJob(w.ctx, usHost(), S, started.id);
    const touched = [...party.result!.diff.removed, ...party.result!.diff.moved.map((m) => m.to)];
    expect(touched.map((p) => p.request)).not.toContain('usa-rus-officials');
    const accepted = await acceptPlanJob(w.ctx, host, S, started.id, view.version);
    expect(accepted.job.status).toBe('accepted');
    expect(await hiddenNow(w)).toEqual(before);
    // what the host read of the job counted and named nothing it may not see
    expect(leaksIn(view, w.markersFor(host))).toEqual([]);
    const { plan, diff } = view.result!;
    expect(view.progress.objective).toEqual(plan.objective);
    expect(plan.objective.weight).toBe(await weightOf(w, plan.meetings));
    expect(plan.objective.moved).toBe(diff.moved.length);
  });

  it('lets a planner who is a party see and move its own confidential meeting, and no one else’s', async () => {
    const before = await hiddenNow(w);
    const { plan, diff } = await proposePlan(w.ctx, usHost(), S, { timeLimitMs: 1500, seed: 7 });
    const named = JSON.stringify({ plan, diff });
    expect(named).not.toContain('twn-jpn');
    // usa-rus-officials clashes with the late call: its party's planner moves it or takes it off
    const ownMoved = [...diff.moved.map((m) => m.to.request), ...diff.removed.map((m) => m.request)];
    expect(ownMoved).toContain('usa-rus-officials');
    await acceptPlan(w.ctx, usHost(), S, plan);
    const after = await hiddenNow(w);
    expect(after.find((m) => m[0] === 'twn-jpn')).toEqual(before.find((m) => m[0] === 'twn-jpn'));
    expect(after.find((m) => m[0] === 'usa-rus-officials')).not.toEqual(
      before.find((m) => m[0] === 'usa-rus-officials'),
    );
  });
});

describe.each(BACKENDS)('where a private commitment is, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  it('shows the host only that a person is busy, not the venue a travel time would name', async () => {
    // Chile's foreign minister is at the Furama until 14:15 (35 minutes from the InterContinental);
    // a meeting allowed only 14:30-15:15 there fails for the travel alone
    const brn = delegate(S, 'brn', 'delegation-lead');
    const chl = delegate(S, 'chl', 'delegation-lead');
    await busy.add(w.ctx, chl, S, {
      id: 'chl-fm-furama',
      person: 'chl-fm',
      from: '2017-11-10T06:00:00.000Z',
      to: '2017-11-10T07:15:00.000Z',
      venue: 'furama',
      label: 'Lunch with Chilean exporters',
    });
    await requestMeeting(w.ctx, brn, S, {
      id: 'brn-chl-fm',
      to: ['chl'],
      format: 'bilateral',
      level: 'ministers',
      minutes: 30,
      attendees: ['brn-fm', 'chl-fm'],
      venue: 'icdn',
      allowed: [{ from: '2017-11-10T07:30:00.000Z', to: '2017-11-10T08:15:00.000Z' }],
    });
    await transitionRequest(w.ctx, chl, S, 'brn-chl-fm', { name: 'accept' });
    for (const who of ['host-admin', 'host-staff'] as const) {
      const { plan, diff } = await proposePlan(w.ctx, ACTORS[who], S, { timeLimitMs: 1500, seed: 7 });
      for (const entries of [plan.unscheduled, diff.unplaced]) {
        const u = entries.find((x) => x.request === 'brn-chl-fm')!;
        expect(u.reason).toBe('no-slot');
        expect(u.blockers.filter((b) => b.kind === 'travel')).toEqual([]);
        expect(u.blockers).toContainEqual({
          kind: 'busy',
          person: 'chl-fm',
          label: 'private commitment',
          from: '2017-11-10T06:00:00.000Z',
          to: '2017-11-10T07:15:00.000Z',
        });
        expect(JSON.stringify(u)).not.toMatch(/furama|Furama|35 min|Lunch/u);
      }
    }
  });
});
