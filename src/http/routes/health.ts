// GET /api/health (liveness: the process answers) and GET /api/ready (readiness: what the
// database lets this server do now).
import { hostname } from 'node:os';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isStoreFault } from '../../store/faults.js';
import { authz } from '../authz.js';
import { UNAVAILABLE_RETRY_SECONDS } from '../error-mapper.js';

const Health = z.object({
  status: z.literal('ok'),
  store: z.enum(['sqlite', 'postgres']),
  uptimeSeconds: z.number(),
});

const DatabaseState = z.enum(['ok', 'unavailable', 'full', 'read-only']);

const Ready = z.object({
  status: z
    .enum(['ready', 'degraded', 'unavailable'])
    .describe(
      'ready: reads and writes work; degraded: reads work, writes are refused; unavailable: nothing works',
    ),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    state: DatabaseState,
    detail: z.string().nullable().describe('what the database last said, while it is not ok'),
    since: z.string().describe('since when the database has been in this state'),
  }),
});
type Ready = z.infer<typeof Ready>;

/** Liveness and readiness, for load balancers, orchestrators and `sideline serve` smoke tests. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the server process answers (the database is not asked; see /api/ready)',
        response: { 200: Health },
        'x-authz': authz.public('anyone; reveals only that the server answers'),
      },
      config: { rateLimit: false },
    },
    async () => ({
      status: 'ok' as const,
      store: app.deps.app.store.dialect,
      uptimeSeconds: Math.round(process.uptime()),
    }),
  );

  const probeBy = `${hostname()}:${process.pid}`;
  app.get(
    '/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: whether the database answers and takes writes',
        description:
          '200 `ready` when the database answers and takes writes; 200 `degraded` when it answers but ' +
          'refuses writes (storage full or read-only: reads still work); 503 `unavailable` with ' +
          'Retry-After when it cannot be reached.',
        response: { 200: Ready, 503: Ready },
        'x-authz': authz.public('anyone; reveals only whether the database answers and takes writes'),
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const store = app.deps.app.store;
      const answer = (status: Ready['status']): Ready => {
        const condition = store.condition();
        return {
          status,
          database: {
            dialect: store.dialect,
            state: condition.state,
            detail: condition.detail,
            since: new Date(condition.since).toISOString(),
          },
        };
      };
      try {
        await store.ping();
        // after a write fault, one small write tells whether writes succeed again
        if (store.condition().state !== 'ok') await store.probeWrite(probeBy);
        return answer('ready');
      } catch (error) {
        if (!isStoreFault(error)) throw error;
        if (error.fault !== 'unavailable') return answer('degraded');
        reply.header('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
        return reply.code(503).send(answer('unavailable'));
      }
    },
  );
};
