// The typed API client: paths and bodies come from schema.d.ts, generated from the server's OpenAPI.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, problemOf } from './problem';
import { fetchRetryingWrites } from './retry';
import type { paths } from './schema';

let csrfToken: string | null = null;
const unauthorisedListeners = new Set<() => void>();

/** Remembers the session's CSRF token, sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls `listener` whenever the server says the session is gone (401); returns an unsubscribe. */
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const session: Middleware = {
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/login')) {
      for (const listener of unauthorisedListeners) listener();
    }
    return response;
  },
};

/** The one client of the app; same origin, cookies included; writes with a key retried with it. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  fetch: (request) => fetchRetryingWrites(request),
});
api.use(session);

/** What every openapi-fetch call resolves to. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits a call and returns its data, or throws an ApiError carrying the server's problem. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  return problemOrData(call);
}

/** unwrap, for calls whose data type is stated by the caller. */
export async function problemOrData<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch (e) {
    throw new ApiError(0, { detail: e instanceof Error ? e.message : String(e), code: 'network' });
  }
  if (!outcome.response.ok) throw await problemOf(outcome.response);
  return outcome.data as T;
}

/** The If-Match header value for a record read at `version` (the server's ETag is `"<version>"`). */
export function ifMatch(version: number): { 'if-match': string } {
  return { 'if-match': `"${version}"` };
}

/**
 * A fresh Idempotency-Key for one user action: the client's retries of that call (fetchRetryingWrites)
 * send the same key, so a retried POST is not applied twice.
 */
export function idempotencyKey(): { 'idempotency-key': string } {
  // randomUUID exists only in secure contexts; the embedded server often runs over plain HTTP on a LAN
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return { 'idempotency-key': Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
}

/** Options of a raw call: query string, JSON or text body, extra headers. */
export interface RawOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  json?: unknown;
  text?: { body: string; contentType: string };
  headers?: Record<string, string>;
}

/** A raw answer: the parsed JSON (or text) and the response's headers. */
export interface RawAnswer<T> {
  data: T;
  headers: Headers;
}

/**
 * A call outside the typed paths: bodies that are not JSON (file import, CSV), and answers read as
 * text. Same session handling (CSRF on writes, 401 sign-out) as the typed client.
 */
export async function rawCall<T>(
  method: string,
  path: string,
  options: RawOptions = {},
): Promise<RawAnswer<T>> {
  const url = new URL(path, globalThis.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.text) {
    headers.set('content-type', options.text.contentType);
    body = options.text.body;
  }
  if (WRITES.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { detail: e instanceof Error ? e.message : String(e), code: 'network' });
  }
  if (response.status === 401) for (const listener of unauthorisedListeners) listener();
  if (!response.ok) throw await problemOf(response);
  const type = response.headers.get('content-type') ?? '';
  const data =
    response.status === 204
      ? (undefined as T)
      : type.includes('json')
        ? ((await response.json()) as T)
        : ((await response.text()) as T);
  return { data, headers: response.headers };
}
