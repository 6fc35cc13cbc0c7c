// The account use cases on a real store, once on SQLite and once on PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import { DuplicateError } from '../../../src/store/store.js';
import { createAuthContext, type AuthContext } from '../../../src/app/auth/context.js';
import {
  AccountInputError,
  InvalidCredentialsError,
  LoginThrottledError,
  PasswordPolicyError,
} from '../../../src/app/auth/errors.js';
import { ARGON2_OPTIONS } from '../../../src/app/auth/password.js';
import { csrfTokenFor, login, logout, resolveSession } from '../../../src/app/auth/sessions.js';
import { BACKENDS, openTestStore, seedSummit, TestClock, type TestStore } from './testing/stores.js';
import { sha256Hex } from '../../../src/app/auth/secrets.js';
import {
  createToken,
  listTokens,
  ResolvedTokens,
  resolveToken,
  revokeToken,
} from '../../../src/app/auth/tokens.js';
import { createUser, disableUser, setPassword, userByEmail } from '../../../src/app/auth/users.js';

const PASSWORD = 'lantern harbour sunflower';
const MIN = 60_000;
const grants = [
  { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'delegation-lead' },
] as RoleGrant[];

describe.each(BACKENDS)('account use cases on %s', (backend) => {
  let t: TestStore;
  let ctx: AuthContext;
  let clock: TestClock;
  let n = 0;
  const email = () => `user${++n}@example.org`;

  beforeAll(async () => {
    t = await openTestStore(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
    await seedSummit(t.store, 'apec-2017');
  });
  afterAll(async () => t?.dispose());

  const fresh = (sessions = {}) => {
    clock = new TestClock();
    ctx = createAuthContext(t.store, { sessions });
    return ctx;
  };

  it('stores an argon2id hash with OWASP parameters, never the password', async () => {
    const e = email();
    const user = await createUser(t.store, {
      email: e.toUpperCase(),
      name: 'Ana',
      password: PASSWORD,
      grants,
    });
    expect(user.email).toBe(e);
    const hash = await t.store.read((tx) => tx.users.passwordHash(user.id));
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(PASSWORD);
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(await t.store.read((tx) => tx.users.grants(user.id))).toEqual(grants);
  });

  it('refuses a weak password, a bad email and a taken email, storing nothing', async () => {
    const e = email();
    await expect(
      createUser(t.store, { email: e, name: 'A', password: 'password1234', grants: [] }),
    ).rejects.toThrow(PasswordPolicyError);
    await expect(
      createUser(t.store, { email: 'not-an-email', name: 'A', password: PASSWORD, grants: [] }),
    ).rejects.toThrow(AccountInputError);
    expect(await t.store.read((tx) => tx.users.byEmail(e))).toBeUndefined();
    await createUser(t.store, { email: e, name: 'A', password: PASSWORD, grants: [] });
    await expect(
      createUser(t.store, { email: e, name: 'B', password: PASSWORD, grants: [] }),
    ).rejects.toThrow(DuplicateError);
  });

  it('signs in with a new random session whose id is stored only as a hash', async () => {
    fresh();
    const e = email();
    const user = await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    const a = await login(ctx, { email: e, password: PASSWORD, address: '192.0.2.1' }, clock.now());
    const b = await login(ctx, { email: e, password: PASSWORD, address: '192.0.2.1' }, clock.now());
    expect(a.cookieValue).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.cookieValue).not.toBe(b.cookieValue);
    expect(a.actor).toEqual({ user: user.id, grants, system: false });
    expect(await t.store.read((tx) => tx.sessions.get(a.cookieValue))).toBeUndefined();
    const stored = await t.store.read((tx) => tx.sessions.get(sha256Hex(a.cookieValue)));
    expect(stored?.user).toBe(user.id);
    expect(a.csrfToken).toBe(csrfTokenFor(a.cookieValue));
    expect(a.csrfToken).not.toBe(sha256Hex(a.cookieValue));
  });

  it('answers an unknown email and a wrong password identically, in similar time', async () => {
    fresh();
    const e = email();
    await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    // CPU time of this process (argon2 runs on its thread pool), not wall time: other work on a
    // shared machine slows the wall clock of both cases differently, but not the work each one does.
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const attempt = async (who: string, password: string) => {
      const started = cpuMs();
      const error = await login(ctx, { email: who, password, address: '192.0.2.2' }, clock.now()).catch(
        (x) => x,
      );
      return { error: error as Error, ms: cpuMs() - started };
    };
    await attempt('warm-up@example.org', 'x'); // the dummy hash is computed once
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await attempt(`nobody${i}@example.org`, PASSWORD));
      wrong.push(await attempt(e, `wrong password number ${i}`));
    }
    for (const r of [...unknown, ...wrong]) {
      expect(r.error).toBeInstanceOf(InvalidCredentialsError);
      expect(r.error.message).toBe('email or password is incorrect');
    }
    // both spent one argon2id verification: the CPU-time medians are within a factor of four of each other
    const u = median(unknown.map((r) => r.ms));
    const w = median(wrong.map((r) => r.ms));
    expect(u).toBeGreaterThan(w / 4);
    expect(w).toBeGreaterThan(u / 4);
  });

  it('never locks an account for its owner: failures from other addresses hold back only those', async () => {
    fresh();
    const e = email();
    await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    for (let i = 0; i < 6; i++) {
      await expect(
        login(ctx, { email: e, password: 'nope', address: '198.51.100.1' }, clock.now()),
      ).rejects.toThrow(i < 5 ? InvalidCredentialsError : LoginThrottledError);
    }
    const blocked = await login(
      ctx,
      { email: e, password: PASSWORD, address: '198.51.100.1' },
      clock.now(),
    ).catch((x) => x);
    expect(blocked).toBeInstanceOf(LoginThrottledError);
    expect((blocked as LoginThrottledError).retryAfterSeconds).toBe(1);
    // the owner proves the password from an address that never failed: in at once
    await expect(
      login(ctx, { email: e, password: PASSWORD, address: '198.51.100.99' }, clock.now()),
    ).resolves.toBeTruthy();
  });

  it('throttles an address after twenty failures across accounts', async () => {
    fresh();
    for (let i = 0; i < 20; i++) {
      await login(
        ctx,
        { email: `ghost${i}@example.org`, password: 'x', address: '203.0.113.7' },
        clock.now(),
      ).catch(() => undefined);
    }
    const e = email();
    await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    await expect(
      login(ctx, { email: e, password: PASSWORD, address: '203.0.113.7' }, clock.now()),
    ).rejects.toThrow(LoginThrottledError);
    await expect(
      login(ctx, { email: e, password: PASSWORD, address: '203.0.113.8' }, clock.now()),
    ).resolves.toBeTruthy();
  });

  it('ends a session after 30 idle minutes, and keeps it alive while used', async () => {
    fresh();
    const e = email();
    await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    const s = await login(ctx, { email: e, password: PASSWORD, address: '192.0.2.3' }, clock.now());
    for (let i = 0; i < 4; i++) {
      clock.advance(29 * MIN);
      expect(await resolveSession(ctx, s.cookieValue, clock.now())).toBeDefined();
    }
    clock.advance(30 * MIN);
    expect(await resolveSession(ctx, s.cookieValue, clock.now())).toBeUndefined();
    // and it is gone for good, not just refused this once
    expect(await t.store.read((tx) => tx.sessions.get(sha256Hex(s.cookieValue)))).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    fresh();
    const e = email();
    await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    const s = await login(ctx, { email: e, password: PASSWORD, address: '192.0.2.4' }, clock.now());
    for (let i = 0; i < 12 * 3 - 1; i++) {
      clock.advance(20 * MIN);
      expect(await resolveSession(ctx, s.cookieValue, clock.now())).toBeDefined();
    }
    clock.advance(20 * MIN); // exactly 12 h
    expect(await resolveSession(ctx, s.cookieValue, clock.now())).toBeUndefined();
  });

  it('logout, a password change and disabling each end sessions', async () => {
    fresh();
    const e = email();
    const user = await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    const sign = () => login(ctx, { email: e, password: PASSWORD, address: '192.0.2.5' }, clock.now());
    const a = await sign();
    await logout(t.store, a.cookieValue);
    expect(await resolveSession(ctx, a.cookieValue, clock.now())).toBeUndefined();

    const b = await sign();
    await setPassword(t.store, user.id, PASSWORD); // same words, new salt: sessions still end
    expect(await resolveSession(ctx, b.cookieValue, clock.now())).toBeUndefined();

    const c = await sign();
    const d = await sign();
    await disableUser(t.store, user.id);
    expect(await resolveSession(ctx, c.cookieValue, clock.now())).toBeUndefined();
    expect(await resolveSession(ctx, d.cookieValue, clock.now())).toBeUndefined();
    expect((await userByEmail(t.store, e)).disabled).toBe(true);
    await expect(sign()).rejects.toThrow(InvalidCredentialsError);
  });

  it('API tokens: shown once, stored hashed, resolve to the actor, stop when revoked or disabled', async () => {
    fresh();
    const e = email();
    const user = await createUser(t.store, { email: e, name: 'Ana', password: PASSWORD, grants });
    const made = await createToken(t.store, user.id, 'ci script', clock.now());
    expect(made.token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    const stored = await t.store.read((tx) => tx.tokens.listFor(user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.hash).toBe(sha256Hex(made.token));
    expect(JSON.stringify(await listTokens(t.store, user.id))).not.toContain(made.token.slice(3));
    expect((await resolveToken(t.store, made.token))?.actor).toEqual({
      user: user.id,
      grants,
      system: false,
    });
    expect(await resolveToken(t.store, `${made.token.slice(0, -1)}x`)).toBeUndefined();

    const other = await createUser(t.store, { email: email(), name: 'Bo', password: PASSWORD, grants: [] });
    await expect(revokeToken(t.store, other.id, made.info.id, clock.now())).rejects.toThrow(/no token/);
    await revokeToken(t.store, user.id, made.info.id, clock.now());
    expect(await resolveToken(t.store, made.token)).toBeUndefined();

    const second = await createToken(t.store, user.id, 'another', clock.now());
    await disableUser(t.store, user.id);
    expect(await resolveToken(t.store, second.token)).toBeUndefined();
  });

  it('resolved tokens are reused only while nothing has committed: revocation, disabling and grants tell at once', async () => {
    fresh();
    const known = new ResolvedTokens();
    const user = await createUser(t.store, { email: email(), name: 'Cy', password: PASSWORD, grants });
    const made = await createToken(t.store, user.id, 'dashboard', clock.now());
    const hash = sha256Hex(made.token);
    expect((await resolveToken(t.store, made.token, known))?.actor.grants).toEqual(grants);
    // kept under the current change mark (on PostgreSQL a mark kept fresh by LISTEN/NOTIFY)
    const kept = known.get(hash, t.store.changeMark());
    expect(kept?.user.id).toBe(user.id);

    await t.store.write((tx) => tx.users.setGrants(user.id, []));
    expect((await resolveToken(t.store, made.token, known))?.actor.grants).toEqual([]);
    await revokeToken(t.store, user.id, made.info.id, clock.now());
    expect(await resolveToken(t.store, made.token, known)).toBeUndefined();

    const second = await createToken(t.store, user.id, 'another', clock.now());
    expect(await resolveToken(t.store, second.token, known)).toBeDefined();
    await disableUser(t.store, user.id);
    expect(await resolveToken(t.store, second.token, known)).toBeUndefined();
  });
});
