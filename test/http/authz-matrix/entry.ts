// The shape of one row of the authorisation matrix.
import type { ActorInfo, Who } from './actors.js';
import type { World } from './world.js';

/** What to send: path parameters, query, a JSON body or a raw one, and headers. */
export interface Sent {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A raw body (file imports) and its media type, instead of JSON. */
  raw?: { text: string; type: string };
  headers?: Record<string, string>;
}

/** A refusal an actor gets instead of the route's declared one. */
export type Refusal = readonly [who: Who, status: 403 | 404];

/** One route of the OpenAPI document, how to aim it at another delegation's record, and who may succeed. */
export interface Entry {
  /** Method and path as the OpenAPI document writes them: `GET /api/summits/{summit}/busy/{id}`. */
  route: string;
  /** What the parameters point at, and whose it is. */
  target: string;
  /** Who succeeds (2xx). */
  may: Who;
  /** The success status, when not GET/PUT 200, POST 201, DELETE 204. */
  ok?: number;
  /**
   * Refusals other than the route's declared `denied` (403 when it declares none): a reader who may see
   * the record but not act on it (403, the detail naming the role or side it lacks), a stranger to
   * the summit (404). The first set an actor is in wins.
   */
  refused?: readonly Refusal[];
  /** Runs alone, after the others: it changes what other rows read (the summit's version). */
  exclusive?: boolean;
  /** Follows `next` cursors and scans every page. */
  pages?: boolean;
  /**
   * The actor whose sight the answer is judged by, when not the caller's: a calendar feed shows what
   * its issuer may see to whoever holds its URL.
   */
  readsAs?: string;
  /** Builds the request for one actor, creating a fresh target first when the write cannot repeat. */
  send(w: World, actor: ActorInfo): Sent | Promise<Sent>;
  /** Restores what a successful write left incomplete, before other rows read the summit. */
  settle?(w: World, sent: Sent): Promise<void>;
}
