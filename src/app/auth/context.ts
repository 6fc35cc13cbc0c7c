// What the account use cases need: the store, the sign-in throttle and the session timeouts.
import type { Store } from '../../store/store.js';
import { LoginThrottle, type ThrottlePolicy } from './throttle.js';
import { ResolvedTokens } from './tokens.js';

/** How long a session lives. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
  /** Last-seen is written at most this often, so reads do not each cost a write. */
  touchEveryMs: number;
}

/** 30 minutes idle, 12 hours absolute (OWASP Session Management Cheat Sheet ranges). */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  touchEveryMs: 60_000,
};

/** The dependencies of every account use case; one per process (the throttle's counts live in the store). */
export interface AuthContext {
  readonly store: Store;
  readonly throttle: LoginThrottle;
  readonly sessions: SessionPolicy;
  /** API tokens resolved while nothing has committed since (see resolveToken). */
  readonly tokens: ResolvedTokens;
}

/** Builds an AuthContext with the default policies unless others are given. */
export function createAuthContext(
  store: Store,
  options: { throttle?: Partial<ThrottlePolicy>; sessions?: Partial<SessionPolicy> } = {},
): AuthContext {
  return {
    store,
    throttle: new LoginThrottle(store, options.throttle),
    sessions: { ...DEFAULT_SESSION_POLICY, ...options.sessions },
    tokens: new ResolvedTokens(),
  };
}
