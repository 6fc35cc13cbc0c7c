// Structured logs with pino: request ids, and secrets redacted wherever they would appear.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** The header a request id comes in on (from a proxy) and goes back out on. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A client's request id is kept only if it looks like one, so logs cannot be forged through it. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/u;

/** The request id: the caller's `x-request-id` when acceptable, otherwise a new UUID. */
export function genReqId(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/** Log paths whose values are secrets: cookies, authorisation headers, CSRF tokens, passwords, tokens. */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'password',
  'body.password',
  '*.password',
  'token',
  '*.token',
  'csrfToken',
  '*.csrfToken',
];

/** Pino options or a boolean, as Fastify's `logger` option takes them. */
export type LoggerOption = FastifyServerOptions['logger'];

/** The logger configuration: the caller's options (or `info` when true) with redaction always on. */
export function loggerOptions(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { level: 'info', ...base, redact: { paths: [...REDACT_PATHS], censor: '[redacted]' } };
}

/** Calendar feed URLs carry their secret token in the path (calendar clients send no headers). */
const FEED_TOKEN = /^(\/ical\/)[^/?#]+(\.ics)/u;

/** The URL as an access line may show it: a calendar feed's token replaced. */
export function loggableUrl(url: string): string {
  return url.replace(FEED_TOKEN, '$1[redacted]$2');
}

/**
 * One access line per request, when it has been answered: method, URL, status, time taken and the
 * request id (on every line of the request's logger). Fastify's own request logging writes a second
 * line as each request arrives, which doubled the cost of logging for nothing a reader needs.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        req: { method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
    done();
  });
}
