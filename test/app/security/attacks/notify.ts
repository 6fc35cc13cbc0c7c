// Attacks on a user's own notices and preferences, and on the webhooks of a delegation or the host.
import { expect } from 'vitest';
import type { Notification } from '../../../../src/store/store.js';
import {
  listNotifications,
  markAllRead,
  markNotificationRead,
  unreadCount,
} from '../../../../src/app/notify/inbox.js';
import {
  DEFAULT_PREFERENCES,
  readPreferences,
  writePreferences,
} from '../../../../src/app/notify/preferences.js';
import {
  getWebhook,
  listWebhooks,
  registerWebhook,
  removeWebhook,
  webhookDeliveries,
  type WebhookView,
} from '../../../../src/app/notify/webhooks.js';
import { attack, attacks, type Attack } from '../probe.js';
import { ACTORS, S, type AttackerName, type World } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody', 'operator'] as const;
/** Everyone but the US delegation's own people. */
const OTHERS = ['chn', 'rus', 'host-admin', 'host-staff', ...OUTSIDERS] as const;
const EVERYONE: readonly AttackerName[] = [...OTHERS, 'usa-viewer', 'usa-adviser'];
const HOOK = { url: 'http://127.0.0.1:9/hook', kinds: ['requests'] };

/** A page of notices holds the reader's own only, and the US viewer's notice for nobody else. */
function ownNoticesOnly(value: unknown, w: World, actor: { user: string }): void {
  const { items } = value as { items: Notification[] };
  expect(items.every((n) => n.user === actor.user)).toBe(true);
  if (actor.user !== ACTORS['usa-viewer'].user) expect(items.map((n) => n.id)).not.toContain(w.usNotice);
}

/** A list of webhooks without the US delegation's. */
function withoutUsHook(value: unknown, w: World): void {
  expect((value as WebhookView[]).map((h) => h.id)).not.toContain(w.usWebhook);
}

/** Every use case of notices and webhooks, with its attacks. */
export const NOTIFY_ATTACKS: Record<string, Attack[]> = {
  'notify/inbox.ts#listNotifications': [
    ...attacks(EVERYONE, 'lists its notices', 'read', (w, a) => listNotifications(w.ctx, a), ownNoticesOnly),
    ...attacks(OTHERS, 'pages on from the US viewer’s notice', 'hidden', (w, a) =>
      listNotifications(w.ctx, a, { before: w.usNotice }),
    ),
  ],
  'notify/inbox.ts#unreadCount': [
    ...attacks(
      OTHERS,
      'counts its unread notices',
      'read',
      (w, a) => unreadCount(w.ctx, a, S),
      (value) => expect(value).toBe(0),
    ),
  ],
  'notify/inbox.ts#markNotificationRead': [
    ...attacks([...OTHERS, 'usa-adviser'], 'marks the US viewer’s notice read', 'hidden', (w, a) =>
      markNotificationRead(w.ctx, a, w.usNotice),
    ),
  ],
  'notify/inbox.ts#markAllRead': [
    // nobody but the US viewer has a notice: "all" is theirs alone, so nothing changes
    ...attacks(
      OTHERS,
      'marks every notice read',
      'read',
      (w, a) => markAllRead(w.ctx, a, S),
      (value) => expect(value).toBe(0),
    ),
  ],
  'notify/preferences.ts#readPreferences': [
    // nobody set any: each reads the defaults, never another's
    ...attacks(
      EVERYONE,
      'reads its notice preferences',
      'read',
      (w, a) => readPreferences(w.ctx, a),
      (value) => expect(value).toEqual({ preferences: DEFAULT_PREFERENCES, version: 0 }),
    ),
  ],
  'notify/preferences.ts#writePreferences': [
    ...attacks(EVERYONE, 'writes preferences that do not parse', 'invalid', (w, a) =>
      writePreferences(w.ctx, a, { kinds: 'all' }),
    ),
  ],
  'notify/webhooks.ts#registerWebhook': [
    ...attacks(['chn', 'rus'], 'registers a webhook for the US delegation', 'forbidden', (w, a) =>
      registerWebhook(w.ctx, a, S, { ...HOOK, delegation: 'usa' }),
    ),
    ...attacks(['usa-viewer', 'usa-adviser'], 'registers a webhook for its delegation', 'forbidden', (w, a) =>
      registerWebhook(w.ctx, a, S, HOOK),
    ),
    ...attacks(['chn', 'host-staff'], 'registers a webhook of the host', 'forbidden', (w, a) =>
      registerWebhook(w.ctx, a, S, { ...HOOK, host: true }),
    ),
    ...attacks(OUTSIDERS, 'registers a webhook', 'hidden', (w, a) =>
      registerWebhook(w.ctx, a, S, { ...HOOK, host: true }),
    ),
    attack('chn', 'registers a webhook to a file URL', 'invalid', (w, a) =>
      registerWebhook(w.ctx, a, S, { ...HOOK, url: 'file:///etc/passwd' }),
    ),
  ],
  'notify/webhooks.ts#listWebhooks': [
    ...attacks(
      ['chn', 'rus', 'host-admin'],
      'lists webhooks',
      'read',
      (w, a) => listWebhooks(w.ctx, a, S),
      withoutUsHook,
    ),
    ...attacks(['usa-viewer', 'usa-adviser', 'host-staff'], 'lists webhooks', 'forbidden', (w, a) =>
      listWebhooks(w.ctx, a, S),
    ),
    ...attacks(OUTSIDERS, 'lists webhooks', 'hidden', (w, a) => listWebhooks(w.ctx, a, S)),
  ],
  'notify/webhooks.ts#getWebhook': [
    ...attacks([...OTHERS, 'usa-viewer', 'usa-adviser'], 'reads the US webhook', 'hidden', (w, a) =>
      getWebhook(w.ctx, a, S, w.usWebhook),
    ),
  ],
  'notify/webhooks.ts#removeWebhook': [
    ...attacks([...OTHERS, 'usa-viewer', 'usa-adviser'], 'removes the US webhook', 'hidden', (w, a) =>
      removeWebhook(w.ctx, a, S, w.usWebhook),
    ),
  ],
  'notify/webhooks.ts#webhookDeliveries': [
    ...attacks(
      [...OTHERS, 'usa-viewer', 'usa-adviser'],
      'reads the US webhook’s deliveries',
      'hidden',
      (w, a) => webhookDeliveries(w.ctx, a, S, w.usWebhook),
    ),
  ],
};
