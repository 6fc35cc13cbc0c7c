// The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure whenever the request came over TLS.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'sideline_session';

/** The header that must carry the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

/** True when the client reached us over TLS, directly or (with trustProxy) through a proxy. */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Sets the session cookie; it lives as long as the browser session (the server enforces expiry). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: overTls(request),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: overTls(request),
  });
}
