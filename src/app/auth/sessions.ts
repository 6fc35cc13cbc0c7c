// Sign-in, sign-out and resolving a session cookie; only a hash of the cookie value is stored.
import type { Actor } from '../../domain/actor/schema.js';
import type { Session, Store, User } from '../../store/store.js';
import { actorFor } from './actor.js';
import type { AuthContext } from './context.js';
import { InvalidCredentialsError, LoginThrottledError } from './errors.js';
import { dummyHash, verifyPassword } from './password.js';
import { derive, randomSecret, sha256Hex } from './secrets.js';
import { normaliseEmail } from './users.js';

/** A session cookie value: 32 random bytes, base64url. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/u;

/** What a sign-in attempt gives: the credentials and the client's network address. */
export interface LoginInput {
  email: string;
  password: string;
  address: string;
}

/** A new session: the cookie value (returned once, never stored) and its CSRF token. */
export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  user: User;
  actor: Actor;
  expiresAt: string;
}

/** A live session found from its cookie. */
export interface ResolvedSession {
  session: Session;
  user: User;
  actor: Actor;
  csrfToken: string;
}

/** The CSRF token of a session: derived from the secret cookie value, so it needs no storage. */
export function csrfTokenFor(cookieValue: string): string {
  return derive(cookieValue, 'sideline csrf token v1');
}

/**
 * Signs in. Unknown email, wrong password and disabled account all fail with the same
 * InvalidCredentialsError after the same argon2 work; an address that failed too often for the
 * account, or for any accounts, fails with LoginThrottledError before any password is checked
 * (throttle.ts: an address that never failed for the account is never held back by it).
 */
export async function login(ctx: AuthContext, input: LoginInput, now: Date): Promise<NewSession> {
  const email = normaliseEmail(input.email);
  const nowMs = now.getTime();
  const wait = await ctx.throttle.retryAfter(email, input.address, nowMs);
  if (wait > 0) throw new LoginThrottledError(wait);

  const found = await ctx.store.read(async (tx) => {
    const user = await tx.users.byEmail(email);
    return user ? { user, hash: await tx.users.passwordHash(user.id) } : undefined;
  });
  // verify against a dummy hash when there is nothing to verify, so timing does not tell
  const matches = await verifyPassword(found?.hash ?? (await dummyHash()), input.password);
  if (!found?.hash || !matches || found.user.disabled) {
    await ctx.throttle.fail(email, input.address, nowMs);
    throw new InvalidCredentialsError();
  }
  await ctx.throttle.succeed(email, input.address);

  const cookieValue = randomSecret(32);
  const at = now.toISOString();
  const expiresAt = new Date(nowMs + ctx.sessions.absoluteMs).toISOString();
  const user = found.user;
  const actor = await ctx.store.write(async (tx) => {
    await tx.sessions.insert({
      idHash: sha256Hex(cookieValue),
      user: user.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
    });
    return actorFor(tx, user);
  });
  return { cookieValue, csrfToken: csrfTokenFor(cookieValue), user, actor, expiresAt };
}

/** Ends the session of a cookie value; an unknown or malformed value is ignored. */
export async function logout(store: Store, cookieValue: string): Promise<void> {
  if (!COOKIE_VALUE.test(cookieValue)) return;
  await store.write((tx) => tx.sessions.remove(sha256Hex(cookieValue)));
}

/**
 * The live session of a cookie value at `now`, or undefined. A session past its idle or absolute
 * timeout, or whose user is gone or disabled, is deleted on sight.
 */
export async function resolveSession(
  ctx: AuthContext,
  cookieValue: string,
  now: Date,
): Promise<ResolvedSession | undefined> {
  if (!COOKIE_VALUE.test(cookieValue)) return undefined;
  const idHash = sha256Hex(cookieValue);
  const nowMs = now.getTime();
  const found = await ctx.store.read(async (tx) => {
    const session = await tx.sessions.get(idHash);
    if (!session) return undefined;
    const user = await tx.users.get(session.user);
    return { session, user, actor: user && !user.disabled ? await actorFor(tx, user) : undefined };
  });
  if (!found) return undefined;
  const { session, user, actor } = found;
  const lastSeen = Date.parse(session.lastSeenAt);
  const expired = nowMs >= Date.parse(session.expiresAt) || nowMs - lastSeen >= ctx.sessions.idleMs;
  if (expired || !user || !actor) {
    await ctx.store.write((tx) => tx.sessions.remove(idHash));
    return undefined;
  }
  if (nowMs - lastSeen >= ctx.sessions.touchEveryMs) {
    const at = now.toISOString();
    await ctx.store.write((tx) => tx.sessions.touch(idHash, at));
    session.lastSeenAt = at;
  }
  return { session, user, actor, csrfToken: csrfTokenFor(cookieValue) };
}
