// The dispatcher against a real SMTP server and a real HTTP receiver on loopback, on both databases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher, type DispatcherOptions } from '../../../src/app/notify/dispatcher.js';
import { DEFAULT_PREFERENCES, writePreferences } from '../../../src/app/notify/preferences.js';
import { registerWebhook } from '../../../src/app/notify/webhooks.js';
import { counterRequestCondition, proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { smtpSender, type EmailSender } from '../../../src/io/mail/smtp.js';
import { postWebhook, verifySignature } from '../../../src/io/webhook/post.js';
import { BACKENDS } from '../../support/app.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';
import { buildNotifyWorld, noticesOf, S, type NotifyWorld } from './kit.js';

const BASE = 'https://sideline.example.org';

describe.each(BACKENDS)('the notification dispatcher on %s', (backend) => {
  let w: NotifyWorld;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let email: EmailSender;
  beforeEach(async () => {
    w = await buildNotifyWorld(backend);
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver();
    email = smtpSender(sink.url, 'Sideline <no-reply@sideline.example.org>');
  });
  afterEach(async () => {
    email.close();
    await sink.close();
    await receiver.close();
    await w.t.dispose();
  });

  const dispatcher = (options: DispatcherOptions = {}) =>
    new Dispatcher(w.ctx, { email, webhook: postWebhook }, { baseUrl: BASE, ...options });
  const counter = (text = 'A joint statement on Syria only') =>
    counterRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c1', { kind: 'deliverable', text });

  it('emails the US protocol officer what Russia countered, in text and HTML, linking to the request', async () => {
    await counter();
    expect(await dispatcher().drain()).toBe(2);
    expect(sink.received.map((m) => m.to).sort()).toEqual([['usLead@example.test'], ['usPo@example.test']]);
    const mail = sink.received.find((m) => m.to[0] === 'usPo@example.test')!;
    expect(mail.subject).toContain('Russia countered condition');
    expect(mail.text).toContain("Russia countered condition 'Agreed deliverable on Syria");
    expect(mail.text).toContain(`Open: ${BASE}/s/apec-2017/requests/usa-rus`);
    expect(mail.text).toContain('Content-Type: text/html');
    expect(mail.text).toContain(`<a href="${BASE}/s/apec-2017/requests/usa-rus">`);
    const sent = await w.t.store.read((tx) => tx.deliveries.listByStatus('sent', 10));
    expect(sent.map((d) => `<${d.id}@sideline.invalid>`).sort()).toEqual(
      sink.received.map((m) => m.messageId).sort(),
    );
    expect(await dispatcher().drain()).toBe(0); // sent is sent: nothing goes twice
    expect(sink.received).toHaveLength(2);
  });

  it('retries a refused email with backoff and dead-letters it after the last try, keeping the error', async () => {
    await writePreferences(w.ctx, w.actors.usLead, {
      ...DEFAULT_PREFERENCES,
      kinds: { ...DEFAULT_PREFERENCES.kinds, conditions: { inApp: true, email: 'off' } },
    });
    await counter();
    sink.failNext(10);
    const d = dispatcher({ maxAttempts: 3, backoffMs: (n) => n * 60_000 });
    expect(await d.drain()).toBe(1);
    expect(await d.drain()).toBe(0); // not due before its backoff
    w.ctx.advance(1);
    expect(await d.drain()).toBe(1);
    w.ctx.advance(1);
    expect(await d.drain()).toBe(0);
    w.ctx.advance(1);
    expect(await d.drain()).toBe(1);
    const [dead, ...more] = await w.t.store.read((tx) => tx.deliveries.listByStatus('dead', 10));
    expect(more).toEqual([]);
    expect(dead).toMatchObject({ attempts: 3, user: 'usPo', status: 'dead' });
    expect(dead!.lastError).toMatch(/451.*try again later/);
    expect(sink.received).toEqual([]);
  });

  it('sends an hourly digest as one email when the hour comes', async () => {
    await writePreferences(w.ctx, w.actors.usPo, {
      ...DEFAULT_PREFERENCES,
      kinds: { ...DEFAULT_PREFERENCES.kinds, conditions: { inApp: true, email: 'hourly' } },
    });
    await counter();
    await counterRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c2', {
      kind: 'agenda',
      text: 'Ukraine only',
    });
    const d = dispatcher();
    await d.drain();
    expect(sink.received.filter((m) => m.to[0] === 'usPo@example.test')).toEqual([]);
    w.ctx.advance(60);
    expect(await d.drain()).toBe(2);
    const digest = sink.received.filter((m) => m.to[0] === 'usPo@example.test');
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toContain('2 updates (hourly)');
    expect(digest[0]!.text).toContain("countered condition 'Agenda to include Ukraine and North Korea'");
  });

  it("calls a delegation's webhook with a signed, timestamped body, and logs the status", async () => {
    const { webhook, secret } = await registerWebhook(w.ctx, w.actors.usLead, S, {
      url: receiver.url,
      kinds: ['conditions'],
    });
    await counter();
    await dispatcher().drain();
    expect(receiver.calls).toHaveLength(1);
    const call = receiver.calls[0]!;
    const now = Math.floor(Date.parse(w.ctx.now()) / 1000);
    expect(verifySignature(secret, call.headers['sideline-signature'] as string, call.body, now)).toBe(true);
    expect(verifySignature(secret, call.headers['sideline-signature'] as string, call.body, now + 3600)).toBe(
      false,
    );
    expect(verifySignature('other', call.headers['sideline-signature'] as string, call.body, now)).toBe(
      false,
    );
    const body = JSON.parse(call.body) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'condition.countered', kind: 'conditions', request: 'usa-rus' });
    expect(body.title).toContain("Russia countered condition 'Agreed deliverable on Syria");
    expect(call.headers['sideline-delivery']).toBe(body.id);
    const log = await w.t.store.read((tx) => tx.deliveries.listForWebhook(webhook.id, 10));
    expect(log.map((d) => [d.status, d.lastStatus, d.attempts])).toEqual([['sent', 204, 1]]);
  });

  it('disables a webhook after failures in a row and tells its owner in the app', async () => {
    await registerWebhook(w.ctx, w.actors.usLead, S, { url: receiver.url, kinds: ['conditions'] });
    receiver.answer(500);
    await counter();
    await counterRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c2', {
      kind: 'agenda',
      text: 'Ukraine only',
    });
    await proposeRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', { kind: 'agenda', text: 'Korea' });
    await dispatcher({ maxAttempts: 1, webhookFailureLimit: 2 }).drain();
    expect(receiver.calls).toHaveLength(2); // the third is dropped: its hook was disabled
    const [hook] = await w.t.store.read((tx) => tx.webhooks.list(S));
    expect(hook).toMatchObject({ enabled: false, failures: 2 });
    expect(hook!.disabledReason).toContain('HTTP 500');
    const told = (await noticesOf(w, 'usLead')).filter((n) => n.type === 'webhook.disabled');
    expect(told.map((n) => n.title)).toEqual([`Webhook to ${receiver.url} was disabled`]);
    expect((await noticesOf(w, 'usPo')).filter((n) => n.type === 'webhook.disabled')).toEqual([]);
  });

  it('sends each delivery once with several dispatchers draining at the same time', async () => {
    for (let i = 0; i < 6; i++)
      await proposeRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', {
        kind: 'agenda',
        text: `Topic ${i}`,
      });
    const total = (await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 100))).length;
    expect(total).toBe(12);
    const counts = await Promise.all([1, 2, 3].map(() => dispatcher().drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(total);
    expect(sink.received).toHaveLength(total);
  });
});
