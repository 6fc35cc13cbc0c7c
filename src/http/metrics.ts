// GET /metrics in Prometheus's text format (prom-client): requests per route (rate and latency),
// the planning queue's depth and age, live event-stream clients, the database pool and state, and
// the outbox's lag once something reports it. Process metrics (memory, heap, event-loop lag, GC)
// come from prom-client's defaults, kept once per process.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where the outbox lag comes from: seconds the oldest unsent message has waited, or undefined when none waits. */
export type OutboxLagSource = () => Promise<number | undefined> | number | undefined;

/** What parts of the server report to the metrics. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** One more (or one fewer) live event stream open. */
  eventStreams: Gauge;
  /** Requests refused by a rate limit, per kind of key. */
  rateLimited: Counter<'limit'>;
  /** Sets the outbox lag's source (the notifications work fills it); until then the metric is absent. */
  setOutboxLag(source: OutboxLagSource): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This server's metrics; see metrics.ts. */
    metrics: ServerMetrics;
  }
}

/** The process's default metrics, collected once however many servers the process builds. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Latency buckets in seconds: a cached read takes a millisecond, an import many seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The route a request matched, as declared (never the raw URL: that would make a series per id). */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(unmatched)';
}

/** May this request read the metrics: from this machine, or with the metrics token when one is set. */
function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return request.headers.authorization === `Bearer ${token}`;
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Registers the metrics and GET /metrics. Without `token` the route answers callers on this machine
 * only (a scraper beside the server, or through a proxy that forwards it); with one it needs
 * `Authorization: Bearer <token>`.
 */
export function registerMetrics(app: FastifyInstance, token?: string): void {
  const registry = new Registry();
  const requests = new Counter({
    name: 'sideline_http_requests_total',
    help: 'Requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sideline_http_request_duration_seconds',
    help: 'Time from a request to its answer, by method and route',
    labelNames: ['method', 'route'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const eventStreams = new Gauge({
    name: 'sideline_event_stream_clients',
    help: 'Live event streams this server is serving',
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'sideline_rate_limited_total',
    help: 'Requests refused by a rate limit, by limit (address, user, route)',
    labelNames: ['limit'],
    registers: [registry],
  });
  const store = app.deps.app.store;
  new Gauge({
    name: 'sideline_plan_jobs',
    help: 'Planning jobs waiting (queued) and being solved (running), across every server',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const stats = await store.read((tx) => tx.planJobs.queueStats()).catch(() => undefined);
      if (!stats) return;
      this.set({ status: 'queued' }, stats.queued);
      this.set({ status: 'running' }, stats.running);
      ageOfOldest = stats.oldestQueuedAt ? (Date.now() - Date.parse(stats.oldestQueuedAt)) / 1000 : 0;
    },
  });
  let ageOfOldest = 0;
  new Gauge({
    name: 'sideline_plan_job_oldest_queued_seconds',
    help: 'How long the oldest waiting planning job has waited (0 when none waits)',
    registers: [registry],
    collect() {
      this.set(ageOfOldest);
    },
  });
  new Gauge({
    name: 'sideline_db_pool_connections',
    help: 'Database connections of this server: open, idle, and callers waiting for one (PostgreSQL)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = store.poolStats();
      if (!pool) return;
      this.set({ state: 'open' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  new Gauge({
    name: 'sideline_database_state',
    help: 'What the database last showed this server: 1 for the state it is in (ok, unavailable, full, read-only)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const now = store.condition().state;
      for (const state of ['ok', 'unavailable', 'full', 'read-only'])
        this.set({ state }, state === now ? 1 : 0);
    },
  });
  let outboxLag: OutboxLagSource | undefined;
  const lag = new Gauge({
    name: 'sideline_outbox_lag_seconds',
    help: 'How long the oldest message waiting in the outbox has waited (0 when none waits)',
    registers: [],
    async collect() {
      const seconds = await outboxLag?.();
      this.set(seconds ?? 0);
    },
  });

  app.decorate('metrics', {
    registry,
    eventStreams,
    rateLimited,
    setOutboxLag(source: OutboxLagSource) {
      if (!outboxLag) registry.registerMetric(lag);
      outboxLag = source;
    },
  } satisfies ServerMetrics);

  // A callback hook: it runs on every answer, and an async one costs a promise each.
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    if (route !== '/metrics') {
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    }
    done();
  });

  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
    if (!mayRead(request, token)) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send('metrics are served to this machine, or with the metrics token (SIDELINE_METRICS_TOKEN)\n');
    }
    const text = (await processMetrics().metrics()) + '\n' + (await registry.metrics());
    return reply.type(registry.contentType).send(text);
  });
}
