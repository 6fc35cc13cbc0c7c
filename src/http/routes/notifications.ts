// The signed-in user's notices and preferences, and the webhooks of a delegation or the host.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNotifications, markAllRead, markNotificationRead, unreadCount } from '../../app/notify/inbox.js';
import { Preferences, readPreferences, writePreferences } from '../../app/notify/preferences.js';
import {
  getWebhook,
  listWebhooks,
  NewWebhook,
  registerWebhook,
  removeWebhook,
  webhookDeliveries,
} from '../../app/notify/webhooks.js';
import { SummitId } from '../../domain/ids.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { requireIfMatchOrAbsent, SummitParams, UpsertHeaders } from './common.js';

const Kind = z.enum(['requests', 'conditions', 'schedule', 'deliberation', 'webhooks']);

const Notification = z
  .object({
    id: z.string(),
    summit: z.string(),
    eventSeq: z.number().int(),
    type: z.string().describe('The event type, e.g. condition.countered'),
    kind: Kind,
    title: z.string().describe('What changed and by whom, in names'),
    body: z.string(),
    link: z.string().describe("The web app's path of the record"),
    request: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const StoredPreferences = Preferences.extend({ version: z.number().int() }).meta({
  id: 'NotificationPreferences',
});

const WebhookView = z
  .object({
    id: z.string(),
    summit: z.string(),
    delegation: z.string().nullable().describe('The delegation it is for; null for the host'),
    url: z.string(),
    kinds: z.array(Kind),
    enabled: z.boolean(),
    failures: z.number().int(),
    disabledReason: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Webhook' });

const Delivery = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'sent', 'dead']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().describe('The HTTP status of the last attempt'),
    lastError: z.string().nullable(),
    dueAt: z.string(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

const SummitQuery = z.object({ summit: SummitId.optional().describe('Only this summit') });
const HookParams = SummitParams.extend({ hook: z.string().min(1).max(100) });
const self = (note: string) => authz.signedIn(note, { scope: 'self' });
const hookAdmins = (note: string) =>
  authz.signedIn(note, { capability: 'manage-webhooks', scope: 'delegation', denied: 404 });

/** /api/notifications and /api/summits/:summit/webhooks. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notices, newest first',
        querystring: SummitQuery.extend({
          unread: z.stringbool().optional().describe('Only unread notices'),
          before: z.string().optional().describe('The id of the last notice of the previous page'),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(Notification),
            next: z.string().nullable(),
            unread: z
              .number()
              .int()
              .describe('How many of your notices are unread (in the summit asked for)'),
          }),
        },
        'x-authz': self('your own notices only'),
      },
    },
    async (request) => listNotifications(ctx, actorOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of your notices are unread',
        querystring: SummitQuery,
        response: { 200: z.object({ count: z.number().int() }) },
        'x-authz': self('your own notices only'),
      },
    },
    async (request) => ({ count: await unreadCount(ctx, actorOf(request), request.query.summit) }),
  );

  app.post(
    '/notifications/:notification/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notices read',
        params: z.object({ notification: z.string().min(1).max(100) }),
        response: { 204: z.undefined() },
        'x-authz': self("your own notices; another's is 404"),
      },
    },
    async (request, reply) => {
      await markNotificationRead(ctx, actorOf(request), request.params.notification);
      return reply.code(204).send();
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notices read (in one summit, or everywhere)',
        querystring: SummitQuery,
        response: { 200: z.object({ marked: z.number().int() }) },
        'x-authz': self('your own notices only'),
      },
    },
    async (request) => ({ marked: await markAllRead(ctx, actorOf(request), request.query.summit) }),
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notification preferences (defaults until you set them; ETag "0")',
        response: { 200: StoredPreferences },
        'x-authz': self('your own preferences only'),
      },
    },
    async (request, reply) => {
      const { preferences, version } = await readPreferences(ctx, actorOf(request));
      return withETag(reply, { ...preferences, version });
    },
  );

  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Replace your notification preferences (If-Match, or If-None-Match: * the first time)',
        headers: UpsertHeaders,
        body: Preferences,
        response: { 200: StoredPreferences },
        'x-authz': self('your own preferences only'),
      },
    },
    async (request, reply) => {
      const expected = requireIfMatchOrAbsent(request);
      const { preferences, version } = await writePreferences(ctx, actorOf(request), request.body, expected);
      return withETag(reply, { ...preferences, version });
    },
  );

  app.get(
    '/summits/:summit/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The webhooks of the sides you manage (your delegation, or the host)',
        params: SummitParams,
        response: { 200: z.array(WebhookView) },
        'x-authz': hookAdmins("a delegation's lead or the host's admin; others 403, outsiders 404"),
      },
    },
    async (request) => listWebhooks(ctx, actorOf(request), request.params.summit),
  );

  app.post(
    '/summits/:summit/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Register a webhook; the answer holds its signing secret, shown this once',
        params: SummitParams,
        body: NewWebhook,
        response: { 201: z.object({ webhook: WebhookView, secret: z.string() }) },
        'x-authz': hookAdmins("a delegation's lead (for it) or the host's admin (host: true)"),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerWebhook(ctx, actorOf(request), request.params.summit, request.body)),
  );

  app.get(
    '/summits/:summit/webhooks/:hook',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'One webhook',
        params: HookParams,
        response: { 200: WebhookView },
        'x-authz': hookAdmins("its side's lead or admin; anyone else 404"),
      },
    },
    async (request, reply) =>
      withETag(reply, await getWebhook(ctx, actorOf(request), request.params.summit, request.params.hook)),
  );

  app.delete(
    '/summits/:summit/webhooks/:hook',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook (If-Match: its ETag)',
        params: HookParams,
        headers: IfMatchHeaders,
        response: { 204: z.undefined() },
        'x-authz': hookAdmins("its side's lead or admin; anyone else 404"),
      },
    },
    async (request, reply) => {
      const { summit, hook } = request.params;
      await removeWebhook(ctx, actorOf(request), summit, hook, requireIfMatch(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/summits/:summit/webhooks/:hook/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: "The webhook's latest calls with their status codes, newest first",
        params: HookParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.array(Delivery) },
        'x-authz': hookAdmins("its side's lead or admin; anyone else 404"),
      },
    },
    async (request) => {
      const { summit, hook } = request.params;
      const list = await webhookDeliveries(ctx, actorOf(request), summit, hook, request.query.limit);
      return list.map((d) => ({
        id: d.id,
        status: d.status,
        attempts: d.attempts,
        lastStatus: d.lastStatus,
        lastError: d.lastError,
        dueAt: d.dueAt,
        sentAt: d.sentAt,
        createdAt: d.createdAt,
      }));
    },
  );
};
