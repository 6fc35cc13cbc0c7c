// Confidential requests are placed by those who may see them: their parties, and a host planner who
// is also a party; nobody else learns where they are, over the use cases, the calendar and plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { checkPlacement } from '../../../src/app/meetings/check.js';
import { listMeetings } from '../../../src/app/meetings/list.js';
import { placeMeeting, setPinned, unplaceMeeting } from '../../../src/app/meetings/place.js';
import {
  acceptPlanJob,
  readPlanJob,
  startPlanJob,
  type PlanJobView,
} from '../../../src/app/planning/jobs.js';
import { startPlanJobRunner } from '../../../src/app/planning/runner.js';
import { suggestSlots } from '../../../src/app/planning/suggest.js';
import { getRequest } from '../../../src/app/requests/read.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import { NotFoundError } from '../../../src/store/store.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const usaPo = delegate(S, 'usa', 'protocol-officer');
const rusLead = delegate(S, 'rus', 'delegation-lead');
const usaViewer = delegate(S, 'usa', 'viewer');
const chnPo = delegate(S, 'chn', 'protocol-officer');
const hostAdmin = host(S, 'host-admin');
const hostStaff = host(S, 'host-staff');

/** One of the host's planners who is also a US protocol officer (a liaison): sees usa-rus-officials. */
const liaison: Actor = {
  user: 'us-liaison' as UserId,
  grants: [...hostStaff.grants, ...usaPo.grants],
  system: false,
};

describe.each(BACKENDS)('placing a confidential request, on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  it('lets its parties place, check, move, pin and take it off; the host and others learn nothing', async () => {
    const [first, second] = await suggestSlots(ctx, usaPo, S, 'usa-rus-officials', { k: 2 });
    expect(first && second).toBeTruthy();
    const slot = { start: first!.start, room: first!.room };
    expect(await checkPlacement(ctx, usaPo, S, 'usa-rus-officials', slot)).toEqual({
      ok: true,
      violations: [],
    });
    for (const outsider of [hostAdmin, hostStaff, chnPo]) {
      await expect(placeMeeting(ctx, outsider, S, 'usa-rus-officials', slot)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(checkPlacement(ctx, outsider, S, 'usa-rus-officials', slot)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    await expect(placeMeeting(ctx, usaViewer, S, 'usa-rus-officials', slot)).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const placed = await placeMeeting(ctx, usaPo, S, 'usa-rus-officials', slot, { expectedVersion: 0 });
    expect((await getRequest(ctx, rusLead, S, 'usa-rus-officials')).request.status).toBe('scheduled');
    const moved = await placeMeeting(
      ctx,
      rusLead,
      S,
      'usa-rus-officials',
      { start: second!.start, room: second!.room },
      { expectedVersion: placed.version },
    );
    expect(moved.start).toBe(second!.start);
    const pinned = await setPinned(ctx, usaPo, S, 'usa-rus-officials', true);
    expect(pinned.pinned).toBe(true);
    await setPinned(ctx, rusLead, S, 'usa-rus-officials', false);

    // the host reads only that the room and the attendees are taken, never by what
    const calendar = JSON.stringify(await listMeetings(ctx, hostAdmin, S));
    expect(calendar).not.toContain('usa-rus-officials');
    expect(calendar).toContain(second!.start);
    const log = JSON.stringify(await readEventLog(ctx, hostAdmin, S, { limit: 1000 }));
    expect(log).not.toContain('usa-rus-officials');
    const chnLog = JSON.stringify(await readEventLog(ctx, chnPo, S, { limit: 1000 }));
    expect(chnLog).not.toContain('usa-rus-officials');

    await unplaceMeeting(ctx, rusLead, S, 'usa-rus-officials');
    expect((await getRequest(ctx, usaPo, S, 'usa-rus-officials')).request.status).toBe('agreed');
  });

  it('keeps a party from placing a request that is not confidential: that is the host’s', async () => {
    const [slot] = await suggestSlots(ctx, usaPo, S, 'usa-rus-fm', { k: 1 });
    await expect(
      placeMeeting(ctx, usaPo, S, 'usa-rus-fm', { start: slot!.start, room: slot!.room }),
    ).rejects.toThrow(/only the host places meetings of request usa-rus-fm/);
    await expect(
      placeMeeting(ctx, chnPo, S, 'usa-rus-fm', { start: slot!.start, room: slot!.room }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets a host planner who is a party plan it in; other host staff see the job without it', async () => {
    const started = await startPlanJob(ctx, liaison, S, { timeLimitSeconds: 1, seed: 3 });
    const done = await runToEnd(ctx, started.id);
    expect(done.status).toBe('done');
    const mine = await readPlanJob(ctx, liaison, S, started.id);
    expect(mine.result!.diff.placed.map((p) => p.request)).toContain('usa-rus-officials');
    // twn-jpn (Taiwan and Japan's) stays out of the liaison's plan: the US is no party to it
    expect(JSON.stringify(mine)).not.toContain('twn-jpn');
    const theirs = await readPlanJob(ctx, hostAdmin, S, started.id);
    expect(JSON.stringify(theirs)).not.toContain('usa-rus-officials');
    expect(theirs.progress.bound).toBeNull();

    await acceptPlanJob(ctx, liaison, S, started.id, mine.version);
    const request = await getRequest(ctx, rusLead, S, 'usa-rus-officials');
    expect(request.request.status).toBe('scheduled');
    expect(request.meeting).not.toBeNull();
    expect(JSON.stringify(await readEventLog(ctx, hostAdmin, S, { limit: 1000 }))).not.toContain(
      'usa-rus-officials',
    );
  });
});

/** Runs queued planning jobs until the job has ended, then stops the runner. */
async function runToEnd(ctx: ReturnType<typeof testContext>, id: string): Promise<PlanJobView> {
  const runner = await startPlanJobRunner(ctx, { heartbeatMs: 200, pollMs: 100 });
  try {
    for (let waited = 0; waited < 60_000; waited += 100) {
      const job = await readPlanJob(ctx, SYSTEM, S, id);
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`planning job ${id} did not end within a minute`);
  } finally {
    await runner.close();
  }
}
