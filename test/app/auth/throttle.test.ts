import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../src/app/auth/throttle.js';

const MIN = 60_000;

describe('LoginThrottle', () => {
  it('blocks an account after its limit of failures until the oldest leaves the window', () => {
    const t = new LoginThrottle({ windowMs: 15 * MIN, perAccount: 3, perAddress: 100 });
    for (let i = 0; i < 3; i++) t.fail('a@x.org', `10.0.0.${i}`, i * MIN);
    expect(t.retryAfter('a@x.org', '10.9.9.9', 3 * MIN)).toBe(12 * 60); // first failure at 0 ends at 15 min
    expect(t.retryAfter('b@x.org', '10.9.9.9', 3 * MIN)).toBe(0);
    expect(t.retryAfter('a@x.org', '10.9.9.9', 15 * MIN)).toBe(0);
  });

  it('blocks an address across accounts', () => {
    const t = new LoginThrottle({ windowMs: 15 * MIN, perAccount: 100, perAddress: 2 });
    t.fail('a@x.org', '192.0.2.1', 0);
    t.fail('b@x.org', '192.0.2.1', 0);
    expect(t.retryAfter('c@x.org', '192.0.2.1', 1000)).toBeGreaterThan(0);
    expect(t.retryAfter('c@x.org', '192.0.2.2', 1000)).toBe(0);
  });

  it('forgets an account failures on success but not the address ones', () => {
    const t = new LoginThrottle({ windowMs: 15 * MIN, perAccount: 2, perAddress: 2 });
    t.fail('a@x.org', '192.0.2.1', 0);
    t.fail('a@x.org', '192.0.2.1', 0);
    t.succeed('a@x.org');
    expect(t.retryAfter('a@x.org', '192.0.2.9', 1)).toBe(0);
    expect(t.retryAfter('z@x.org', '192.0.2.1', 1)).toBeGreaterThan(0);
  });
});
