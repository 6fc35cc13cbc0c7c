// GET /api/summits/:summit/events: the summit's changes as server-sent events, each one the reader
// may see, in log order. Resumable: a client sends Last-Event-ID (EventSource does so itself when
// it reconnects) and gets every later event from the log first, then live ones.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LiveEvents } from '../../app/events/live.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import { UnauthenticatedError } from '../../app/auth/errors.js';
import { watchStanding } from '../../app/auth/standing.js';
import { authOf, credentials } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { HttpProblem } from '../problem.js';
import { SummitParams } from './common.js';

/** How often a stream says it is alive, and how long one lasts before the client reconnects. */
export interface EventStreamOptions {
  /** A comment line every so often keeps proxies from closing an idle stream (default 15 s). */
  heartbeatMs?: number;
  /**
   * A stream ends after this long (default 15 min); EventSource reconnects with Last-Event-ID, so
   * nothing is missed, and the reader's credentials and roles are checked again.
   */
  maxStreamMs?: number;
  /** How often to look at the log without a notice (default 5 s). */
  pollMs?: number;
  /**
   * How often a stream checks its caller's credentials without a notice (default 1 s on SQLite,
   * where another process's change sends none, and 5 s on PostgreSQL, where every server's does).
   */
  standingPollMs?: number;
  /** The streams to serve from, when the caller owns them (tests count them); else the plugin's own. */
  live?: LiveEvents;
}

const SEQ = /^\d{1,15}$/u;

/** One event in the text/event-stream format: its seq as the id, the event as JSON data. */
export function formatEvent(event: DomainEvent): string {
  return `id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The seq a stream resumes after: the Last-Event-ID header, else `?lastEventId=`; none means from now. */
function resumeAfter(header: string | undefined, query: string | undefined): number | undefined {
  const value = header ?? query;
  if (value === undefined || value.trim() === '') return undefined;
  if (!SEQ.test(value.trim())) {
    const path = header !== undefined ? 'headers.last-event-id' : 'querystring.lastEventId';
    throw new HttpProblem(400, 'validation-failed', `${value} is not an event id (a seq number)`, {
      errors: [{ path, message: 'a whole number from 0, the id of the last event received' }],
    });
  }
  return Number(value.trim());
}

/** The event stream route, with its timings (tests shorten them). */
export function eventRoutesWith(options: EventStreamOptions = {}): FastifyPluginAsyncZod {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxStreamMs = options.maxStreamMs ?? 15 * 60_000;
  return async (app) => {
    const ctx = app.deps.app;
    const live = options.live ?? (await LiveEvents.start(ctx, { pollMs: options.pollMs ?? 5000 }));
    const streams = new Set<() => void>();
    // open streams would keep the server from closing: end them first
    app.addHook('preClose', async () => {
      for (const end of [...streams]) end();
    });
    if (!options.live) app.addHook('onClose', () => live.close());

    app.get(
      '/summits/:summit/events',
      {
        schema: {
          tags: ['events'],
          summary:
            'Live changes as text/event-stream (id: the event seq; data: the event as JSON); resume with Last-Event-ID',
          params: SummitParams,
          querystring: z.object({
            lastEventId: z
              .string()
              .optional()
              .describe('As the Last-Event-ID header, for clients that cannot set it'),
            follow: z
              .enum(['true', 'false'])
              .default('true')
              .describe('false: send what the log holds after Last-Event-ID, then end (no live events)'),
          }),
          headers: z.object({
            'last-event-id': z
              .string()
              .optional()
              .describe('The id of the last event received: resume after it'),
          }),
          response: {
            200: z.string().describe('text/event-stream: events, and ": heartbeat" comment lines'),
          },
          'x-authz': authz.signedIn(
            "participants; each sees only the events whose scope they may read (another delegation's private events never arrive)",
            { capability: 'read', scope: 'summit', denied: 404 },
          ),
        },
      },
      async (request, reply) => {
        const after = resumeAfter(request.headers['last-event-id'], request.query.lastEventId);
        const auth = authOf(request);
        const stream = await live.open(auth.actor, request.params.summit, after);
        // the stream lives only while its caller stands: the same session or token, account and grants
        const grants = JSON.stringify(auth.actor.grants);
        const stillStands = async (): Promise<boolean> => {
          const now = await credentials(app, request).catch((e: unknown) => {
            if (e instanceof UnauthenticatedError) return null;
            throw e;
          });
          return now !== null && now.user.id === auth.user.id && JSON.stringify(now.actor.grants) === grants;
        };
        const store = app.deps.auth.store;
        let end = (): void => stream.close();
        const unwatch = await watchStanding(
          store,
          auth.user.id,
          stillStands,
          () => end(),
          options.standingPollMs ?? (store.dialect === 'sqlite' ? 1000 : 5000),
        ).catch((e: unknown) => {
          stream.close();
          throw e;
        });
        reply.hijack();
        const raw = reply.raw;
        // the headers set so far (security headers, request id) go out with the stream's own
        const set = Object.entries(reply.getHeaders()).filter(
          (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
        );
        raw.writeHead(200, {
          ...Object.fromEntries(set),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no', // nginx: pass events on at once
        });
        raw.write(`retry: 3000\n: events after ${stream.after}\n\n`);
        let ended = false;
        end = (): void => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          clearTimeout(lifetime);
          stream.close();
          void unwatch();
          streams.delete(end);
          app.metrics.eventStreams.dec();
          raw.end();
        };
        const heartbeat = setInterval(
          () => raw.write(`: heartbeat ${app.deps.now().toISOString()}\n\n`),
          heartbeatMs,
        );
        const lifetime = setTimeout(end, maxStreamMs);
        streams.add(end);
        app.metrics.eventStreams.inc();
        request.raw.on('close', end);
        raw.on('error', end);
        stream.start(
          (event) => {
            if (!ended) raw.write(formatEvent(event));
          },
          request.query.follow === 'false' ? end : undefined,
        );
      },
    );
  };
}

/** /api/summits/:summit/events with the default timings. */
export const eventRoutes: FastifyPluginAsyncZod = eventRoutesWith();
