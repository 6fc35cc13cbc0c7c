// Request rate limits per client address and per signed-in user, counted in fixed windows. On
// PostgreSQL the counts are shared by every server through the rate_counters table, so N servers
// allow what one would; on SQLite (one server) they stay in this process.
//
// A count far below its limit is decided in memory and added to the shared counter in batches (every
// SYNC_MS); from EXACT_FROM of the limit on, every request adds itself to the shared counter and
// waits for the total before it is let through. So the database sees one statement per batch while
// clients are well within their limits, and the limit holds exactly where it matters.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';
import { HttpProblem } from './problem.js';

/** Requests allowed per window: per address and per user on every route, and sign-in attempts per address. */
export interface RateLimits {
  timeWindowMs: number;
  /** Per client address, and again per signed-in user, in each window. */
  max: number;
  /** Sign-in attempts per address in each window. */
  loginMax: number;
}

/** 600 requests a minute per address and per user; 10 sign-in attempts a minute per address. */
export const DEFAULT_RATE_LIMITS: RateLimits = { timeWindowMs: 60_000, max: 600, loginMax: 10 };

/** A route's own limit per address, or false to exempt it (health checks). */
export type RouteRateLimit = { max: number; timeWindow: number } | false;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's own limit per address (besides the server's), or false to exempt it from every limit. */
    rateLimit?: RouteRateLimit;
  }
}

/** How often counts decided in memory are added to the shared counters. */
export const SYNC_MS = 250;
/** From this share of a limit on, every request is counted in the database before it is let through. */
export const EXACT_FROM = 0.5;

const WINDOW_SECONDS_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/**
 * Reads a `--rate-limit` value: `N` (requests a minute), `N/<window>` (`600/1m`, `100/30s`, `5000/1h`),
 * or `off`. Throws an Error naming what is wrong.
 */
export function parseRateLimit(text: string, defaults: RateLimits = DEFAULT_RATE_LIMITS): RateLimits | false {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === '0') return false;
  const match = /^(\d+)(?:\/(\d*)([smh]))?$/u.exec(value);
  if (!match) {
    throw new Error(`"${text}" is not a rate limit: give N (a minute), N/30s, N/1m, N/1h, or off`);
  }
  const max = Number(match[1]);
  const windowMs = match[3]
    ? Number(match[2] || '1') * (WINDOW_SECONDS_UNITS[match[3]] ?? 60) * 1000
    : 60_000;
  if (max < 1 || max > 1_000_000 || windowMs < 1000 || windowMs > 86_400_000) {
    throw new Error(`"${text}": the limit must be 1 to 1000000 requests in a window of 1 s to 24 h`);
  }
  return { ...defaults, max, timeWindowMs: windowMs };
}

interface Count {
  windowStart: number;
  /** When the window ends, epoch ms. */
  resetAt: number;
  /** The shared total as last read from the database (everyone's hits, ours included). */
  shared: number;
  /** Our hits not yet added to the shared total. */
  unsynced: number;
  /** Our hits being added right now. */
  syncing: number;
}

/** What a limit decided: let through or not, how many are left, and when the window ends (epoch ms). */
export interface Verdict {
  allowed: boolean;
  remaining: number;
  resetAt: number;
}

/** Counts hits per key in fixed windows, in memory or shared through the store (see the file's head). */
export class WindowCounts {
  readonly #counts = new Map<string, Count>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #sweptAt = 0;

  constructor(
    readonly store: Store,
    readonly shared = store.dialect === 'postgres',
  ) {}

  /** Counts one hit of `key` against `max` per `windowMs` and says whether it may go through. */
  async hit(key: string, max: number, windowMs: number, now: number): Promise<Verdict> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    let count = this.#counts.get(key);
    if (!count || count.windowStart !== windowStart) {
      count = { windowStart, resetAt, shared: 0, unsynced: 0, syncing: 0 };
      this.#counts.set(key, count);
    }
    const estimate = count.shared + count.unsynced + count.syncing + 1;
    if (!this.shared || estimate <= max * EXACT_FROM) {
      count.unsynced++;
      if (this.shared) this.#schedule();
      const total = this.shared ? estimate : count.unsynced;
      return { allowed: total <= max, remaining: Math.max(0, max - total), resetAt };
    }
    try {
      const totals = await this.store.write((tx) => tx.rateCounters.add([{ key, windowStart, hits: 1 }]));
      const total = totals.get(key) ?? estimate;
      if (count.windowStart === windowStart)
        count.shared = Math.max(count.shared, total - count.unsynced - count.syncing);
      return { allowed: total <= max, remaining: Math.max(0, max - total), resetAt };
    } catch {
      // the database cannot count now: let the request through; it will meet the same database
      count.unsynced++;
      return { allowed: estimate <= max, remaining: Math.max(0, max - estimate), resetAt };
    }
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#flushing ??= this.flush().finally(() => (this.#flushing = undefined));
    }, SYNC_MS);
    this.#timer.unref();
  }

  /** Adds the hits counted in memory to the shared counters and learns everyone's totals. */
  async flush(): Promise<void> {
    const batch: { key: string; count: Count; hits: number }[] = [];
    const now = Date.now();
    for (const [key, count] of this.#counts) {
      if (count.unsynced > 0) {
        batch.push({ key, count, hits: count.unsynced });
        count.syncing += count.unsynced;
        count.unsynced = 0;
      } else if (count.syncing === 0 && count.resetAt <= now) {
        this.#counts.delete(key); // its window ended and it owes the database nothing
      }
    }
    if (batch.length === 0) return;
    try {
      const totals = await this.store.write(async (tx) => {
        const added = await tx.rateCounters.add(
          batch.map((b) => ({ key: b.key, windowStart: b.count.windowStart, hits: b.hits })),
        );
        // windows that ended long ago go now and then, a few at a time with each batch
        if (now - this.#sweptAt > 60_000) {
          this.#sweptAt = now;
          await tx.rateCounters.removeBefore(now - 86_400_000); // no window lasts longer than a day
        }
        return added;
      });
      for (const b of batch) {
        b.count.syncing -= b.hits;
        b.count.shared = Math.max(b.count.shared, totals.get(b.key) ?? 0);
      }
    } catch {
      // the database cannot count now: keep the hits for the next batch
      for (const b of batch) {
        b.count.syncing -= b.hits;
        b.count.unsynced += b.hits;
      }
    }
  }

  /** Forgets the counts of windows that ended (in-memory counting keeps only the current ones). */
  prune(now: number): void {
    for (const [key, count] of this.#counts) {
      if (count.unsynced + count.syncing === 0 || !this.shared) {
        if (count.resetAt <= now) this.#counts.delete(key);
      }
    }
  }

  /** Stops the batch timer and adds what is left. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#flushing;
    if (this.shared) await this.flush();
  }
}

function refuse(reply: FastifyReply, verdict: Verdict, max: number, now: number, what: string): never {
  const seconds = Math.max(1, Math.ceil((verdict.resetAt - now) / 1000));
  reply.header('x-ratelimit-limit', String(max)).header('x-ratelimit-remaining', '0');
  reply.header('x-ratelimit-reset', String(seconds));
  throw new HttpProblem(429, 'rate-limited', `too many requests ${what}: try again in ${seconds} s`, {
    headers: { 'retry-after': String(seconds) },
  });
}

/**
 * Registers the limits: per address (and a route's own, e.g. sign-in) before anything else runs,
 * per signed-in user once authentication has run. `false` switches them off.
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits | false): void {
  if (limits === false) return;
  const counts = new WindowCounts(app.deps.app.store);
  app.addHook('onClose', () => counts.close());
  let prunedAt = 0;

  const check = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    max: number,
    windowMs: number,
    what: string,
  ): Promise<void> => {
    const now = app.deps.now().getTime();
    if (!counts.shared && now - prunedAt > windowMs) {
      prunedAt = now;
      counts.prune(now);
    }
    const verdict = await counts.hit(key, max, windowMs, now);
    if (!verdict.allowed) {
      app.metrics.rateLimited.inc({ limit: key.slice(0, key.indexOf(':')) });
      refuse(reply, verdict, max, now, what);
    }
    reply.header('x-ratelimit-limit', String(max)).header('x-ratelimit-remaining', String(verdict.remaining));
    void request; // the key already holds what of the request counts
  };

  app.addHook('onRequest', async (request, reply) => {
    const own = request.routeOptions.config.rateLimit;
    if (own === false) return;
    const address = request.ip;
    await check(request, reply, `addr:${address}`, limits.max, limits.timeWindowMs, 'from this address');
    if (own) {
      const route = `${request.method} ${request.routeOptions.url ?? ''}`;
      await check(
        request,
        reply,
        `route:${route}:addr:${address}`,
        own.max,
        own.timeWindow,
        'to this route from this address',
      );
    }
  });

  // right after authentication (registered after it), before the read cache may answer
  app.addHook('preParsing', async (request, reply) => {
    if (!request.auth || request.routeOptions.config.rateLimit === false) return;
    await check(
      request,
      reply,
      `user:${request.auth.user.id}`,
      limits.max,
      limits.timeWindowMs,
      'from this account',
    );
  });
}
