// A cache of GET answers, each kept for one caller and one revision of one summit.
//
// A route opts in with `config: { readCache: true }` when its answer depends on nothing but the
// caller (user and grants), the summit's records and the URL. The key holds all four, and the
// summit's revision rises with every committed change to its records (in any process), so an
// entry can only be served while what it was computed from is unchanged: never to another user,
// never after a change. Answers that also depend on the time say until when they hold
// (limitReadCache). Hits skip the handler and the serialisation; everything else (authentication,
// rate limits, headers, logs) runs as for any request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/actor/schema.js';
import type { SummitId } from '../domain/ids.js';
import { summitRevision } from '../app/summit/revision.js';

/** Bytes of answers kept per server, least recently used dropped first. */
export const DEFAULT_READ_CACHE_BYTES = 64 * 1024 * 1024;

/** Tells whether an answer came from the cache (`hit`) or was computed and kept (`miss`). */
export const CACHE_HEADER = 'x-sideline-cache';

interface Entry {
  /** The answer as bytes: encoding a string again for every hit made most of a hit's garbage. */
  body: Buffer;
  contentType: string;
  etag: string | undefined;
  /** Epoch ms after which the entry no longer holds. */
  until: number;
  /** The group (summit) it belongs to, whose older revisions' entries go when a newer one comes. */
  group?: string;
}

interface Pending {
  key: string;
  until: number;
  summit: string;
  revision: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer depends only on the caller, the summit's records and the URL: cache it (GET only). */
    readCache?: boolean;
  }
  interface FastifyRequest {
    /** Set when this request's answer is to be kept (see read-cache.ts). */
    readCacheEntry: Pending | null;
  }
}

/** Answers by key, bounded by their total size in bytes (keys counted by length, with a fixed overhead each). */
export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  /** Per group (summit): the newest revision kept, and the keys kept under it. */
  readonly #groups = new Map<string, { revision: number; keys: Set<string> }>();
  #bytes = 0;
  constructor(readonly maxBytes: number) {}

  /** Bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Keeps an answer made at `revision` of `group`: once a newer revision's answer comes, every
   * older one of the group is dropped at once (no request asks for it again), instead of lingering
   * until the size bound pushes it out. An answer of a revision older than one kept is not kept.
   */
  setIn(group: string, revision: number, key: string, entry: Entry): void {
    let kept = this.#groups.get(group);
    if (kept && kept.revision > revision) return;
    if (!kept || kept.revision < revision) {
      for (const old of kept?.keys ?? []) {
        const gone = this.#entries.get(old);
        if (gone) this.#drop(old, gone);
      }
      kept = { revision, keys: new Set() };
      this.#groups.set(group, kept);
    }
    this.set(key, { ...entry, group });
    if (this.#entries.has(key)) kept.keys.add(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#drop(key, entry);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, entry: Entry): void {
    const old = this.#entries.get(key);
    if (old) this.#drop(key, old);
    const bytes = cost(key, entry);
    if (bytes > this.maxBytes) return;
    while (this.#bytes + bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry];
      this.#drop(oldestKey, oldest);
    }
    this.#entries.set(key, entry);
    this.#bytes += bytes;
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= cost(key, entry);
    if (entry.group !== undefined) this.#groups.get(entry.group)?.keys.delete(key);
  }
}

function cost(key: string, entry: Entry): number {
  return key.length + entry.body.byteLength + 64;
}

/** Caller keys by actor: an actor resolved from a kept token is the same object request after request. */
const callerKeys = new WeakMap<Actor, Map<string, string>>();

/** What of the caller the answer may depend on: the user and their grants in the summit. */
function callerKey(actor: Actor, summit: SummitId): string {
  let keys = callerKeys.get(actor);
  if (!keys) callerKeys.set(actor, (keys = new Map()));
  let key = keys.get(summit);
  if (key === undefined) keys.set(summit, (key = buildCallerKey(actor, summit)));
  return key;
}

function buildCallerKey(actor: Actor, summit: SummitId): string {
  const grants = actor.grants
    .filter((g) => g.kind !== 'platform' && g.summit === summit)
    .map((g) => JSON.stringify(g))
    .sort();
  return `${actor.user}|${actor.system ? 'system' : ''}|${grants.join(',')}`;
}

/** Keeps this request's answer only until `until` (epoch ms): it changes then with the time alone. */
export function limitReadCache(request: FastifyRequest, until: number): void {
  if (request.readCacheEntry) request.readCacheEntry.until = Math.min(request.readCacheEntry.until, until);
}

/** Registers the cache's hooks; `maxBytes` 0 switches it off. */
export function registerReadCache(app: FastifyInstance, maxBytes: number): void {
  app.decorateRequest('readCacheEntry', null);
  if (maxBytes <= 0) return;
  const cache = new AnswerCache(maxBytes);
  const ctx = app.deps.app;

  // Right after authentication (registered after it), before validation and the handler: the key
  // holds the raw URL, and a kept answer was only ever made for a request that passed validation.
  // A callback hook: replying and never calling done() ends the request here.
  app.addHook('preParsing', (request, reply, payload, done) => {
    if (request.method !== 'GET' || !request.routeOptions.config.readCache || !request.auth) {
      done(null, payload);
      return;
    }
    const summit = (request.params as { summit?: SummitId }).summit;
    if (summit === undefined) {
      done(null, payload);
      return;
    }
    const actor = request.auth.actor;
    summitRevision(ctx, actor, summit, request.auth.mark).then(
      (revision) => {
        const key = `${summit}\n${revision}\n${callerKey(actor, summit)}\n${request.url}`;
        const hit = cache.get(key, app.deps.now().getTime());
        if (hit) {
          reply.header('content-type', hit.contentType).header(CACHE_HEADER, 'hit');
          if (hit.etag !== undefined) reply.header('etag', hit.etag);
          reply.send(hit.body); // bytes are sent as they are, under the content type set above
          return;
        }
        request.readCacheEntry = { key, until: Number.POSITIVE_INFINITY, summit, revision };
        reply.header(CACHE_HEADER, 'miss');
        done(null, payload);
      },
      // not a participant, or the store failed: the handler gives the proper answer
      () => done(null, payload),
    );
  });

  // A callback hook: it runs on every answer of the server, and an async one costs a promise each.
  app.addHook('onSend', (request, reply, payload, done) => {
    const pending = request.readCacheEntry;
    if (pending && reply.statusCode === 200 && typeof payload === 'string') {
      const etag = reply.getHeader('etag');
      cache.setIn(pending.summit, pending.revision, pending.key, {
        body: Buffer.from(payload),
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        etag: etag === undefined ? undefined : String(etag),
        until: pending.until,
      });
    }
    done(null, payload);
  });
}
