// The parties' shared thread on a request.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NewMessage, postToThread, readThread } from '../../app/requests/thread.js';
import { ThreadMessage } from '../../domain/request/schema.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { ActingQuery, RequestParams } from './common.js';

/** A message of a thread, as the OpenAPI document names it. */
export const Message = ThreadMessage.meta({ id: 'ThreadMessage' });

/** /api/summits/:summit/requests/:request/thread. */
export const threadRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/requests/:request/thread',
    {
      schema: {
        tags: ['thread'],
        summary: 'The messages of the thread, oldest first',
        params: RequestParams,
        querystring: PageQuery,
        response: { 200: Page(Message) },
        'x-authz': authz.signedIn(
          'the parties only; the host gets 403, anyone who may not see the request 404',
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      const messages = await readThread(ctx, actorOf(request), summit, id);
      // the thread's own order (oldest first) is the key: messages may share an instant
      const numbered = messages.map((message, n) => ({ message, n }));
      const page = paginate(numbered, request.query, (x) => [x.n]);
      return { items: page.items.map((x) => x.message), next: page.next };
    },
  );

  app.post(
    '/summits/:summit/requests/:request/thread',
    {
      schema: {
        tags: ['thread'],
        summary: 'Post a message to the parties',
        params: RequestParams,
        querystring: ActingQuery,
        body: NewMessage,
        response: { 201: Message },
        'x-authz': authz.signedIn(
          "a party's lead or protocol officer; viewers and the host get 403, others 404",
          {
            capability: 'act-on-request',
            scope: 'parties',
            denied: 404,
          },
        ),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const message = await postToThread(ctx, actorOf(request), summit, id, request.body, request.query.as);
      return reply.code(201).send(message);
    },
  );
};
