// Meeting requests: list and search, ask for a meeting, read one with what you may do next, move it
// through its life cycle, and its history.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestHistory } from '../../app/requests/history.js';
import { NewRequest, TransitionInput } from '../../app/requests/inputs.js';
import { getRequest } from '../../app/requests/read.js';
import { requestMeeting } from '../../app/requests/request-meeting.js';
import { RequestSearch, searchRequests } from '../../app/requests/search.js';
import { transitionRequest } from '../../app/requests/transition.js';
import { DomainEvent } from '../../domain/event/schema.js';
import { Meeting } from '../../domain/meeting/schema.js';
import { LIFECYCLE, type TransitionName } from '../../domain/request/lifecycle.js';
import { Condition, Request } from '../../domain/request/schema.js';
import { allowedChangesAt } from '../../domain/request/transition.js';
import { instantMillis } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { limitReadCache } from '../read-cache.js';
import { ActingQuery, actingFor, RequestParams, SummitParams } from './common.js';
import { MeetingNoticesRecord } from './notice-records.js';

/** The shared schemas of the request routes, named in OpenAPI. */
export const RequestRecord = Request.meta({ id: 'Request' });
export const ConditionRecord = Condition.meta({ id: 'Condition' });
export const EventRecord = DomainEvent.meta({ id: 'Event' });

/** What a request that stands should still be told (a rank mismatch under `rankParity: warn`). */
const RequestWarning = z
  .object({
    path: z.string().describe('Where in the request: `attendees`'),
    message: z.string().describe('`ranks differ: usa-potus (head of state) with chn-commerce (minister)`'),
    code: z.string().optional().describe('`rank-mismatch`'),
  })
  .meta({ id: 'RequestWarning' });

const TransitionNameSchema = z.enum(Object.keys(LIFECYCLE) as [TransitionName, ...TransitionName[]]);

/** A request with its conditions, meeting and next steps, as the OpenAPI document names it. */
export const RequestViewSchema = z
  .object({
    request: RequestRecord,
    conditions: z.array(ConditionRecord),
    meeting: Meeting.nullable(),
    notices: MeetingNoticesRecord,
    allowed: z.array(TransitionNameSchema).describe('The transitions you may take now'),
    warnings: z.array(RequestWarning),
  })
  .meta({ id: 'RequestView' });

const Created = z.object({
  request: RequestRecord,
  conditions: z.array(ConditionRecord),
  warnings: z.array(RequestWarning),
});

const SearchQuery = PageQuery.extend(RequestSearch.shape).extend({
  priority: z.coerce.number().int().min(1).max(5).optional(),
});

const seen = authz.signedIn(
  'its parties, and the host for logistics unless it is confidential; anyone else gets 404',
  { capability: 'read', scope: 'parties', denied: 404 },
);

/** /api/summits/:summit/requests… */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/requests',
    {
      config: { readCache: true },
      schema: {
        tags: ['requests'],
        summary: 'The requests you may see, by id, narrowed by any filters given',
        params: SummitParams,
        querystring: SearchQuery,
        response: { 200: Page(RequestRecord) },
        'x-authz': authz.signedIn(
          "participants; lists only requests they are party to, and the host's non-confidential ones",
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const found = await searchRequests(ctx, actorOf(request), request.params.summit, filter);
      return paginate(found, { limit, cursor }, (r) => [r.id]);
    },
  );

  app.post(
    '/summits/:summit/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Ask one or more delegations for a meeting (submitted at once unless submit is false)',
        params: SummitParams,
        body: NewRequest,
        response: { 201: Created },
        'x-authz': authz.signedIn("the requesting delegation's lead or protocol officer", {
          capability: 'act-on-request',
          scope: 'delegation',
          denied: 403,
        }),
      },
    },
    async (request, reply) => {
      const created = await requestMeeting(ctx, actorOf(request), request.params.summit, request.body);
      withETag(reply, created.request);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/summits/:summit/requests/:request',
    {
      config: { readCache: true },
      schema: {
        tags: ['requests'],
        summary: 'A request with its conditions, its meeting and the transitions you may take',
        params: RequestParams,
        response: { 200: RequestViewSchema },
        'x-authz': seen,
      },
    },
    async (request, reply) => {
      const now = ctx.now(); // before the use case reads it: see allowedChangesAt
      const view = await getRequest(ctx, actorOf(request), request.params.summit, request.params.request);
      const changes = allowedChangesAt({ meeting: view.meeting, now });
      if (changes !== null) limitReadCache(request, instantMillis(changes));
      withETag(reply, view.request);
      return view;
    },
  );

  app.post(
    '/summits/:summit/requests/:request/transitions',
    {
      schema: {
        tags: ['requests'],
        summary: "Take a life-cycle transition (If-Match: the request's ETag); an illegal one is 409",
        params: RequestParams,
        querystring: ActingQuery,
        headers: IfMatchHeaders,
        body: TransitionInput,
        response: { 200: RequestRecord },
        'x-authz': authz.signedIn(
          'the side the transition belongs to (requester, counterpart or either party) in a role that may take it',
          { capability: 'act-on-request', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const expectedVersion = requireIfMatch(request);
      const moved = await transitionRequest(ctx, actorOf(request), summit, id, request.body, {
        expectedVersion,
        ...actingFor(request.query),
      });
      return withETag(reply, moved);
    },
  );

  app.get(
    '/summits/:summit/requests/:request/history',
    {
      schema: {
        tags: ['requests'],
        summary: "The request's events you may read, in log order",
        params: RequestParams,
        querystring: PageQuery,
        response: { 200: Page(EventRecord) },
        'x-authz': authz.signedIn(
          "those who may see the request; another delegation's deliberation and drafts are left out",
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      const events = await requestHistory(ctx, actorOf(request), summit, id);
      return paginate(events, request.query, (e) => [e.seq]);
    },
  );
};
