// Planning as the host does it: the proposal shows the host no busy label or id, no confidential
// request and nothing of any delegation's deliberation, in the plan, the diff or the explanations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/app.js';
import type { Blocker } from '../../engine/result.js';
import { acceptPlan, proposePlan } from '../planning/plan.js';
import { ACTORS, buildWorld, CONFIDENTIAL, leaksIn, S, type World } from './world.js';

describe.each(BACKENDS)('what planning shows the host, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  for (const who of ['host-admin', 'host-staff'] as const) {
    it(`shows ${who} a proposal without private labels, ids or confidential requests`, async () => {
      const before = await w.snapshot();
      const proposal = await proposePlan(w.ctx, ACTORS[who], S, { timeLimitMs: 1500, seed: 7 });
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
