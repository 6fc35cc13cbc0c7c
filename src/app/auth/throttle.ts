// Counts failed sign-ins per account and per address in a sliding window.
//
// The counters live in this process's memory: they start empty when the server starts, and with
// several API processes each keeps its own (an attacker then gets the limit once per process).
// That is deliberate for now: argon2id already makes each guess cost ~50 ms of CPU, the window is
// short, and the store keeps no throttle table. Move them to the store if the API runs on many
// processes behind one address.

/** Limits: failures allowed per account and per address inside one window. */
export interface ThrottlePolicy {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/** 5 failures per account and 20 per address in 15 minutes. */
export const DEFAULT_THROTTLE: ThrottlePolicy = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** Bound on remembered keys, so a flood of distinct emails cannot grow memory without limit. */
const MAX_KEYS = 100_000;

/** Failed sign-in counters for one process; pass `now` in milliseconds so tests control time. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(readonly policy: ThrottlePolicy = DEFAULT_THROTTLE) {}

  /** Seconds until the account or address may try again, or 0 when a try is allowed now. */
  retryAfter(account: string, address: string, nowMs: number): number {
    const wait = (key: string, limit: number): number => {
      const recent = this.recent(key, nowMs);
      if (recent.length < limit) return 0;
      // the oldest failure that still counts must leave the window before the next try
      const oldest = recent[recent.length - limit] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + this.policy.windowMs - nowMs) / 1000));
    };
    return Math.max(
      wait(`account:${account}`, this.policy.perAccount),
      wait(`address:${address}`, this.policy.perAddress),
    );
  }

  /** Records one failed sign-in for both the account and the address. */
  fail(account: string, address: string, nowMs: number): void {
    for (const key of [`account:${account}`, `address:${address}`]) {
      const recent = this.recent(key, nowMs);
      recent.push(nowMs);
      this.failures.delete(key); // re-insert so Map order is least-recently-failed first
      this.failures.set(key, recent);
    }
    while (this.failures.size > MAX_KEYS) {
      const first = this.failures.keys().next();
      if (first.done) break;
      this.failures.delete(first.value);
    }
  }

  /** Forgets an account's failures after a successful sign-in (the address keeps its count). */
  succeed(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private recent(key: string, nowMs: number): number[] {
    const since = nowMs - this.policy.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
