// The event log of a summit, as much of it as the reader may see.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readEventLog } from '../../app/events/read-log.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { Page, PageQuery, decodeCursor, encodeCursor } from '../pagination.js';
import { SummitParams } from './common.js';
import { EventRecord } from './requests.js';

const LogQuery = PageQuery.extend({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Events after this seq (e.g. the last one you hold)'),
  since: Instant.optional().describe('Events at or after this instant'),
});

/** The seq to read after: the cursor's, else `after`, else the start. */
function startOf(query: { after?: number | undefined; cursor?: string | undefined }): number {
  if (query.cursor === undefined) return query.after ?? 0;
  const [seq] = decodeCursor(query.cursor);
  return typeof seq === 'number' ? seq : 0;
}

/** GET /api/summits/:summit/log. */
export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/log',
    {
      schema: {
        tags: ['log'],
        summary: "Events in log order; others' private events are skipped, not redacted",
        params: SummitParams,
        querystring: LogQuery,
        response: { 200: Page(EventRecord) },
        'x-authz': authz.signedIn('participants, each seeing the events of the scopes they may read', {
          capability: 'read',
          scope: 'summit',
          denied: 404,
        }),
      },
    },
    async (request) => {
      const { limit, since } = request.query;
      // one more than asked: whether it comes back says if there is a next page
      const events = await readEventLog(ctx, actorOf(request), request.params.summit, {
        afterSeq: startOf(request.query),
        ...(since ? { since } : {}),
        limit: limit + 1,
      });
      const items = events.slice(0, limit);
      const last = items.at(-1);
      return { items, next: events.length > limit && last ? encodeCursor([last.seq]) : null };
    },
  );
};
