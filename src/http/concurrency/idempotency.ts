// Idempotency-Key on POST: a key is claimed in the database before its request runs, and the first
// 2xx answer is stored in the same transaction as the request's writes, then replayed on retries.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserId } from '../../domain/ids.js';
import { DuplicateError, type HeldWrites, type IdempotentResponse } from '../../store/store.js';
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

/**
 * How long a claim whose request has not answered holds its key against a retry: after that the
 * holder is taken to have died, and a retry takes the claim over. It cannot cause a second run:
 * the holder's writes commit only with its answer, and only while it still holds the claim.
 */
export const IDEMPOTENCY_CLAIM_LEASE_MS = 30_000;

/** How often a failed release of a claim is tried again. */
const RELEASE_RETRY_MS = 1000;

/** Headers of an answer that a replay sends again. */
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'] as const;

const KEY = /^[\x21-\x7e]{1,255}$/u;

interface Pending {
  user: UserId;
  key: string;
  /** This request's claim token. */
  claim: string;
  held: HeldWrites;
}

/** The holder lost its claim to a retry that took it over: its writes are undone. */
class ClaimLostError extends HttpProblem {
  constructor(key: string) {
    super(
      409,
      'idempotency-key-in-use',
      `${IDEMPOTENCY_HEADER} "${key}" was taken over by a retry while this request ran; nothing was saved`,
    );
  }
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

/** Sends a stored answer again, as it was first sent. */
function replay(reply: FastifyReply, stored: IdempotentResponse): FastifyReply {
  reply.code(stored.status).header(REPLAYED_HEADER, 'true');
  for (const [name, value] of Object.entries(stored.headers ?? {})) reply.header(name, value);
  if (!stored.headers?.['content-type']) reply.type('application/json; charset=utf-8');
  return reply.send(stored.body);
}

/** The headers of an answer to keep for replays. */
function headersOf(reply: FastifyReply): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}

/** What to do with a request's key: replay a stored answer, or run holding the claim `claim`. */
type Decision = { replay: IdempotentResponse } | { claim: string };

/**
 * Adds Idempotency-Key handling to every signed-in POST route (a route opts out with
 * `config: { idempotency: 'off' }`, or demands a key with `'required'`).
 *
 * - first use of a key: the key is claimed in the database (a row with status 0), then the handler
 *   runs with every write it makes held in one transaction, which stores a 2xx answer (status,
 *   body, ETag, Location, content type) and commits only while the claim is still this request's;
 * - same key, same method, URL and body: the stored answer is sent again, with `idempotent-replayed: true`;
 * - same key, different request: 422 `idempotency-key-reused`;
 * - same key while its first request still runs, on any server: 409 `idempotency-key-in-use`
 *   with Retry-After. A claim unanswered for `leaseMs` is taken over (its holder died); should the
 *   holder still be running, its writes are rolled back at its end instead of committed.
 * Failed answers are not stored and undo the handler's writes, so a retry after one runs again.
 * An answer is replayed for IDEMPOTENCY_RETENTION_MS after it was stored; after that the key is
 * new again, and expired answers are deleted (see expirySweeper).
 */
export function registerIdempotency(app: FastifyInstance, leaseMs = IDEMPOTENCY_CLAIM_LEASE_MS): void {
  const pendingOf = new WeakMap<FastifyRequest, Pending>();
  const sweeper = expirySweeper(app);
  const store = () => app.deps.auth.store;
  app.addHook('onClose', () => sweeper.close());

  const inUse = (key: string, stored: IdempotentResponse): HttpProblem => {
    const left = Date.parse(stored.createdAt) + leaseMs - app.deps.now().getTime();
    const seconds = Math.max(1, Math.ceil(left / 1000));
    return new HttpProblem(
      409,
      'idempotency-key-in-use',
      `a request with ${IDEMPOTENCY_HEADER} "${key}" is still running; try again in ${seconds} s`,
      { headers: { 'retry-after': String(seconds) } },
    );
  };

  /** Claims the key, or finds the answer to replay; throws 409 or 422 where neither can be. */
  const decide = async (user: UserId, key: string, fingerprint: string): Promise<Decision> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = app.deps.now();
      const found = await store().read((tx) => tx.idempotency.get(user, key));
      const expired = found !== undefined && found.createdAt < expiryCutoff(now);
      const stored = expired ? undefined : found;
      if (stored && stored.fingerprint !== fingerprint) {
        throw new HttpProblem(
          422,
          'idempotency-key-reused',
          `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request`,
        );
      }
      if (stored && stored.status !== 0) return { replay: stored };
      const claim = randomUUID();
      if (stored) {
        // claimed by a request that has not answered: running still, or its server died
        if (Date.parse(stored.createdAt) + leaseMs > now.getTime() || !stored.claim) throw inUse(key, stored);
        const from = stored.claim;
        const taken = await store().write((tx) =>
          tx.idempotency.takeOver(user, key, from, claim, now.toISOString()),
        );
        if (taken) return { claim };
        continue; // answered or taken meanwhile: look again
      }
      try {
        await store().write(async (tx) => {
          // only an expired answer: one stored meanwhile by another server stands (DuplicateError)
          if (expired) await tx.idempotency.forget(user, key, expiryCutoff(now));
          await tx.idempotency.put({
            user,
            key,
            fingerprint,
            status: 0,
            body: '',
            claim,
            createdAt: now.toISOString(),
          });
        });
        return { claim };
      } catch (error) {
        if (!(error instanceof DuplicateError)) throw error;
        // another request claimed it first: look again
      }
    }
    throw new HttpProblem(
      409,
      'idempotency-key-in-use',
      `a request with ${IDEMPOTENCY_HEADER} "${key}" is still running`,
      { headers: { 'retry-after': '1' } },
    );
  };

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
    const decision = await decide(user, header, fingerprintOf(request.method, request.url, request.body));
    if ('replay' in decision) return replay(reply, decision.replay);
    const { claim } = decision;
    const held = store().holdWrites({
      onOpen: async (tx) => {
        if (!(await tx.idempotency.holds(user, header, claim))) throw new ClaimLostError(header);
      },
    });
    pendingOf.set(request, { user, key: header, claim, held });
  });

  // A callback hook, so the handler (and the hooks after) run inside the held transaction's scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const pending = pendingOf.get(request);
    if (pending) pending.held.run(() => done());
    else done();
  });

  /**
   * Undoes a failed request's writes and frees its key for a retry. When the database cannot be
   * reached (the likely reason the request failed) the release is tried again every second until
   * the claim's lease would free the key anyway.
   */
  const abandon = async (pending: Pending, log: FastifyBaseLogger): Promise<void> => {
    await pending.held.rollback();
    const release = () =>
      store().write((tx) => tx.idempotency.release(pending.user, pending.key, pending.claim));
    try {
      await release();
    } catch (error) {
      log.warn({ err: error }, 'releasing an idempotency key failed; trying again in the background');
      // off the request's path: its answer (the failure) goes out now
      void (async () => {
        for (let waited = 0; waited < leaseMs; waited += RELEASE_RETRY_MS) {
          await sleep(RELEASE_RETRY_MS);
          if (
            await release().then(
              () => true,
              () => false,
            )
          )
            return;
        }
      })();
    }
  };

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (!pending) return payload;
    pendingOf.delete(request);
    if (reply.statusCode < 200 || reply.statusCode >= 300) {
      await abandon(pending, request.log);
      return payload;
    }
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const answer = {
      status: reply.statusCode,
      body,
      headers: headersOf(reply),
      createdAt: app.deps.now().toISOString(),
    };
    try {
      await pending.held.commit(async (tx) => {
        if (!(await tx.idempotency.answer(pending.user, pending.key, pending.claim, answer))) {
          throw new ClaimLostError(pending.key);
        }
      });
    } catch (error) {
      // nothing of the request was saved: its answer becomes the error's, and the key is free again
      await abandon(pending, request.log);
      throw error;
    }
    sweeper.afterStore(request.log);
    return payload;
  });

  // a request that ends before onSend (an aborted connection) must not hold its writes or key
  app.addHook('onResponse', async (request) => {
    const pending = pendingOf.get(request);
    if (!pending) return;
    pendingOf.delete(request);
    await abandon(pending, request.log);
  });
}
