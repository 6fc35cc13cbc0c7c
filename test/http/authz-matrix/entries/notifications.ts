// Matrix rows of the notification routes: one's own notices and preferences, and webhooks, which a
// delegation's lead (or the host's admin) manages for its own side only.
import { randomUUID } from 'node:crypto';
import { registerWebhook } from '../../../../src/app/notify/webhooks.js';
import { DEMO_SUMMIT } from '../../../../src/app/demo/apec-2017.js';
import { either, host, named, of, participants, signedIn } from '../actors.js';
import type { Entry } from '../entry.js';
import { ifMatch, S } from '../targets.js';
import type { World } from '../world.js';

/** A new webhook of the US delegation, registered by its lead. */
async function freshUsHook(w: World): Promise<string> {
  const { webhook } = await registerWebhook(w.ctx, w.actorOf('usa-lead'), DEMO_SUMMIT, {
    url: 'http://127.0.0.1:9/matrix',
    kinds: ['conditions'],
    delegation: 'usa',
  });
  return webhook.id;
}

/** A new unread notice of the US protocol officer. */
async function freshUsNotice(w: World): Promise<string> {
  const id = randomUUID();
  await w.ctx.store.write((tx) =>
    tx.notifications.insert({
      id,
      user: w.user('usa-po').id,
      summit: DEMO_SUMMIT,
      eventSeq: 0,
      type: 'condition.countered',
      kind: 'conditions',
      title: 'Matrix notice',
      body: 'For the US protocol officer only',
      link: '/s/apec-2017/requests/usa-rus',
      request: 'usa-rus',
      createdAt: w.ctx.now(),
      readAt: null,
    }),
  );
  return id;
}

const hookAdmins = either(host('host-admin'), of('usa', 'lead'), of('rus', 'lead'), of('chn', 'lead'));

/** Notices, preferences and webhooks. */
export const NOTIFICATION_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/notifications',
    target: "the caller's own notices; another user's never show",
    may: signedIn,
    send: () => ({ query: { summit: S } }),
  },
  {
    route: 'GET /api/notifications/unread-count',
    target: "the caller's own unread count",
    may: signedIn,
    send: () => ({}),
  },
  {
    route: 'POST /api/notifications/{notification}/read',
    target: 'a notice of the US protocol officer: nobody else learns it exists',
    may: named('usa-po'),
    ok: 204,
    refused: [[signedIn, 404]],
    send: async (w) => ({ params: { notification: await freshUsNotice(w) } }),
  },
  {
    route: 'POST /api/notifications/read-all',
    target: "the caller's own notices",
    may: signedIn,
    ok: 200,
    send: () => ({ query: { summit: S } }),
  },
  {
    route: 'GET /api/notifications/preferences',
    target: "the caller's own preferences",
    may: signedIn,
    send: () => ({}),
  },
  {
    route: 'PUT /api/notifications/preferences',
    target: "the caller's own preferences, at the version they hold",
    may: signedIn,
    ok: 200,
    send: async (w, actor) => {
      const user = actor.kind === 'anonymous' ? undefined : w.user(actor.name).id;
      const stored = user ? await w.ctx.store.read((tx) => tx.notifications.preferences(user)) : undefined;
      return {
        headers: stored ? ifMatch(stored.version) : { 'if-none-match': '*' },
        body: {
          kinds: Object.fromEntries(
            ['requests', 'conditions', 'schedule', 'deliberation', 'webhooks'].map((k) => [
              k,
              { inApp: true, email: 'daily' },
            ]),
          ),
          dailyAt: '07:30',
          timeZone: 'Asia/Ho_Chi_Minh',
        },
      };
    },
  },
  {
    route: 'GET /api/summits/{summit}/webhooks',
    target: "the webhooks of the caller's own side: a delegation's lead or the host's admin",
    may: hookAdmins,
    refused: [[participants, 403]],
    send: () => ({ params: { summit: S } }),
  },
  {
    route: 'POST /api/summits/{summit}/webhooks',
    target: 'a new webhook for the US delegation: its lead only',
    may: of('usa', 'lead'),
    ok: 201,
    refused: [[participants, 403]],
    send: () => ({
      params: { summit: S },
      body: { url: 'http://127.0.0.1:9/matrix', kinds: ['conditions'], delegation: 'usa' },
    }),
  },
  {
    route: 'GET /api/summits/{summit}/webhooks/{hook}',
    target: "a US webhook: others' leads and the host do not learn it exists",
    may: of('usa', 'lead'),
    send: async (w) => ({
      params: { summit: S, hook: await w.shared('us-hook', () => freshUsHook(w)) },
    }),
  },
  {
    route: 'DELETE /api/summits/{summit}/webhooks/{hook}',
    target: 'a fresh US webhook',
    may: of('usa', 'lead'),
    send: async (w) => ({
      params: { summit: S, hook: await freshUsHook(w) },
      headers: ifMatch(1),
    }),
  },
  {
    route: 'GET /api/summits/{summit}/webhooks/{hook}/deliveries',
    target: "a US webhook's delivery log",
    may: of('usa', 'lead'),
    send: async (w) => ({
      params: { summit: S, hook: await w.shared('us-hook', () => freshUsHook(w)) },
    }),
  },
];
