// Sends every error, and every unknown route, as application/problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-mapper.js';
import { problem, PROBLEM_TYPE } from './problem.js';

function send(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const mapped = mapError(error);
  if (mapped.internal) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: mapped.code, status: mapped.status }, mapped.detail);
  for (const [name, value] of Object.entries(mapped.headers ?? {})) reply.header(name, value);
  const body = problem(mapped.status, mapped.code, mapped.detail, {
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(mapped.errors ? { errors: mapped.errors } : {}),
    ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
    ...(mapped.conflicts ? { conflicts: mapped.conflicts } : {}),
    ...(mapped.planAgain !== undefined ? { planAgain: mapped.planAgain } : {}),
  });
  // serialise here: the route's own response schema must not reshape a problem
  return reply.code(mapped.status).type(PROBLEM_TYPE).send(JSON.stringify(body));
}

/** Installs the error handler (the one error mapper) and the not-found handler. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => send(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    send(request, reply, {
      statusCode: 404,
      code: 'FST_ERR_NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
