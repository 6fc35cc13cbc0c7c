// Instants in requests may carry any UTC offset, as ISO 8601 (RFC 3339) allows: `2017-11-10T12:30:00+07:00`
// is read as `2017-11-10T05:30:00.000Z` before validation, so the application and the store only
// ever see UTC instants (which sort as text). Answers always give instants in UTC, ending in `Z`.
import type { FastifyInstance } from 'fastify';

/** A date-time with a numeric offset (`+07:00`, `-05:00`); `Z` needs no rewriting. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?[+-]([01]\d|2[0-3]):[0-5]\d$/u;

/** The UTC instant a date-time with an offset names, or the value unchanged when it is not one. */
export function utcFromOffset(value: string): string {
  if (!WITH_OFFSET.test(value)) return value;
  const ms = Date.parse(value);
  // an impossible date (2017-02-30T…) is left as written, for validation to name
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** `value` with every string that is a date-time with an offset rewritten in UTC (a new object). */
export function withUtcInstants(value: unknown): unknown {
  if (typeof value === 'string') return utcFromOffset(value);
  if (Array.isArray(value)) return value.map(withUtcInstants);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUtcInstants(v)]));
  }
  return value;
}

/** Rewrites offsets in the query string and JSON body of every request, before validation. */
export function registerInstantOffsets(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.query !== null && typeof request.query === 'object')
      request.query = withUtcInstants(request.query);
    const body: unknown = request.body;
    if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body))
      request.body = withUtcInstants(body);
  });
}
