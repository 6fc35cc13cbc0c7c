// Reports over what happened in the summit week: attendance per delegation.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attendanceReport } from '../../app/reports/attendance.js';
import { DelegationId, RequestId, RoomId } from '../../domain/ids.js';
import { MeetingOutcome } from '../../domain/meeting/schema.js';
import { RequestStatus } from '../../domain/request/schema.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { SummitParams } from './common.js';

const count = z.number().int().min(0);

const AttendanceRow = z
  .object({
    delegation: DelegationId,
    name: z.string(),
    meetings: count.describe('Its meetings whose start has passed'),
    held: count.describe('Held on time'),
    heldLate: count.describe('Held, but late'),
    late: count.describe('Times it was named as the party that came late'),
    lateMinutes: count.describe('The minutes those meetings began late'),
    noShows: count.describe('Times it was named as not coming'),
    lateCancellations: count.describe('Times it cancelled late'),
    unrecorded: count.describe('Its past meetings with nothing recorded yet'),
  })
  .meta({ id: 'AttendanceRow' });

const AttendanceMeeting = z
  .object({
    request: RequestId,
    parties: z.array(DelegationId),
    start: Instant,
    end: Instant,
    room: RoomId.nullable(),
    status: RequestStatus,
    outcome: MeetingOutcome.nullable(),
  })
  .meta({ id: 'AttendanceMeeting' });

const AttendanceReport = z
  .object({
    at: Instant.describe('The moment the report was made: meetings that started before it count'),
    delegations: z.array(AttendanceRow),
    meetings: z.array(AttendanceMeeting),
  })
  .meta({ id: 'AttendanceReport' });

/** GET /api/summits/:summit/reports/attendance. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/reports/attendance',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Attendance per delegation (held, held late, no-shows, late cancellations, unrecorded) over the meetings ' +
          'that have started, and those meetings',
        params: SummitParams,
        response: { 200: AttendanceReport },
        'x-authz': authz.signedIn(
          'participants; each counts only the meetings of requests they may read (the host: all but confidential ones); others get 404',
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => attendanceReport(ctx, actorOf(request), request.params.summit),
  );
};
