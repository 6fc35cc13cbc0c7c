// Idempotency-Key on POST: the first 2xx answer per user and key is stored and replayed on retries.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { UserId } from '../../domain/ids.js';
import { DuplicateError } from '../../store/store.js';
import { HttpProblem } from '../problem.js';

/** The request header carrying the key. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * How long a stored answer is replayed: a day, as common practice has it (Stripe's keys last 24
 * hours). A request with an older key runs again, as if the key were new.
 */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** How often, at most, a server deletes expired answers (after storing a new one). */
export const IDEMPOTENCY_SWEEP_EVERY_MS = 10 * 60 * 1000;
/** Expired answers deleted by one sweep; a larger backlog is worked off by the sweeps that follow. */
export const IDEMPOTENCY_SWEEP_LIMIT = 500;

const KEY = /^[\x21-\x7e]{1,255}$/u;

interface Pending {
  user: UserId;
  key: string;
  fingerprint: string;
  inFlight: string;
  /** The key's stored answer has expired: it is forgotten when the new one is stored. */
  expired: boolean;
}

/** The instant before which a stored answer has expired, as stored instants are written. */
function expiryCutoff(now: Date): string {
  return new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
}

/**
 * Deletes expired answers now and then, after a new one is stored: at most once per
 * IDEMPOTENCY_SWEEP_EVERY_MS (at once again while a full batch came back), one sweep at a time,
 * off the request's path. Several servers may sweep at once: none waits for another's rows.
 */
function expirySweeper(app: FastifyInstance): {
  afterStore(log: FastifyBaseLogger): void;
  close(): Promise<void>;
} {
  let dueAt = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | undefined;
  return {
    afterStore(log) {
      const now = app.deps.now();
      if (running || now.getTime() < dueAt) return;
      dueAt = now.getTime() + IDEMPOTENCY_SWEEP_EVERY_MS;
      running = app.deps.auth.store
        .write((tx) => tx.idempotency.removeStoredBefore(expiryCutoff(now), IDEMPOTENCY_SWEEP_LIMIT))
        .then((removed) => {
          if (removed >= IDEMPOTENCY_SWEEP_LIMIT) dueAt = Number.NEGATIVE_INFINITY;
        })
        .catch((error: unknown) => log.warn({ err: error }, 'deleting expired idempotency keys failed'))
        .finally(() => {
          running = undefined;
        });
    },
    close: () => running ?? Promise.resolve(),
  };
}

const pendingOf = new WeakMap<FastifyRequest, Pending>();

/** JSON with object keys sorted, so the same body always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of a request: its method, URL and body. */
export function fingerprintOf(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * Adds Idempotency-Key handling to every signed-in POST route (a route opts out with
 * `config: { idempotency: 'off' }`, or demands a key with `'required'`).
 *
 * - first use of a key: the handler runs; a 2xx answer is stored under (user, key) with the fingerprint;
 * - same key, same method, URL and body: the stored answer is sent again, with `idempotent-replayed: true`;
 * - same key, different request: 422 `idempotency-key-reused`;
 * - same key while the first request is still running in this process: 409 `idempotency-key-in-use`.
 * Failed answers are not stored (they changed nothing), so a retry after one runs again. An answer
 * is replayed for IDEMPOTENCY_RETENTION_MS after it was stored; after that the key is new again,
 * and expired answers are deleted (see expirySweeper).
 */
export function registerIdempotency(app: FastifyInstance): void {
  const inFlight = new Set<string>();
  const sweeper = expirySweeper(app);
  app.addHook('onClose', () => sweeper.close());

  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.idempotency ?? 'optional';
    if (request.method !== 'POST' || mode === 'off' || !request.auth) return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) {
      if (mode === 'required') {
        throw new HttpProblem(
          400,
          'idempotency-key-required',
          `this POST needs an ${IDEMPOTENCY_HEADER} header`,
        );
      }
      return;
    }
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw new HttpProblem(
        400,
        'invalid-idempotency-key',
        `${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters`,
      );
    }
    const user = request.auth.user.id;
    const fingerprint = fingerprintOf(request.method, request.url, request.body);
    const found = await app.deps.auth.store.read((tx) => tx.idempotency.get(user, header));
    const expired = found !== undefined && found.createdAt < expiryCutoff(app.deps.now());
    const stored = expired ? undefined : found;
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new HttpProblem(
          422,
          'idempotency-key-reused',
          `${IDEMPOTENCY_HEADER} "${header}" was already used for a different request`,
        );
      }
      reply.code(stored.status).header(REPLAYED_HEADER, 'true').type('application/json; charset=utf-8');
      return reply.send(stored.body);
    }
    const flight = `${user}\n${header}`;
    if (inFlight.has(flight)) {
      throw new HttpProblem(
        409,
        'idempotency-key-in-use',
        `a request with ${IDEMPOTENCY_HEADER} "${header}" is still running`,
      );
    }
    inFlight.add(flight);
    pendingOf.set(request, { user, key: header, fingerprint, inFlight: flight, expired });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (!pending) return payload;
    pendingOf.delete(request);
    try {
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        const body =
          typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
        const now = app.deps.now();
        await app.deps.auth.store.write(async (tx) => {
          // only the expired answer: one stored meanwhile by another process stands (DuplicateError below)
          if (pending.expired) await tx.idempotency.forget(pending.user, pending.key, expiryCutoff(now));
          await tx.idempotency.put({
            user: pending.user,
            key: pending.key,
            fingerprint: pending.fingerprint,
            status: reply.statusCode,
            body,
            createdAt: now.toISOString(),
          });
        });
        sweeper.afterStore(request.log);
      }
    } catch (e) {
      // another process stored the same key first: its answer stands, ours is still sent
      if (!(e instanceof DuplicateError)) throw e;
    } finally {
      inFlight.delete(pending.inFlight);
    }
    return payload;
  });

  // a request that fails before onSend (an aborted connection) must not hold its key forever
  app.addHook('onResponse', async (request) => {
    const pending = pendingOf.get(request);
    if (pending) {
      inFlight.delete(pending.inFlight);
      pendingOf.delete(request);
    }
  });
}
