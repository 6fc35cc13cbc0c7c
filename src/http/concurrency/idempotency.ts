// Idempotency-Key on POST: the first 2xx answer per user and key is stored and replayed on retries.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserId } from '../../domain/ids.js';
import { DuplicateError } from '../../store/store.js';
import { HttpProblem } from '../problem.js';

/** The request header carrying the key. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const KEY = /^[\x21-\x7e]{1,255}$/u;

interface Pending {
  user: UserId;
  key: string;
  fingerprint: string;
  inFlight: string;
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
 * Failed answers are not stored (they changed nothing), so a retry after one runs again. Keys are
 * remembered for as long as the store keeps them.
 */
export function registerIdempotency(app: FastifyInstance): void {
  const inFlight = new Set<string>();

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
    const stored = await app.deps.auth.store.read((tx) => tx.idempotency.get(user, header));
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
    pendingOf.set(request, { user, key: header, fingerprint, inFlight: flight });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (!pending) return payload;
    pendingOf.delete(request);
    try {
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        const body =
          typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
        await app.deps.auth.store.write((tx) =>
          tx.idempotency.put({
            user: pending.user,
            key: pending.key,
            fingerprint: pending.fingerprint,
            status: reply.statusCode,
            body,
            createdAt: app.deps.now().toISOString(),
          }),
        );
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
