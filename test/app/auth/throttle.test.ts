// Sign-in throttling in the store, on SQLite and PostgreSQL: per account and address together, so an
// attacker slows only their own address; per account across addresses, for a guess spread wide; per
// address across accounts; and shared by every server of one database.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginThrottle } from '../../../src/app/auth/throttle.js';
import { openStore } from '../../../src/store/open.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/stores.js';

const MIN = 60_000;
const POLICY = {
  windowMs: 15 * MIN,
  freePerPair: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  perAccount: 6,
  perAddress: 10,
};

describe.each(BACKENDS)('the sign-in throttle on %s', (backend) => {
  let t: TestStore;
  let n = 0;
  beforeAll(async () => {
    t = await openTestStore(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
  });
  afterAll(() => t.dispose());
  /** A fresh account name and time line, so tests do not share counts. */
  const fresh = () => ({ account: `user${++n}@x.org`, at: n * 60 * MIN });

  it('slows one address after its free failures for an account, doubling up to the cap, and no other', async () => {
    const th = new LoginThrottle(t.store, POLICY);
    const { account, at } = fresh();
    for (let i = 0; i < 3; i++) {
      expect(await th.retryAfter(account, '192.0.2.1', at)).toBe(0);
      await th.fail(account, '192.0.2.1', at);
    }
    expect(await th.retryAfter(account, '192.0.2.1', at)).toBe(1);
    expect(await th.retryAfter(account, '192.0.2.2', at)).toBe(0); // the owner's address
    const waits: number[] = [];
    let now = at;
    for (let i = 0; i < 5; i++) {
      now += (await th.retryAfter(account, '192.0.2.1', now)) * 1000;
      await th.fail(account, '192.0.2.1', now);
      waits.push(await th.retryAfter(account, '192.0.2.1', now));
    }
    expect(waits).toEqual([2, 4, 8, 8, 8]); // never a lock: the wait stops growing at the cap
    expect(await th.retryAfter(account, '192.0.2.2', now)).toBe(0);
  });

  it('holds back, past the account limit, every address that failed for it, never one that did not', async () => {
    const th = new LoginThrottle(t.store, POLICY);
    const { account, at } = fresh();
    for (let i = 0; i < 6; i++) await th.fail(account, `198.51.100.${i}`, at); // one guess from each
    expect(await th.retryAfter(account, '198.51.100.0', at)).toBeGreaterThan(0);
    expect(await th.retryAfter(account, '198.51.100.5', at)).toBeGreaterThan(0);
    expect(await th.retryAfter(account, '203.0.113.1', at)).toBe(0);
  });

  it('stops an address guessing across accounts for the window, and forgets a pair on success', async () => {
    const th = new LoginThrottle(t.store, POLICY);
    const { at } = fresh();
    for (let i = 0; i < 10; i++) await th.fail(`spray${n}-${i}@x.org`, '192.0.2.99', at);
    expect(await th.retryAfter(`other${n}@x.org`, '192.0.2.99', at + 1000)).toBe(15 * 60 - 1);
    expect(await th.retryAfter(`other${n}@x.org`, '192.0.2.98', at + 1000)).toBe(0);
    expect(await th.retryAfter(`other${n}@x.org`, '192.0.2.99', at + 15 * MIN)).toBe(0);

    const { account, at: later } = fresh();
    for (let i = 0; i < 3; i++) await th.fail(account, '192.0.2.7', later);
    expect(await th.retryAfter(account, '192.0.2.7', later)).toBe(1);
    await th.succeed(account, '192.0.2.7');
    expect(await th.retryAfter(account, '192.0.2.7', later)).toBe(0);
  });

  it('counts the failures every server records: one database, one throttle', async () => {
    const other = await openStore(t.options);
    try {
      const here = new LoginThrottle(t.store, POLICY);
      const there = new LoginThrottle(other, POLICY);
      const { account, at } = fresh();
      await here.fail(account, '192.0.2.50', at);
      await there.fail(account, '192.0.2.50', at);
      await Promise.all([here.fail(account, '192.0.2.50', at), there.fail(account, '192.0.2.50', at)]);
      expect(await there.retryAfter(account, '192.0.2.50', at)).toBe(2); // 4 failures: 1 past the free 3
      expect(await here.retryAfter(account, '192.0.2.50', at)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
