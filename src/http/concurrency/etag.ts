// Optimistic concurrency over HTTP: a record's version travels as its ETag and comes back in If-Match.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../problem.js';

/** The strong ETag of a record version: `"<version>"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag header from a versioned record and returns the record, for `return withETag(reply, r)`. */
export function withETag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', etagOf(record.version));
  return record;
}

/** The If-Match request header, declared in a route's `headers` schema so OpenAPI shows it. */
export const IfMatchHeaders = z.object({
  'if-match': z.string().optional().describe('The ETag of the version you read; required on updates'),
});

/**
 * The version an update was based on, read from If-Match. Missing (or `*`) ⇒ 428
 * `precondition-required`; not one ETag we issued ⇒ 412 `precondition-failed`. A weak `W/"3"` is
 * accepted as `"3"` because proxies weaken ETags when they compress. Pass the result to the use case,
 * whose StaleVersionError becomes 412 `stale-version`.
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '' || header.trim() === '*') {
    throw new HttpProblem(
      428,
      'precondition-required',
      'this update needs an If-Match header with the ETag of the version you read',
    );
  }
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/u.exec(header);
  if (!match?.[1]) {
    throw new HttpProblem(412, 'precondition-failed', `If-Match ${header} is not an ETag of this resource`);
  }
  return Number(match[1]);
}

/** Checks If-Match against the current version directly: 428 when missing, 412 `stale-version` when different. */
export function checkIfMatch(request: FastifyRequest, currentVersion: number): void {
  const expected = requireIfMatch(request);
  if (expected !== currentVersion) {
    throw new HttpProblem(
      412,
      'stale-version',
      `you read version ${expected} but it is now at version ${currentVersion}: reload and try again`,
    );
  }
}
