// Where two delegations' principals will meet informally: programme events marked as encounters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEncounters } from '../../app/encounters/list.js';
import { DelegationId, ProgrammeEventId, VenueId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { SummitParams } from './common.js';

const EncounterWindow = z
  .object({
    event: ProgrammeEventId,
    title: z.string(),
    venue: VenueId.nullable(),
    from: Instant,
    to: Instant,
  })
  .meta({ id: 'EncounterWindow' });

const Pair = PageQuery.extend({
  a: DelegationId.describe('One delegation'),
  b: DelegationId.describe('The other delegation'),
}).refine((q) => q.a !== q.b, { message: 'a and b must be two different delegations', path: ['b'] });

/** GET /api/summits/:summit/encounters?a=&b=. */
export const encounterRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/encounters',
    {
      config: { readCache: true },
      schema: {
        tags: ['encounters'],
        summary: "The windows where a's and b's principals are both at an encounter event, in time order",
        params: SummitParams,
        querystring: Pair,
        response: { 200: Page(EncounterWindow) },
        'x-authz': authz.signedIn('participants (programme and presence are public); others get 404', {
          capability: 'read',
          scope: 'summit',
          denied: 404,
        }),
      },
    },
    async (request) => {
      const { a, b, limit, cursor } = request.query;
      const windows = await listEncounters(ctx, actorOf(request), request.params.summit, a, b);
      return paginate(windows, { limit, cursor }, (w) => [w.from, w.to, w.event]);
    },
  );
};
