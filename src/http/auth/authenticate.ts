// Authenticates every request to a signed-in route (session cookie or bearer token) and checks CSRF.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../../app/auth/errors.js';
import { resolveSession } from '../../app/auth/sessions.js';
import { resolveToken } from '../../app/auth/tokens.js';
import { sameSecret } from '../../app/auth/secrets.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { RequestAuth } from '../context.js';
import { HttpProblem } from '../problem.js';
import { clearSessionCookie, CSRF_HEADER, SESSION_COOKIE } from './cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The caller's Actor; throws UnauthenticatedError on a request without one (for handlers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth.actor;
}

/** The caller's authentication; throws UnauthenticatedError when there is none. */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth;
}

/**
 * The caller's credentials as they stand now (session cookie or bearer token), or null when there are
 * none; throws UnauthenticatedError for a bearer token that is invalid, revoked or whose account is
 * disabled. Long-lived answers ask again to learn whether the caller still stands.
 */
export async function credentials(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<RequestAuth | null> {
  const store = app.deps.auth.store;
  const mark = store.changeMark(); // once per request: the caches it serves share it
  const header = request.headers.authorization;
  if (header !== undefined) {
    // an Authorization header is taken at its word: a bad token is refused, never ignored for the cookie
    const match = /^Bearer\s+(\S+)\s*$/iu.exec(header);
    const found = match?.[1] ? await resolveToken(store, match[1], app.deps.auth.tokens, mark) : undefined;
    if (!found)
      throw new UnauthenticatedError('the bearer token is invalid, revoked, or its account is disabled');
    return { actor: found.actor, user: found.user, via: 'token', csrfToken: null, mark };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await resolveSession(app.deps.auth, cookie, app.deps.now());
  if (!session) return null;
  return { actor: session.actor, user: session.user, via: 'session', csrfToken: session.csrfToken, mark };
}

/**
 * Adds the authentication hook. It runs before the body is parsed, on every route whose x-authz is
 * not `public`: it resolves the bearer token or session cookie into `request.auth` (401 when there
 * is none), and on cookie-authenticated unsafe methods requires the CSRF header (403 otherwise).
 * Public routes skip it entirely and see `request.auth === null`.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('preParsing', async (request, reply, payload) => {
    const rule = request.routeOptions.schema?.['x-authz'];
    if (!rule || rule.access === 'public') return payload;
    const auth = await credentials(app, request);
    if (!auth) {
      if (request.cookies[SESSION_COOKIE]) clearSessionCookie(request, reply); // expired or unknown
      throw new UnauthenticatedError();
    }
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new HttpProblem(
          403,
          'csrf-failed',
          `a cookie-authenticated ${request.method} needs the ${CSRF_HEADER} header from GET /api/auth/me`,
        );
      }
    }
    if (rule.sessionOnly && auth.via !== 'session') {
      throw new HttpProblem(403, 'session-required', 'sign in with a session to do this; API tokens may not');
    }
    request.auth = auth;
    return payload;
  });
}
