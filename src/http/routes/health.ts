// GET /api/health: the process is up and its store answers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authz } from '../authz.js';

const Health = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) });

/** The health check, for load balancers and `sideline serve` smoke tests. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and store reachability',
        response: { 200: Health },
        'x-authz': authz.public('anyone; reveals only that the server and its store answer'),
      },
    },
    async () => {
      const store = app.deps.app.store;
      await store.read((tx) => tx.summits.list()); // a query that fails if the database is unreachable
      return { status: 'ok' as const, store: store.dialect };
    },
  );
};
