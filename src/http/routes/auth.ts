// Sign-in, sign-out, who am I, and personal API tokens.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout } from '../../app/auth/sessions.js';
import { createToken, listTokens, revokeToken } from '../../app/auth/tokens.js';
import { RoleGrant } from '../../domain/actor/schema.js';
import { UserId } from '../../domain/ids.js';
import { authOf } from '../auth/authenticate.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth/cookie.js';
import { authz } from '../authz.js';
import { Page, PageQuery, paginate } from '../pagination.js';

const UserView = z.object({ id: UserId, email: z.string(), name: z.string() }).meta({ id: 'UserView' });
const Credentials = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) });
const Me = z
  .object({
    user: UserView,
    grants: z.array(RoleGrant),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().describe('Send as x-csrf-token on cookie-authenticated writes'),
  })
  .meta({ id: 'Me' });
const SignedIn = Me.extend({ expiresAt: z.string().describe('When the session ends, however active') });
const TokenInfo = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: 'TokenInfo' });
const NewToken = TokenInfo.extend({ token: z.string().describe('The secret: shown this once, never again') });

const view = (u: { id: UserId; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });

/** /api/auth/*: sessions and tokens. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, now, rateLimits } = app.deps;

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: Credentials,
        response: { 200: SignedIn },
        'x-authz': authz.public('anyone; throttled per account and per address'),
      },
      config: {
        idempotency: 'off',
        ...(rateLimits
          ? { rateLimit: { max: rateLimits.loginMax, timeWindow: rateLimits.timeWindowMs } }
          : {}),
      },
    },
    async (request, reply) => {
      const session = await login(auth, { ...request.body, address: request.ip }, now());
      // a fresh session id on every sign-in: the session the browser had before is ended
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await logout(auth.store, previous);
      setSessionCookie(request, reply, session.cookieValue);
      return {
        user: view(session.user),
        grants: session.actor.grants,
        via: 'session' as const,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session and clears the cookie',
        response: { 204: z.undefined() },
        'x-authz': authz.signedIn('the signed-in user, for their own session', { scope: 'self' }),
      },
      config: { idempotency: 'off' },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (authOf(request).via === 'session' && cookie) await logout(auth.store, cookie);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their grants and the CSRF token',
        response: { 200: Me },
        'x-authz': authz.signedIn('the signed-in user, about themselves', { scope: 'self' }),
      },
    },
    async (request) => {
      const a = authOf(request);
      return { user: view(a.user), grants: a.actor.grants, via: a.via, csrfToken: a.csrfToken };
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token (the secret is returned once)',
        body: z.object({ name: z.string().min(1).max(100) }),
        response: { 201: NewToken },
        'x-authz': authz.signedIn('the signed-in user, for themselves; not with a token', {
          scope: 'self',
          sessionOnly: true,
        }),
      },
      // a replay would need the secret stored in clear beside the key: retries make a second token instead
      config: { idempotency: 'off' },
    },
    async (request, reply) => {
      const created = await createToken(auth.store, authOf(request).user.id, request.body.name, now());
      return reply.code(201).send({ ...created.info, token: created.token });
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your API tokens (never their secrets), newest first',
        querystring: PageQuery,
        response: { 200: Page(TokenInfo) },
        'x-authz': authz.signedIn('the signed-in user, their own tokens', { scope: 'self' }),
      },
    },
    async (request) => {
      const tokens = await listTokens(auth.store, authOf(request).user.id);
      // newest first: sort key is the negated time, then the id
      const page = paginate(tokens, request.query, (t) => [-Date.parse(t.createdAt), t.id]);
      return { items: page.items.map(({ user: _user, ...t }) => t), next: page.next };
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 204: z.undefined() },
        'x-authz': authz.signedIn('the signed-in user, their own tokens; others are 404', {
          scope: 'self',
          denied: 404,
        }),
      },
    },
    async (request, reply) => {
      await revokeToken(auth.store, authOf(request).user.id, request.params.id, now());
      return reply.code(204).send();
    },
  );
};
