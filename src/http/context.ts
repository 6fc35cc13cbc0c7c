// What every route reaches through `app.deps` and `request.auth`, and the route metadata Sideline adds.
import type { AppContext } from '../app/context.js';
import type { AuthContext } from '../app/auth/context.js';
import type { Actor } from '../domain/actor/schema.js';
import type { User } from '../store/store.js';
import type { Authz } from './authz.js';
import type { RateLimits } from './rate-limit.js';

/** The dependencies of the HTTP layer, built once per server. */
export interface HttpDeps {
  /** The use cases' surroundings (store, clock, id source). */
  readonly app: AppContext;
  /** The account use cases' surroundings (store, throttle, session timeouts). */
  readonly auth: AuthContext;
  /** The clock every hook and handler reads, injected so tests control time. */
  now(): Date;
  /** Rate limits in force, or false when switched off (tests of other behaviour). */
  readonly rateLimits: RateLimits | false;
  /** How often to sweep confirmation deadlines (ms), or false for never. */
  readonly deadlineSweepMs: number | false;
}

/** Who made a request, and how they proved it. */
export interface RequestAuth {
  readonly actor: Actor;
  readonly user: User;
  /** `session`: the cookie (CSRF-checked on writes); `token`: an Authorization bearer token. */
  readonly via: 'session' | 'token';
  /** The session's CSRF token; null for bearer tokens, which need none. */
  readonly csrfToken: string | null;
  /** The store's change mark as the caller was authenticated (Store.changeMark), for the request's caches. */
  readonly mark: number | undefined;
}

/** Whether a POST route takes an Idempotency-Key header: `optional` by default, or `required`. */
export type IdempotencyMode = 'optional' | 'required' | 'off';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's dependencies; see HttpDeps. */
    deps: HttpDeps;
  }
  interface FastifyRequest {
    /** The authenticated caller, or null (only on routes whose x-authz is `public`). */
    auth: RequestAuth | null;
  }
  interface FastifySchema {
    /** Who may call the route; read by the authentication hook, the OpenAPI document and the authorisation matrix test. */
    'x-authz'?: Authz;
  }
  interface FastifyContextConfig {
    /** Idempotency-Key handling for this POST route (default `optional`). */
    idempotency?: IdempotencyMode;
  }
}
