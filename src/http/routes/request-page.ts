// The request page's one read: the request, its thread, history, the reader's deliberation and
// public lines, and the names they speak of. Each part is guarded as its own route guards it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readRequestPage } from '../../app/requests/page.js';
import { allowedChangesAt } from '../../domain/request/transition.js';
import { instantMillis } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { withETag } from '../concurrency/etag.js';
import { limitReadCache } from '../read-cache.js';
import { RequestParams } from './common.js';
import { DeliberationView } from './deliberation.js';
import { DelegationRecord, PersonRecord, RoomRecord, VenueRecord } from './logistics.js';
import { LineRecord } from './public-lines.js';
import { EventRecord, RequestViewSchema } from './requests.js';
import { Message } from './thread.js';

const RequestPageSchema = z
  .object({
    view: RequestViewSchema,
    thread: z.array(Message).nullable().describe("The parties' thread; null for a reader who is not a party"),
    history: z.array(EventRecord).describe('The events of the request the reader may read, in log order'),
    deliberation: DeliberationView.nullable().describe(
      "The reader's own delegation's deliberation; null for a reader who deliberates for no party",
    ),
    publicLines: z.array(LineRecord).describe("Every party's published line, and the reader's own draft"),
    encounterLikely: z
      .boolean()
      .nullable()
      .describe(
        "Whether the reader's principal shares an encounter with another party's; null for a reader who is not a party",
      ),
    names: z
      .object({
        delegations: z.array(DelegationRecord),
        persons: z.array(PersonRecord).describe("The persons of the request's parties"),
        rooms: z.array(RoomRecord),
        venues: z.array(VenueRecord),
        users: z
          .array(z.object({ id: z.string(), name: z.string() }))
          .describe('The accounts that acted in what this answer shows, by display name'),
      })
      .describe('The names the page speaks of, so it never shows an id'),
  })
  .meta({ id: 'RequestPage' });

/** /api/summits/:summit/requests/:request/page. */
export const requestPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/requests/:request/page',
    {
      config: { readCache: true },
      schema: {
        operationId: 'getRequestPage',
        tags: ['requests'],
        summary:
          'Everything the request page shows in one read: the request, thread, history, your deliberation, public lines and the names they use',
        params: RequestParams,
        response: { 200: RequestPageSchema },
        'x-authz': authz.signedIn(
          'its parties, and the host for logistics unless it is confidential (the host gets no thread or deliberation); anyone else gets 404',
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request, reply) => {
      const now = ctx.now(); // before the use case reads it: see allowedChangesAt
      const page = await readRequestPage(
        ctx,
        actorOf(request),
        request.params.summit,
        request.params.request,
      );
      const changes = allowedChangesAt({ meeting: page.view.meeting, now });
      if (changes !== null) limitReadCache(request, instantMillis(changes));
      withETag(reply, page.view.request);
      return page;
    },
  );
};
