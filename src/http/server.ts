// Builds the Fastify server: logging, security headers, limits, OpenAPI, authentication, errors, routes.
import cookie from '@fastify/cookie';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RouteOptions,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAuthContext, type SessionPolicy } from '../app/auth/context.js';
import type { ThrottlePolicy } from '../app/auth/throttle.js';
import { appContext } from '../app/context.js';
import { instantFromMillis } from '../domain/time.js';
import type { Store } from '../store/store.js';
import { registerAuthentication } from './auth/authenticate.js';
import { UNDECLARED_PATHS } from './authz.js';
import { registerIdempotency } from './concurrency/idempotency.js';
import { registerInstantOffsets } from './instants.js';
import { deriveOperationId } from './operation-id.js';
import type { HttpDeps } from './context.js';
import { DEFAULT_BODY_LIMIT } from './limits.js';
import { registerErrorHandling } from './errors.js';
import {
  genReqId,
  createLoggers,
  registerAccessLog,
  REQUEST_ID_HEADER,
  type LoggerOption,
} from './logging.js';
import { registerMetrics } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { DEFAULT_READ_CACHE_BYTES, registerReadCache } from './read-cache.js';
import { Problem, PROBLEM_TYPE } from './problem.js';
import { calendarFeedRoutes } from './routes/calendar.js';
import { FEATURE_ROUTES } from './routes/index.js';
import { DEFAULT_RATE_LIMITS, registerRateLimits, type RateLimits } from './rate-limit.js';
import { registerSecurityHeaders } from './security.js';
import { webApp } from './web.js';

export { DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT } from './limits.js';
export { parseRateLimit, type RateLimits } from './rate-limit.js';

/** How to build a server; only the store is required. */
export interface ServerOptions {
  store: Store;
  /** false (default) for silence, true for info-level JSON on stdout, or pino options (e.g. a stream). */
  logger?: LoggerOption;
  /** Trust X-Forwarded-* from a reverse proxy (client address, https for the Secure cookie flag). */
  trustProxy?: boolean;
  /** The clock; tests pass a controllable one. */
  now?: () => Date;
  /** Sign-in throttle and session timeouts, when not the defaults. */
  auth?: { throttle?: Partial<ThrottlePolicy>; sessions?: Partial<SessionPolicy> };
  /** Rate limits, or false to switch them off (tests that hammer an endpoint for another reason). */
  rateLimits?: RateLimits | false;
  /** The default body limit in bytes (1 MiB). */
  bodyLimit?: number;
  /** The version shown in the OpenAPI document. */
  version?: string;
  /** Bytes of GET answers to keep (read-cache.ts); 0 switches the cache off. Default 64 MiB. */
  readCacheBytes?: number;
  /** How long an unanswered Idempotency-Key claim holds against retries (default 30 s). */
  idempotencyLeaseMs?: number;
  /** The bearer token GET /metrics asks for; without one it answers callers on this machine only. */
  metricsToken?: string;
  /**
   * How often the server sweeps confirmation deadlines (ms), or false for never. Default: every minute
   * on the real clock; never when `now` is injected (a test's clock, which the test moves itself).
   */
  deadlineSweepMs?: number | false;
}

/** Every /api route must say who may call it; refusing to start beats an unguarded route. */
function requireAuthzDeclaration(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || UNDECLARED_PATHS.test(route.url)) return;
  if (!route.schema?.['x-authz']) {
    throw new Error(`route ${route.method} ${route.url} has no schema['x-authz']; see src/http/README.md`);
  }
}

/**
 * Documents each declared route from its declarations, so none can be forgotten: its security from
 * x-authz (`security: []` for a public route, the session and bearer schemes for a signed-in one),
 * an operationId unless it names one (unique: `operationIds` holds those taken), and the problem answers.
 */
function documentRoute(route: RouteOptions, operationIds: Map<string, string>): void {
  const schema = route.schema;
  const rule = schema?.['x-authz'];
  if (!schema || !rule) return;
  if (!schema.security) {
    if (rule.access === 'public') schema.security = [];
    else schema.security = rule.sessionOnly ? [{ session: [] }] : [{ session: [] }, { bearer: [] }];
  }
  for (const method of [route.method].flat()) {
    // Fastify adds a HEAD route beside every GET; the document describes the GET
    if (method === 'HEAD' && schema.operationId) continue;
    const where = `${method} ${route.url}`;
    schema.operationId ??= deriveOperationId(method, route.url);
    const taken = operationIds.get(schema.operationId);
    if (taken !== undefined && taken !== where) {
      throw new Error(
        `routes ${taken} and ${where} have the same operationId "${schema.operationId}": give one its own schema.operationId`,
      );
    }
    operationIds.set(schema.operationId, where);
  }
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const problems = (description: string) => ({
    description,
    content: { [PROBLEM_TYPE]: { schema: Problem } },
  });
  if (!('4xx' in response) && !('default' in response))
    response['4xx'] = problems('A client error (RFC 9457)');
  if (!('5xx' in response)) response['5xx'] = problems('A server error (RFC 9457)');
  schema.response = response;
}

/** Builds the server (not yet listening; call `listen`, or `inject` in tests). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const loggers = createLoggers(options.logger ?? false);
  const app = Fastify({
    ...(loggers ? { loggerInstance: loggers.main as FastifyBaseLogger } : { logger: false }),
    genReqId,
    requestIdHeader: false, // genReqId reads and vets the header itself
    // registerAccessLog writes one line per request instead of Fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const deps: HttpDeps = {
    app: { ...appContext(options.store), now: () => instantFromMillis(now().getTime()) },
    auth: createAuthContext(options.store, options.auth),
    now,
    rateLimits,
    deadlineSweepMs: options.deadlineSweepMs ?? (options.now ? false : 60_000),
  };
  app.decorate('deps', deps);

  const operationIds = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    requireAuthzDeclaration(route);
    documentRoute(route, operationIds);
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // answers carry personal data and secrets: no shared or browser caching
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
    done();
  });

  if (loggers) registerAccessLog(app, loggers.access);
  registerMetrics(app, options.metricsToken);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(cookie);
  await registerOpenApi(app, options.version ?? '0.1.0');
  registerAuthentication(app);
  registerRateLimits(app, rateLimits); // after authentication: it counts per user too
  registerInstantOffsets(app);
  registerIdempotency(app, options.idempotencyLeaseMs);
  registerReadCache(app, options.readCacheBytes ?? DEFAULT_READ_CACHE_BYTES);

  for (const routes of FEATURE_ROUTES) await app.register(routes, { prefix: '/api' });
  await app.register(calendarFeedRoutes); // /ical/<token>.ics: outside /api, for calendar clients
  await app.register(webApp); // the web app's build, same origin, SPA fallback outside /api
  return app;
}
