// Calendar feeds: a person's delegation (or the host) issues a subscription URL whose token is the
// credential, lists and revokes them; GET /ical/<token>.ics serves the feed to any calendar client.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeed } from '../../app/calendar/feed.js';
import { createCalendarToken, listCalendarTokens, revokeCalendarToken } from '../../app/calendar/tokens.js';
import { PersonId, UserId } from '../../domain/ids.js';
import { renderFeed } from '../../io/ical/feed.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { SummitParams } from './common.js';

const PersonParams = SummitParams.extend({ person: PersonId });

const CalendarTokenInfo = z
  .object({
    id: z.string(),
    person: PersonId,
    createdBy: UserId,
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarToken' });

const NewCalendarToken = CalendarTokenInfo.extend({
  url: z.string().describe('The subscription URL (https or webcal): shown this once, never again'),
});

const managers = (note: string) =>
  authz.signedIn(note, { capability: 'read', scope: 'delegation', denied: 403 });
const WHO = "members of the person's own delegation, or the host's staff; others get 403";

/** /api/summits/:summit/persons/:person/calendar-tokens… */
export const calendarTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.post(
    '/summits/:summit/persons/:person/calendar-tokens',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Issue a calendar feed of the person's meetings; the URL (its token is the credential) is shown once",
        params: PersonParams,
        response: { 201: NewCalendarToken },
        'x-authz': managers(WHO),
      },
      // a replay would need the secret stored beside the key: a retry issues another token instead
      config: { idempotency: 'off' },
    },
    async (request, reply) => {
      const { summit, person } = request.params;
      const { token, ...info } = await createCalendarToken(ctx, actorOf(request), summit, person);
      const url = `${request.protocol}://${request.host}/ical/${token}.ics`;
      return reply.code(201).send({ ...info, url });
    },
  );

  app.get(
    '/summits/:summit/persons/:person/calendar-tokens',
    {
      schema: {
        tags: ['calendar'],
        summary: "The person's calendar feeds (never their URLs), revoked ones included",
        params: PersonParams,
        response: { 200: z.object({ items: z.array(CalendarTokenInfo) }) },
        'x-authz': managers(WHO),
      },
    },
    async (request) => {
      const { summit, person } = request.params;
      return { items: await listCalendarTokens(ctx, actorOf(request), summit, person) };
    },
  );

  app.delete(
    '/summits/:summit/persons/:person/calendar-tokens/:id',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke a calendar feed: its URL stops working at once',
        params: PersonParams.extend({ id: z.string().min(1).max(100) }),
        response: { 204: z.undefined() },
        'x-authz': managers(`${WHO}; a token of another person is 404`),
      },
    },
    async (request, reply) => {
      const { summit, person, id } = request.params;
      await revokeCalendarToken(ctx, actorOf(request), summit, person, id);
      return reply.code(204).send();
    },
  );
};

/** GET /ical/<token>.ics: outside /api, for calendar clients that hold no session. */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;
  app.get(
    '/ical/:file',
    {
      schema: {
        tags: ['calendar'],
        summary:
          "A person's calendar (RFC 5545): the token in the URL is the credential; revoked or unknown is 404",
        params: z.object({
          file: z
            .string()
            .max(100)
            .regex(/\.ics$/u, 'a .ics file name'),
        }),
        response: { 200: z.string().describe('text/calendar') },
        'x-authz': authz.public(
          'whoever holds the feed URL; the token is revocable by its delegation or the host',
        ),
      },
      // calendar clients poll; a stricter limit keeps a guessed token from being tried fast
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const feed = await calendarFeed(ctx, request.params.file.slice(0, -'.ics'.length));
      reply.header('cache-control', 'private, no-cache');
      return reply.type('text/calendar; charset=utf-8').send(renderFeed(feed));
    },
  );
};
