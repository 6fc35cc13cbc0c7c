// Security headers (helmet, with a CSP for a same-origin single-page app) and rate limits.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.js';

/** Requests allowed per address and window: everything, and sign-in attempts. */
export interface RateLimits {
  timeWindowMs: number;
  max: number;
  loginMax: number;
}

/** 600 requests a minute per address overall; 10 sign-in attempts a minute per address. */
export const DEFAULT_RATE_LIMITS: RateLimits = { timeWindowMs: 60_000, max: 600, loginMax: 10 };

/**
 * Content Security Policy for a single-page app served from the same origin as the API: scripts,
 * styles, fonts, XHR and frames only from ourselves, images also as data: URIs (the docs page uses
 * them), no plugins, no framing by other sites, forms post only here.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // no upgrade-insecure-requests: the embedded server often runs over plain HTTP on a LAN address
  upgradeInsecureRequests: null,
};

/** Registers helmet on the whole server. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // the API is called by our own pages only
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
}

/** Registers the global rate limit; routes tighten it with `config.rateLimit`. */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits | false): Promise<void> {
  if (limits === false) return;
  await app.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.timeWindowMs,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(context.statusCode, 'rate-limited', `too many requests: try again in ${context.after}`),
  });
}
