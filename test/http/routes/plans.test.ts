// Planning-job routes in-process on the APEC demo, on SQLite (the server's own runner) and PostgreSQL
// (a runner started here, as a `sideline worker` would run): start, follow, accept, discard, cancel.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { programme } from '../../../src/app/logistics/specs.js';
import { startPlanJobRunner, type PlanJobRunner } from '../../../src/app/planning/runner.js';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import { REPLAYED_HEADER } from '../../../src/http/concurrency/idempotency.js';
import { errorPaths, startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const SYSTEM = { user: 'operator' as UserId, grants: [], system: true };

interface JobBody {
  id: string;
  status: string;
  version: number;
  settings: { mode: string | null; maxMoves: number | 'all' | null };
  progress: {
    elapsedMs: number;
    objective: { weight: number } | null;
    bound: number | null;
    gap: number | null;
  };
  result: {
    plan: {
      meetings: { request: string; start: string; end: string; room: string | null }[];
      moves: { request: string; fits: boolean; for?: string; to: object | null }[];
      policy: { maxMoves: number | null; now: string | null; freezeHours: number | null };
    };
    diff: { placed: { request: string }[]; moved: unknown[]; removed: unknown[]; unplaced: unknown[] };
  } | null;
}

describe.each(BACKENDS)('planning job routes on %s', (backend) => {
  let s: DemoServer;
  let runner: PlanJobRunner | undefined;

  beforeAll(async () => {
    s = await startDemoServer(backend);
    // SQLite: the server solves its jobs itself; PostgreSQL: jobs wait for a worker, so start one
    if (backend === 'postgres') runner = await startPlanJobRunner(s.app.deps.app, { heartbeatMs: 200 });
  });
  afterAll(async () => {
    await runner?.close();
    await s?.dispose();
  });

  const start = (body: object = { timeLimitSeconds: 1 }, headers: Record<string, string> = {}) =>
    s.as.hostStaff.send({ method: 'POST', url: `${S}/plans`, payload: body, headers });
  const read = (id: string) => s.as.hostStaff.send({ method: 'GET', url: `${S}/plans/${id}` });

  /** Polls a job until it leaves queued/running; returns every status seen and the last answer. */
  async function settle(id: string): Promise<{ seen: string[]; last: LightMyRequestResponse }> {
    const seen: string[] = [];
    for (let i = 0; i < 600; i++) {
      const last = await read(id);
      const status = (last.json() as JobBody).status;
      if (seen.at(-1) !== status) seen.push(status);
      if (status !== 'queued' && status !== 'running') return { seen, last };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it('starts a job (202), and shows its progress, plan and diff when done', async () => {
    const started = await start({ timeLimitSeconds: 1, seed: 3 });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json() as JobBody;
    expect(job).toMatchObject({ status: 'queued', version: 1, progress: { elapsedMs: 0, objective: null } });
    expect(started.headers.location).toBe(`${S}/plans/${job.id}`);
    expect(started.headers.etag).toBe('"1"');

    const { seen, last } = await settle(job.id);
    expect(seen.at(-1)).toBe('done');
    const done = last.json() as JobBody;
    expect(last.headers.etag).toBe(`"${done.version}"`);
    expect(done.progress.elapsedMs).toBeGreaterThan(0);
    expect(done.progress.objective?.weight).toBeGreaterThan(0);
    expect(done.result?.plan.meetings.length).toBeGreaterThan(10);
    expect(done.result?.diff.placed.length).toBeGreaterThan(0);
    // the host never sees the confidential requests, placed or not
    expect(last.body).not.toContain('usa-rus-officials');
    expect(last.body).not.toContain('twn-jpn');
  });

  it('accepts a done job under If-Match and writes its placements to the calendar', async () => {
    const job = (await start()).json() as JobBody;
    const done = (await settle(job.id)).last.json() as JobBody;
    const url = `${S}/plans/${job.id}/accept`;
    expect((await s.as.hostStaff.send({ method: 'POST', url })).statusCode).toBe(428);
    const stale = await s.as.hostStaff.send({ method: 'POST', url, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect(
      (await s.as.usaPo.send({ method: 'POST', url, headers: { 'if-match': `"${done.version}"` } }))
        .statusCode,
    ).toBe(403);
    const accepted = await s.as.hostStaff.send({
      method: 'POST',
      url,
      headers: { 'if-match': `"${done.version}"` },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const placed = done.result!.diff.placed[0]!.request;
    const request = await s.as.hostStaff.send({ method: 'GET', url: `${S}/requests/${placed}` });
    expect(request.json().request.status).toBe('scheduled');
    const planned = done.result!.plan.meetings.find((m) => m.request === placed)!;
    expect(request.json().meeting).toMatchObject({ start: planned.start, room: planned.room });
    // the accepted plan is now the calendar: nothing left to change
    expect(accepted.json().result.diff).toMatchObject({ placed: [], moved: [], removed: [] });
    const twice = await s.as.hostStaff.send({
      method: 'POST',
      url,
      headers: { 'if-match': `"${accepted.json().version}"` },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('plan-not-done');
  });

  it('refuses to accept a plan the summit has outgrown (409 plan-stale), naming what, changing nothing', async () => {
    // png-usa off the calendar, so that the plan places it anew
    const png = await s.as.hostStaff.send({ method: 'GET', url: `${S}/requests/png-usa` });
    const taken = await s.as.hostStaff.send({
      method: 'DELETE',
      url: `${S}/requests/png-usa/meeting`,
      headers: { 'if-match': `"${(png.json() as { meeting: { version: number } }).meeting.version}"` },
    });
    expect(taken.statusCode, taken.body).toBe(204);
    const job = (await start({ timeLimitSeconds: 1, seed: 9 })).json() as JobBody;
    const done = (await settle(job.id)).last.json() as JobBody;
    // a meeting the plan places anew (not one it keeps where it is)
    const placed = done.result!.diff.placed[0]!.request;
    const meeting = done.result!.plan.meetings.find((m) => m.request === placed)!;
    const view = await s.as.hostStaff.send({ method: 'GET', url: `${S}/requests/${meeting.request}` });
    const attendee = (view.json().request.attendees as string[])[0]!;
    // an official event now holds one attendee at the planned time
    await programme.add(s.app.deps.app, SYSTEM, 'apec-2017' as SummitId, {
      id: `briefing-${job.id.slice(0, 8)}`,
      title: 'Unplanned briefing',
      venue: null,
      from: meeting.start,
      to: meeting.end,
      attendees: [attendee],
      encounter: false,
    });
    const before = await s.as.hostStaff.send({ method: 'GET', url: `${S}/meetings?limit=200` });
    const r = await s.as.hostStaff.send({
      method: 'POST',
      url: `${S}/plans/${job.id}/accept`,
      headers: { 'if-match': `"${done.version}"` },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'plan-stale', planAgain: true });
    expect(r.json().conflicts).toContainEqual(
      expect.objectContaining({ request: meeting.request, rule: 'person-overlap' }),
    );
    expect(r.json().detail).toMatch(/programme briefing-.*plan again/);
    expect((await read(job.id)).json().status).toBe('done');
    const after = await s.as.hostStaff.send({ method: 'GET', url: `${S}/meetings?limit=200` });
    expect(after.json()).toEqual(before.json());
  });

  it('cancels a running job: its runner stops, and it stays discarded', async () => {
    const job = (await start({ timeLimitSeconds: 60, mode: 're-optimise' })).json() as JobBody;
    // wait until a runner holds it
    let current = (await read(job.id)).json() as JobBody;
    for (let i = 0; i < 200 && current.status === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      current = (await read(job.id)).json() as JobBody;
    }
    expect(current.status).toBe('running');
    const url = `${S}/plans/${job.id}`;
    expect((await s.as.hostStaff.send({ method: 'DELETE', url })).statusCode).toBe(428);
    const t0 = Date.now();
    const cancelled = await s.as.hostStaff.send({
      method: 'DELETE',
      url,
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'discarded', result: null });
    // the runner lets go well before its 60 s: a new job gets a runner (one at a time) at once
    const next = (await start({ timeLimitSeconds: 0.5 })).json() as JobBody;
    const { last } = await settle(next.id);
    expect(last.json().status).toBe('done');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect((await read(job.id)).json().status).toBe('discarded');
    const again = await s.as.hostStaff.send({
      method: 'DELETE',
      url,
      headers: { 'if-match': `"${cancelled.json().version}"` },
    });
    expect(again.statusCode).toBe(409);
  });

  it('replays a start sent twice with one Idempotency-Key: one job', async () => {
    const headers = { 'idempotency-key': `plan-${backend}` };
    const first = await start({ timeLimitSeconds: 0.5 }, headers);
    const second = await start({ timeLimitSeconds: 0.5 }, headers);
    expect(second.statusCode).toBe(202);
    expect(second.headers[REPLAYED_HEADER]).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    await settle(first.json().id);
  });

  it('refuses delegations (403), strangers and unknown jobs (404), no credentials (401), bad settings (400)', async () => {
    expect((await s.as.usaLead.send({ method: 'POST', url: `${S}/plans`, payload: {} })).statusCode).toBe(
      403,
    );
    expect((await s.as.stranger.send({ method: 'POST', url: `${S}/plans`, payload: {} })).statusCode).toBe(
      404,
    );
    expect((await s.anonymous({ method: 'POST', url: `${S}/plans`, payload: {} })).statusCode).toBe(401);
    expect((await read('no-such-job')).statusCode).toBe(404);
    const job = (await start({ timeLimitSeconds: 0.5 })).json() as JobBody;
    expect((await s.as.rusLead.send({ method: 'GET', url: `${S}/plans/${job.id}` })).statusCode).toBe(403);
    expect((await s.as.stranger.send({ method: 'GET', url: `${S}/plans/${job.id}` })).statusCode).toBe(404);
    const bad = await start({ timeLimitSeconds: -1, seed: 'seven', fast: true });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['body', 'body.seed', 'body.timeLimitSeconds']);
    const moves = await start({ mode: 're-optimise', maxMoves: 3 });
    expect(moves.statusCode).toBe(400);
    expect(errorPaths(moves)).toEqual(['body.maxMoves']);
    const settings = await start({ mode: 'tidy', maxMoves: -1, now: 'tomorrow', freezeHours: 1.5 });
    expect(settings.statusCode).toBe(400);
    expect(errorPaths(settings)).toEqual(['body.freezeHours', 'body.maxMoves', 'body.mode', 'body.now']);
    await settle(job.id);
  });

  it('keeps a summit that has a schedule by default: at most 5 moves of meetings that still fit, and a gap', async () => {
    // the calendar as a plan made it: every later plan starts from a schedule
    const first = (await start({ timeLimitSeconds: 1, mode: 're-optimise' })).json() as JobBody;
    const made = (await settle(first.id)).last.json() as JobBody;
    await s.as.hostStaff.send({
      method: 'POST',
      url: `${S}/plans/${first.id}/accept`,
      headers: { 'if-match': `"${made.version}"` },
    });
    const kept = (
      await settle((await start({ timeLimitSeconds: 5, seed: 11 })).json().id)
    ).last.json() as JobBody;
    expect(kept.status).toBe('done');
    expect(kept.settings).toMatchObject({ mode: null, maxMoves: null });
    expect(kept.result!.plan.policy.maxMoves).toBe(5);
    expect(kept.result!.plan.moves.filter((m) => m.fits).length).toBeLessThanOrEqual(5);
    expect(kept.progress.gap).toBeGreaterThanOrEqual(0);
    expect(kept.progress.gap).toBe(
      (kept.progress.bound! - kept.progress.objective!.weight) / kept.progress.bound!,
    );

    // re-optimise: no move limit, and the plan lists every meeting it would move
    const free = (await start({ timeLimitSeconds: 1, seed: 12, mode: 're-optimise' })).json() as JobBody;
    const done = (await settle(free.id)).last.json() as JobBody;
    expect(done.settings.mode).toBe('re-optimise');
    expect(done.result!.plan.policy.maxMoves).toBeNull();
    const movedByPlan = done.result!.plan.moves.filter((m) => m.to !== null).map((m) => m.request);
    const movedOnCalendar = (done.result!.diff.moved as { to: { request: string } }[]).map(
      (m) => m.to.request,
    );
    expect(movedByPlan.sort()).toEqual(movedOnCalendar.sort());

    // an explicit limit of none: nothing that still fits moves
    const none = (await start({ timeLimitSeconds: 1, maxMoves: 0 })).json() as JobBody;
    const still = (await settle(none.id)).last.json() as JobBody;
    expect(still.settings.maxMoves).toBe(0);
    expect(still.result!.plan.moves.filter((m) => m.fits)).toEqual([]);
  });
});
