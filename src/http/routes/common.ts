// Path parameters, query parts and preconditions shared by the summit feature routes.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DelegationId, RequestId, SummitId } from '../../domain/ids.js';
import { IfMatchHeaders, requireIfMatch } from '../concurrency/etag.js';

/** `/summits/:summit`. */
export const SummitParams = z.object({ summit: SummitId });

/** `/summits/:summit/requests/:request`. */
export const RequestParams = SummitParams.extend({ request: RequestId });

/** `?as=`: the delegation to act for, needed only by someone who holds roles in several parties. */
export const ActingQuery = z.object({
  as: DelegationId.optional().describe('The party delegation you act for, when you hold roles in several'),
});

/** The acting-for option of a request use case, from `?as=`. */
export const actingFor = (query: { as?: DelegationId | undefined }) =>
  query.as === undefined ? {} : { actingFor: query.as };

/** If-Match, or `If-None-Match: *` to create a record that has no version yet. */
export const UpsertHeaders = IfMatchHeaders.extend({
  'if-none-match': z
    .string()
    .optional()
    .describe('`*` to create the record when it does not exist yet (instead of If-Match)'),
});

/**
 * The version a create-or-replace was based on: the If-Match version, or 0 for `If-None-Match: *`
 * (or the ETag `"0"` a read answers while the record does not exist), which the use case takes as
 * "must not exist yet". Neither ⇒ 428.
 */
export function requireIfMatchOrAbsent(request: FastifyRequest): number {
  const none = request.headers['if-none-match'];
  if (request.headers['if-match'] === undefined && typeof none === 'string' && none.trim() === '*') return 0;
  return requireIfMatch(request);
}

/** `?force=true`: make a change even though it breaks a confirmed or pinned meeting (flagged, parties told). */
export const ForceQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      'true: make the change even when it breaks a confirmed or pinned meeting (409 breaks-meeting otherwise); the meeting is flagged as broken and its parties are told',
    ),
});

/** The guard option of a logistics write, from `?force=`. */
export const forceOf = (query: { force: 'true' | 'false' }) => ({ force: query.force === 'true' });
