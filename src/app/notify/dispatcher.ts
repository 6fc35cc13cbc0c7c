// The dispatcher: claims deliveries from the outbox in the database, sends them, and records how
// it went. A claim is a lease: a dispatcher killed mid-send leaves its delivery to be claimed again
// when the lease runs out, so nothing is lost; a delivery marked sent is never claimed again. Many
// dispatchers (servers, workers) may run on one PostgreSQL database: the claim skips held rows.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Delivery, DeliveryOutcome, Tx, Webhook } from '../../store/store.js';
import type { EmailSender } from '../../io/mail/smtp.js';
import type { postWebhook } from '../../io/webhook/post.js';
import { type PostResult } from '../../io/webhook/post.js';
import type { AppContext } from '../context.js';
import { composeEmail } from './email.js';
import type { EmailNotice, WebhookBody } from './outbox.js';
import { linkOf } from './outbox.js';

/** Posts a webhook body; the real one is io/webhook/post.ts. */
export type WebhookPoster = typeof postWebhook;

/** The channels a dispatcher sends on; a channel left out is not claimed (its deliveries wait). */
export interface Channels {
  email?: EmailSender;
  webhook?: WebhookPoster;
}

/** How a dispatcher behaves; every field has a default. */
export interface DispatcherOptions {
  /** This dispatcher's name in claims (default host:pid:random). */
  worker?: string;
  /** Attempts before a delivery is dead-lettered (default 8). */
  maxAttempts?: number;
  /** The wait before attempt n + 1 after n failures, in ms (default 30 s doubling, at most 1 h). */
  backoffMs?: (failures: number) => number;
  /** How long a claim holds before another dispatcher may take the delivery (default 2 min). */
  leaseMs?: number;
  /** How often to look for due deliveries when no change wakes it (default 5 s). */
  pollMs?: number;
  /** The web app's public URL, for links in emails (default http://localhost:8080). */
  baseUrl?: string;
  /** Failed calls in a row after which a webhook is disabled (default 10). */
  webhookFailureLimit?: number;
  log?: (message: string) => void;
}

/** The default backoff: 30 s, 1 min, 2 min… at most an hour. */
export function defaultBackoff(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

function plusMs(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

/** Sends what the outbox holds until closed. */
export class Dispatcher {
  readonly worker: string;
  private readonly opts: Required<Omit<DispatcherOptions, 'worker'>>;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly channels: Channels,
    options: DispatcherOptions = {},
  ) {
    this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.opts = {
      maxAttempts: options.maxAttempts ?? 8,
      backoffMs: options.backoffMs ?? defaultBackoff,
      leaseMs: options.leaseMs ?? 120_000,
      pollMs: options.pollMs ?? 5000,
      baseUrl: options.baseUrl ?? 'http://localhost:8080',
      webhookFailureLimit: options.webhookFailureLimit ?? 10,
      log: options.log ?? (() => undefined),
    };
  }

  /** The channels this dispatcher claims. */
  private get claimed(): Delivery['channel'][] {
    return (['email', 'webhook'] as const).filter((c) => this.channels[c] !== undefined);
  }

  /** Starts sending: at once, whenever a change commits, and every pollMs. */
  async start(): Promise<this> {
    this.unsubscribe = await this.ctx.store.subscribe((notice) => {
      if (notice.kind === 'event') this.kick();
    });
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
    this.kick();
    return this;
  }

  /** Runs a drain now, or once more after the one running. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (e) {
          this.opts.log(`dispatch failed: ${(e as Error).message}`);
        }
      } while (this.again && !this.closed);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Sends every due delivery, one claim at a time, until none is due; says how many were handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      if (this.closed) return handled;
      const n = await this.runOnce();
      if (n === 0) return handled;
      handled += n;
    }
  }

  /** Claims and handles one due delivery (or one digest); 0 when none is due. */
  async runOnce(): Promise<number> {
    const at = this.ctx.now();
    const claim = await this.ctx.store.write((tx) =>
      tx.deliveries.claim(this.worker, at, plusMs(at, this.opts.leaseMs), this.claimed),
    );
    const first = claim[0];
    if (!first) return 0;
    if (first.channel === 'email') await this.sendEmail(claim);
    else await this.callWebhook(first);
    return claim.length;
  }

  /** Stops claiming; a send in progress finishes (or its lease runs out). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.unsubscribe?.();
    await this.running;
  }

  private async finish(ids: string[], outcome: DeliveryOutcome): Promise<void> {
    const held = await this.ctx.store.write((tx) => tx.deliveries.finish(ids, this.worker, outcome));
    if (!held) this.opts.log(`lost the claim on ${ids.join(', ')} before recording "${outcome.kind}"`);
  }

  /** The outcome of a failed attempt: retry later, or dead after the last try. */
  private failed(d: Delivery, error: string, status?: number): DeliveryOutcome {
    const at = this.ctx.now();
    const failures = d.attempts + 1;
    const code = status === undefined ? {} : { status };
    if (failures >= this.opts.maxAttempts) return { kind: 'dead', at, error, ...code };
    return { kind: 'retry', at, retryAt: plusMs(at, this.opts.backoffMs(failures)), error, ...code };
  }

  private async sendEmail(claim: Delivery[]): Promise<void> {
    const email = this.channels.email!;
    const first = claim[0]!;
    const ids = claim.map((d) => d.id);
    try {
      const message = composeEmail(
        claim.map((d) => d.payload as EmailNotice),
        this.opts.baseUrl,
        `<${first.id}@sideline.invalid>`,
      );
      await email.send(message);
    } catch (e) {
      await this.finish(ids, this.failed(first, (e as Error).message));
      return;
    }
    await this.finish(ids, { kind: 'sent', at: this.ctx.now() });
  }

  private async callWebhook(d: Delivery): Promise<void> {
    const hook = await this.ctx.store.read((tx) => tx.webhooks.get(d.summit, d.webhook ?? ''));
    if (!hook || !hook.enabled) {
      const error = hook ? 'the webhook is disabled' : 'the webhook was removed';
      await this.finish([d.id], { kind: 'dead', at: this.ctx.now(), error });
      return;
    }
    const body = d.payload as WebhookBody;
    const result: PostResult = await this.channels.webhook!(hook.url, JSON.stringify(body), {
      secret: hook.secret,
      delivery: d.id,
      event: body.type,
      unixSeconds: Math.floor(Date.parse(this.ctx.now()) / 1000),
    });
    const status = result.status ?? undefined;
    if (result.error === null) {
      await this.ctx.store.write((tx) => tx.webhooks.recordAttempt(hook.id, true));
      await this.finish([d.id], { kind: 'sent', at: this.ctx.now(), ...(status ? { status } : {}) });
      return;
    }
    await this.finish([d.id], this.failed(d, result.error, status));
    await this.ctx.store.write(async (tx) => {
      const failures = await tx.webhooks.recordAttempt(hook.id, false);
      if (failures >= this.opts.webhookFailureLimit) await this.disable(tx, hook, failures, result.error!);
    });
  }

  /** Disables a failing webhook and tells its owners (the delegation's lead, or the host's admins) in the app. */
  private async disable(tx: Tx, hook: Webhook, failures: number, error: string): Promise<void> {
    const current = await tx.webhooks.get(hook.summit, hook.id);
    if (!current?.enabled) return;
    const reason = `disabled after ${failures} failed calls in a row; last: ${error}`;
    await tx.webhooks.update({ ...current, enabled: false, disabledReason: reason });
    const owners = (await tx.notifications.listeners(hook.summit)).filter((l) =>
      l.grants.some((g) =>
        hook.delegation
          ? g.kind === 'delegation' &&
            g.summit === hook.summit &&
            g.delegation === hook.delegation &&
            g.role === 'delegation-lead'
          : g.kind === 'host' && g.summit === hook.summit && g.role === 'host-admin',
      ),
    );
    const now = this.ctx.now();
    for (const owner of owners) {
      await tx.notifications.insert({
        id: randomUUID(),
        user: owner.user.id,
        summit: hook.summit,
        eventSeq: 0,
        type: 'webhook.disabled',
        kind: 'webhooks',
        title: `Webhook to ${hook.url} was disabled`,
        body: `It failed ${failures} times in a row (last: ${error}). Fix the receiver, then register it again.`,
        link: `${linkOf(hook.summit, undefined)}/notifications`,
        request: null,
        createdAt: now,
        readAt: null,
      });
    }
    this.opts.log(`webhook ${hook.id} (${hook.url}) ${reason}`);
  }
}
