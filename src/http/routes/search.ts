// Search across a summit: requests and meetings, people, delegations, rooms and programme events.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchSummit, SearchInput } from '../../app/search/search.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { SummitParams } from './common.js';

const Hit = z
  .object({
    kind: z.enum(['request', 'meeting', 'person', 'room', 'delegation', 'event']),
    id: z.string().describe("The record's id (a meeting's is its request's)"),
    title: z.string().describe('Its name or title, as screens show it'),
    detail: z.string().describe('A line of detail: state and topics, title and delegation, venue…'),
    start: z.string().nullable().describe('When it starts, for a meeting or programme event'),
    end: z.string().nullable(),
    request: z
      .string()
      .nullable()
      .describe('The request a hit opens; null for an announced meeting of others (its request is theirs)'),
  })
  .meta({ id: 'SearchHit' });

/** /api/summits/:summit/search. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/search',
    {
      config: { readCache: true },
      schema: {
        operationId: 'searchSummit',
        tags: ['search'],
        summary:
          'Find requests, meetings, people, delegations, rooms and programme events by name, id or topic, best first',
        params: SummitParams,
        querystring: SearchInput,
        response: { 200: z.object({ hits: z.array(Hit) }) },
        'x-authz': authz.signedIn(
          'participants; finds only what the reader may see (their requests, announced meetings, logistics); others get 404',
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request) => ({
      hits: await searchSummit(ctx, actorOf(request), request.params.summit, request.query),
    }),
  );
};
