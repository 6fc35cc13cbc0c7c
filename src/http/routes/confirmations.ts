// /api/summits/:summit/confirmations: the scheduled meetings awaiting confirmation under the summit's
// deadline, and the sweep that flags (or releases) those overdue, which the server also runs each minute.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { startDeadlineSweeper } from '../../app/meetings/deadline-runner.js';
import { listAwaitingConfirmation, sweepConfirmationDeadlines } from '../../app/meetings/deadlines.js';
import { DelegationId, RequestId, RoomId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { SummitParams } from './common.js';

const Awaiting = z
  .object({
    request: RequestId,
    start: Instant,
    end: Instant,
    room: RoomId.nullable(),
    deadline: Instant.describe('By when every party must confirm the slot'),
    confirmedBy: z.array(DelegationId),
    missing: z.array(DelegationId).describe('The parties that have not confirmed yet'),
    overdue: z.boolean().describe('true: the deadline has passed; the meeting is flagged'),
  })
  .meta({ id: 'AwaitingConfirmation' });

const SweepAnswer = z
  .object({
    flagged: z.array(RequestId).describe('Meetings flagged as overdue by this sweep'),
    released: z.array(RequestId).describe('Of those, the ones taken off the calendar (lapse: release)'),
  })
  .meta({ id: 'ConfirmationSweep' });

/** The confirmation deadline routes; the server sweeps every summit's deadlines each minute. */
export const confirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;
  const every = app.deps.deadlineSweepMs;
  if (every !== false) {
    const sweeper = startDeadlineSweeper(ctx, { intervalMs: every, log: (message) => app.log.info(message) });
    app.addHook('onClose', () => sweeper.close());
  }

  app.get(
    '/summits/:summit/confirmations',
    {
      schema: {
        tags: ['meetings'],
        summary:
          "Scheduled meetings awaiting their parties' confirmation under the summit's deadline (summit.confirmation), earliest deadline first",
        params: SummitParams,
        response: { 200: z.array(Awaiting) },
        'x-authz': authz.signedIn(
          'participants: a delegation sees the meetings it is party to, the host those it may see (never a confidential one)',
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request) => listAwaitingConfirmation(ctx, actorOf(request), request.params.summit),
  );

  app.post(
    '/summits/:summit/confirmations/sweep',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Flag now every meeting whose confirmation deadline has passed (and release its slot where the summit says so); the server does this each minute',
        params: SummitParams,
        response: { 200: SweepAnswer },
        'x-authz': authz.signedIn("the host's admin", {
          capability: 'manage-logistics',
          scope: 'host',
          denied: 403,
        }),
      },
    },
    async (request) => sweepConfirmationDeadlines(ctx, actorOf(request), request.params.summit),
  );
};
