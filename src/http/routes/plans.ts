// Planning jobs: start a run of the engine (202), follow its progress, then accept or discard its
// plan. The job runs off the event loop (a worker thread here, or a `sideline worker` process on
// PostgreSQL) and lives in the store, so any server process answers for it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptPlanJob,
  discardPlanJob,
  PlanJobInput,
  readPlanJob,
  startPlanJob,
} from '../../app/planning/jobs.js';
import { servePlanJobs } from '../../app/planning/runner.js';
import { RequestId, RoomId, SummitId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { SummitParams } from './common.js';

const Objective = z
  .object({ weight: z.number(), preferred: z.number(), moved: z.number() })
  .describe('Priority sum, then preferred starts, then (fewest) moved meetings')
  .meta({ id: 'Objective' });

const PlacementRecord = z
  .object({ request: RequestId, start: Instant, end: Instant, room: RoomId.nullable() })
  .meta({ id: 'Placement' });

/** Something that keeps a request from a slot, as explanations name it (and what-if takes back). */
export const BlockerRecord = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('programme'),
      person: z.string(),
      event: z.string(),
      title: z.string(),
      from: Instant,
      to: Instant,
    }),
    z.object({
      kind: z.literal('busy'),
      person: z.string(),
      label: z.string().nullable(),
      from: Instant,
      to: Instant,
    }),
    z.object({
      kind: z.literal('presence'),
      person: z.string(),
      arrives: Instant.nullable(),
      departs: Instant.nullable(),
    }),
    z.object({
      kind: z.literal('meeting'),
      person: z.string(),
      request: z.string(),
      from: Instant,
      to: Instant,
    }),
    z.object({
      kind: z.literal('rooms'),
      venue: z.string().nullable(),
      reason: z.enum(['taken', 'too-small', 'unavailable', 'lent']),
      from: Instant.optional(),
      to: Instant.optional(),
    }),
    z.object({
      kind: z.literal('travel'),
      person: z.string(),
      fromVenue: z.string(),
      toVenue: z.string(),
      minutes: z.number(),
    }),
    z.object({ kind: z.literal('window'), detail: z.string() }),
    z.object({
      kind: z.literal('quota'),
      delegation: z.string(),
      per: z.enum(['day', 'summit']),
      day: z.string().nullable(),
      measure: z.enum(['meetings', 'minutes']),
      used: z.number(),
      limit: z.number(),
      requester: z.boolean(),
    }),
    z.object({
      kind: z.literal('interpreters'),
      delegation: z.string(),
      interpreters: z.number(),
      from: Instant,
      to: Instant,
      meetings: z.array(z.string()),
    }),
    z.object({
      kind: z.literal('features'),
      venue: z.string().nullable(),
      needs: z.array(z.string()),
      from: Instant.optional(),
      to: Instant.optional(),
    }),
    z.object({
      kind: z.literal('turnover'),
      room: z.string(),
      minutes: z.number(),
      request: z.string(),
      frees: Instant.optional(),
      needed: Instant.optional(),
    }),
  ])
  .meta({ id: 'Blocker' });

const UnplacedRecord = z
  .object({
    request: RequestId,
    reason: z.string().describe('A state (e.g. conditions-pending) or no-slot / displaced'),
    detail: z.string().describe('One or two sentences a protocol officer can act on'),
    blockers: z.array(BlockerRecord),
  })
  .meta({ id: 'Unplaced' });

const SlotRecord = z.object({ start: Instant, end: Instant, room: RoomId.nullable() });

const MoveRecord = z
  .object({
    request: RequestId,
    from: SlotRecord,
    to: SlotRecord.nullable().describe('Null: left off the calendar'),
    for: RequestId.optional().describe('The request whose meeting takes its old place, where there is one'),
    fits: z
      .boolean()
      .describe('False for a meeting that broke a rule where it was: a repair, not counted against maxMoves'),
  })
  .meta({ id: 'Move' });

const AppliedPolicyRecord = z
  .object({
    maxMoves: z
      .number()
      .nullable()
      .describe('At most this many moves of meetings that still fit; null: no limit'),
    now: Instant.nullable().describe('The moment of planning: nothing new or moved starts before it'),
    freezeHours: z
      .number()
      .nullable()
      .describe('Meetings starting before now + freezeHours stay where they are'),
  })
  .describe('The move policy the plan was made under')
  .meta({ id: 'MovePolicy' });

const PlanRecord = z
  .object({
    summit: SummitId,
    objective: Objective,
    bound: z.number().nullable().describe('A proven upper bound on objective.weight, when computed'),
    meetings: z.array(PlacementRecord),
    unscheduled: z.array(UnplacedRecord),
    moved: z.array(RequestId),
    moves: z
      .array(MoveRecord)
      .describe('Each existing meeting the plan moves or leaves off, with the request it made room for'),
    policy: AppliedPolicyRecord,
    stats: z.object({ millis: z.number(), seed: z.number(), iterations: z.number().optional() }),
    warnings: z.array(z.string()).optional(),
    pending: z
      .array(z.enum(['bound', 'explanations']))
      .optional()
      .describe(
        "What is still being computed: a running job's plan answers first, its bound and explanations follow",
      ),
    unexplained: z
      .array(RequestId)
      .optional()
      .describe('While explanations are pending: the requests left off for want of a slot'),
  })
  .meta({ id: 'Plan' });

const PlanDiffRecord = z
  .object({
    placed: z.array(PlacementRecord),
    moved: z.array(z.object({ from: PlacementRecord, to: PlacementRecord })),
    removed: z.array(PlacementRecord),
    unplaced: z.array(UnplacedRecord),
  })
  .meta({ id: 'PlanDiff' });

const PlanJobRecord = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'accepted', 'discarded']),
    version: z.number().int(),
    seed: z.number().int(),
    timeLimitSeconds: z.number(),
    settings: z
      .object({
        mode: z.enum(['keep-schedule', 're-optimise']).nullable(),
        maxMoves: z.union([z.number(), z.literal('all')]).nullable(),
        now: z.string().nullable().describe('An instant (UTC)'),
        freezeHours: z.number().nullable(),
      })
      .describe(
        "How the job was asked to treat the schedule (null: the default); the plan's policy says what applied",
      ),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: z.object({
      elapsedMs: z.number(),
      objective: Objective.nullable().describe('The best plan found so far'),
      bound: z.number().nullable().describe('A proven upper bound on objective.weight'),
      gap: z
        .number()
        .nullable()
        .describe('(bound − weight) / bound: how far below the best possible plan this one may be, at most'),
    }),
    result: z
      .object({ plan: PlanRecord, diff: PlanDiffRecord })
      .nullable()
      .describe(
        'The plan and what it would change on the calendar as it is now: once done, and while running as soon as it has an answer (plan.pending)',
      ),
    error: z.string().nullable(),
    attempts: z
      .number()
      .int()
      .describe('Times a runner took the job up; a job that fails or loses its runner 3 times is failed'),
    recoveries: z
      .array(z.string())
      .describe(
        'Earlier attempts that ended without a plan, oldest first: a failure, or a runner that stopped answering and whose job another runner took over',
      ),
  })
  .meta({ id: 'PlanJob' });

const JobParams = SummitParams.extend({ id: z.string().min(1).max(100) });

const planners = (note: string) =>
  authz.signedIn(note, { capability: 'place-meetings', scope: 'host', denied: 403 });

/** /api/summits/:summit/plans… */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;
  // On SQLite this server solves the jobs itself, in worker threads; on PostgreSQL workers do.
  const jobs = await servePlanJobs(ctx, { log: (message) => app.log.info(message) });
  app.addHook('onClose', () => jobs.close());

  app.post(
    '/summits/:summit/plans',
    {
      schema: {
        tags: ['planning'],
        summary: 'Start planning the summit (202): poll the job for progress, then accept or discard it',
        params: SummitParams,
        body: PlanJobInput.optional(),
        response: { 202: PlanJobRecord },
        'x-authz': planners("the host's staff who place meetings"),
      },
    },
    async (request, reply) => {
      const job = await startPlanJob(ctx, actorOf(request), request.params.summit, request.body ?? {});
      withETag(reply, job);
      reply.header('location', `/api/summits/${request.params.summit}/plans/${job.id}`);
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/summits/:summit/plans/:id',
    {
      schema: {
        tags: ['planning'],
        summary: 'A planning job: its status and progress, and once done its plan and diff',
        params: JobParams,
        response: { 200: PlanJobRecord },
        'x-authz': planners(
          "the host's staff who place meetings; confidential requests stay out of the plan shown",
        ),
      },
    },
    async (request, reply) => {
      const job = await readPlanJob(ctx, actorOf(request), request.params.summit, request.params.id);
      return withETag(reply, job);
    },
  );

  app.post(
    '/summits/:summit/plans/:id/accept',
    {
      schema: {
        tags: ['planning'],
        summary:
          "Write a finished job's plan to the calendar (If-Match); 409 plan-stale when the summit changed since",
        params: JobParams,
        headers: IfMatchHeaders,
        response: { 200: PlanJobRecord },
        'x-authz': planners("the host's staff who place meetings"),
      },
    },
    async (request, reply) => {
      const { summit, id } = request.params;
      const { job } = await acceptPlanJob(ctx, actorOf(request), summit, id, requireIfMatch(request));
      return withETag(reply, job);
    },
  );

  app.delete(
    '/summits/:summit/plans/:id',
    {
      schema: {
        tags: ['planning'],
        summary: 'Cancel a queued or running job, or discard a finished plan (If-Match)',
        params: JobParams,
        headers: IfMatchHeaders,
        response: { 200: PlanJobRecord },
        'x-authz': planners("the host's staff who place meetings"),
      },
    },
    async (request, reply) => {
      const { summit, id } = request.params;
      const job = await discardPlanJob(ctx, actorOf(request), summit, id, requireIfMatch(request));
      return withETag(reply, job);
    },
  );
};
