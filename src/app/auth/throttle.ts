// Sign-in throttling by account and address together (OWASP ASVS 5.0 V6.3: no lock anyone else can
// set off, delays that grow per account, a limit per address). The counts live in the database, so
// every server of one database throttles alike.
//
// - One account from one address: the first `freePerPair` failures are free; after that each try
//   waits, the wait doubling with each further failure up to `maxDelayMs`. Only that address waits.
// - One account from every address: past `perAccount` failures, an address that has failed for the
//   account at least once waits too (a guess spread over many addresses gets one try from each). An
//   address that never failed for it is never held back, so the account's owner always gets in.
// - One address, any accounts: past `perAddress` failures in `windowMs`, the address waits out the
//   window (guessing one password across many accounts).
// A failure counts for `windowMs` after the pair's last one; a success forgets the pair's count.
import type { Store } from '../../store/store.js';
import { sha256Hex } from './secrets.js';

/** The limits; see the module comment. */
export interface ThrottlePolicy {
  windowMs: number;
  freePerPair: number;
  baseDelayMs: number;
  maxDelayMs: number;
  perAccount: number;
  perAddress: number;
}

/** 5 free failures per account and address, then 1 s doubling to 15 min; 20 per account; 20 per address in 15 min. */
export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freePerPair: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  perAccount: 20,
  perAddress: 20,
};

/** The key an account is counted under: a hash, so mistyped emails are not kept in clear. */
function accountKey(email: string): string {
  return sha256Hex(`sideline sign-in throttle v1:${email}`);
}

/** Failed sign-in counts in the store; pass `now` in milliseconds so tests control time. */
export class LoginThrottle {
  readonly policy: ThrottlePolicy;

  constructor(
    private readonly store: Store,
    policy: Partial<ThrottlePolicy> = {},
  ) {
    this.policy = { ...DEFAULT_THROTTLE, ...policy };
  }

  /** Seconds until `address` may try `account` again, or 0 when a try is allowed now. */
  async retryAfter(account: string, address: string, nowMs: number): Promise<number> {
    const key = accountKey(account);
    const p = this.policy;
    const since = new Date(nowMs - p.windowMs).toISOString();
    const rows = await this.store.read((tx) => tx.loginFailures.recent(key, address, since));
    const last = (list: typeof rows) => Math.max(...list.map((r) => Date.parse(r.lastFailedAt)));
    const sum = (list: typeof rows) => list.reduce((n, r) => n + r.failures, 0);
    const grown = (over: number) => Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.min(over, 30));
    const waits: number[] = [0];
    const pair = rows.find((r) => r.account === key && r.address === address);
    if (pair && pair.failures >= p.freePerPair)
      waits.push(Date.parse(pair.lastFailedAt) + grown(pair.failures - p.freePerPair) - nowMs);
    const ofAccount = rows.filter((r) => r.account === key);
    if (pair && sum(ofAccount) >= p.perAccount)
      waits.push(last(ofAccount) + grown(sum(ofAccount) - p.perAccount) - nowMs);
    const ofAddress = rows.filter((r) => r.address === address);
    if (sum(ofAddress) >= p.perAddress) waits.push(last(ofAddress) + p.windowMs - nowMs);
    const wait = Math.max(...waits);
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  /** Counts one failed sign-in of `account` from `address`, and forgets pairs long quiet. */
  async fail(account: string, address: string, nowMs: number): Promise<void> {
    const p = this.policy;
    const at = new Date(nowMs).toISOString();
    const since = new Date(nowMs - p.windowMs).toISOString();
    const stale = new Date(nowMs - Math.max(p.windowMs, p.maxDelayMs) * 2).toISOString();
    await this.store.write(async (tx) => {
      await tx.loginFailures.record(accountKey(account), address, at, since);
      await tx.loginFailures.prune(stale);
    });
  }

  /** Forgets the failures of `account` from `address` after it signed in from there. */
  async succeed(account: string, address: string): Promise<void> {
    await this.store.write((tx) => tx.loginFailures.clear(accountKey(account), address));
  }
}
