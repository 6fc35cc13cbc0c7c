// Summits: the ones you take part in, one summit, creating (operators, who then administer it) and
// changing its settings (host admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Summit } from '../../domain/summit/schema.js';
import { changeSummit, createSummit, getSummit, listSummits } from '../../app/summit/summits.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { ForceQuery, forceOf, SummitParams } from './common.js';

const SummitView = Summit.meta({ id: 'Summit' });

/** Who may create a summit, as the routes that do declare it. */
export const OPERATORS_ONLY =
  "operator accounts (a platform grant), who become the new summit's host-admin; everyone else gets 403. " +
  'Creating one gives an operator nothing in any other summit';
const SummitInput = Summit.omit({ version: true }).strict().meta({ id: 'SummitSettings' });

/** /api/summits and /api/summits/:summit. */
export const summitRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits',
    {
      schema: {
        tags: ['summits'],
        summary: 'The summits you take part in, by id',
        querystring: PageQuery,
        response: { 200: Page(SummitView) },
        'x-authz': authz.signedIn('any signed-in user; lists only summits they hold a role in', {
          scope: 'self',
        }),
      },
    },
    async (request) => paginate(await listSummits(ctx, actorOf(request)), request.query, (s) => [s.id]),
  );

  app.post(
    '/summits',
    {
      schema: {
        tags: ['summits'],
        summary: 'Create an empty summit; you become its host-admin, to set it up (409 if its id is taken)',
        body: SummitInput,
        response: { 201: SummitView },
        'x-authz': authz.signedIn(OPERATORS_ONLY, { scope: 'platform', denied: 403 }),
      },
    },
    async (request, reply) => {
      const created = await createSummit(ctx, actorOf(request), request.body);
      return reply.code(201).send(withETag(reply, created));
    },
  );

  app.get(
    '/summits/:summit',
    {
      schema: {
        tags: ['summits'],
        summary: 'One summit: zone, days, day window, grain and buffer',
        params: SummitParams,
        response: { 200: SummitView },
        'x-authz': authz.signedIn('participants of the summit; others get 404', {
          capability: 'read',
          scope: 'summit',
          denied: 404,
        }),
      },
    },
    async (request, reply) => withETag(reply, await getSummit(ctx, actorOf(request), request.params.summit)),
  );

  app.put(
    '/summits/:summit',
    {
      schema: {
        tags: ['summits'],
        summary:
          "Change the summit's settings (If-Match: its ETag); 409 breaks-meeting when it would break a confirmed or pinned meeting",
        params: SummitParams,
        querystring: ForceQuery,
        headers: IfMatchHeaders,
        body: SummitInput,
        response: { 200: SummitView },
        'x-authz': authz.signedIn("the host's admin", {
          capability: 'manage-logistics',
          scope: 'host',
          denied: 403,
        }),
      },
    },
    async (request, reply) => {
      const changed = await changeSummit(
        ctx,
        actorOf(request),
        request.params.summit,
        request.body,
        requireIfMatch(request),
        forceOf(request.query),
      );
      return withETag(reply, changed);
    },
  );
};
