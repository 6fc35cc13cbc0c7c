// Structured logs with pino: request ids, and secrets redacted wherever they would appear.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import pino, { type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
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

/** The server's loggers: the one every part logs through, and the one access lines go to. */
export interface Loggers {
  /** Redaction always on: whatever a handler or an error logs, secrets never reach the log. */
  main: Logger;
  /**
   * The same destination and level without redaction, for access lines only: their shape is fixed
   * and holds no secret (calendar feed tokens are taken out of the URL), and redaction was half the
   * cost of writing them.
   */
  access: Logger;
}

/** The loggers for a `logger` option: pino options (or `info` when true); none when false. */
export function createLoggers(logger: LoggerOption): Loggers | undefined {
  if (!logger) return undefined;
  const { stream, ...options } = (logger === true ? {} : logger) as PinoOptions & {
    stream?: DestinationStream;
  };
  const destination = stream ?? pino.destination(1);
  const main = pino(
    { level: 'info', ...options, redact: { paths: [...REDACT_PATHS], censor: '[redacted]' } },
    destination,
  );
  const access = pino({ level: main.level, ...options, redact: undefined }, destination);
  return { main, access };
}

/** Calendar feed URLs carry their secret token in the path (calendar clients send no headers). */
const FEED_TOKEN = /^(\/ical\/)[^/?#]+(\.ics)/u;

/** The URL as an access line may show it: a calendar feed's token replaced. */
export function loggableUrl(url: string): string {
  return url.replace(FEED_TOKEN, '$1[redacted]$2');
}

/**
 * One access line per request, when it has been answered: method, URL, status, time taken and the
 * request id. Fastify's own request logging writes a second
 * line as each request arrives, which doubled the cost of logging for nothing a reader needs.
 */
export function registerAccessLog(app: FastifyInstance, access: Logger): void {
  app.addHook('onResponse', (request, reply, done) => {
    access.info(
      {
        reqId: request.id,
        req: { method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
    done();
  });
}
