// What each party says about a request: published lines for all who see the request, drafts for their
// own delegation only. A published line may not claim more than the record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicLineInput } from '../../app/deliberation/inputs.js';
import { readPublicLines, setPublicLine } from '../../app/deliberation/public-line.js';
import { PublicClaim, PublicLine } from '../../domain/deliberation/schema.js';
import { DelegationId } from '../../domain/ids.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { withETag } from '../concurrency/etag.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { RequestParams, requireIfMatchOrAbsent, UpsertHeaders } from './common.js';

/** A public line, as the OpenAPI document names it. */
export const LineRecord = PublicLine.meta({ id: 'PublicLine' });
const LineView = z
  .object({
    line: LineRecord,
    issues: z
      .array(z.object({ claim: PublicClaim, message: z.string() }))
      .describe('What the record does not support (a draft may be saved with issues; a published line not)'),
  })
  .meta({ id: 'PublicLineView' });

/** /api/summits/:summit/requests/:request/public-lines… */
export const publicLineRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/requests/:request/public-lines',
    {
      schema: {
        tags: ['public lines'],
        summary:
          "Every party's published line, and your own delegation's draft; each item's ETag is its version",
        params: RequestParams,
        querystring: PageQuery,
        response: { 200: Page(LineRecord) },
        'x-authz': authz.signedIn(
          "those who may see the request; another delegation's drafts are never listed; others get 404",
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      const lines = await readPublicLines(ctx, actorOf(request), summit, id);
      return paginate(lines, request.query, (l) => [l.delegation]);
    },
  );

  app.put(
    '/summits/:summit/requests/:request/public-lines/:delegation',
    {
      schema: {
        tags: ['public lines'],
        summary:
          "Draft or publish your delegation's line (If-Match: the line's ETag; If-None-Match: * for the first); " +
          'a published line the record does not support is 409 and nothing changes',
        params: RequestParams.extend({ delegation: DelegationId }),
        headers: UpsertHeaders,
        body: PublicLineInput.omit({ delegation: true }),
        response: { 200: LineView },
        'x-authz': authz.signedIn(
          'the lead or protocol officer of that party delegation; others get 403 or 404',
          {
            capability: 'act-on-request',
            scope: 'delegation',
            denied: 403,
          },
        ),
      },
    },
    async (request, reply) => {
      const { summit, request: id, delegation } = request.params;
      const expectedVersion = requireIfMatchOrAbsent(request);
      const view = await setPublicLine(
        ctx,
        actorOf(request),
        summit,
        id,
        { ...request.body, delegation },
        { expectedVersion },
      );
      withETag(reply, view.line);
      return view;
    },
  );
};
