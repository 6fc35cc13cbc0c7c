// Request lists narrowed by what a delegation office filters on: format, level, priority, topic, counterpart.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { DelegationId, type SummitId } from '../../domain/ids.js';
import { Format, Level, RequestStatus, type Request } from '../../domain/request/schema.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';
import { listRequests } from './read.js';

/** The filters of a request list; each one given narrows it, none means every visible request. */
export const RequestSearch = z.strictObject({
  status: RequestStatus.optional(),
  /** Requests this delegation is party to (either side). */
  party: DelegationId.optional(),
  /** Requests this delegation was asked for (it is among `to`): the counterpart side. */
  counterpart: DelegationId.optional(),
  format: Format.optional(),
  level: Level.optional(),
  priority: z.number().int().min(1).max(5).optional(),
  topic: z.string().min(1).max(100).optional(),
});
export type RequestSearch = z.infer<typeof RequestSearch>;

/** The visible requests that match every filter given, in id order. */
export async function searchRequests(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  input: unknown = {},
): Promise<Request[]> {
  const f = parseInput(RequestSearch, input);
  // visibility first (listRequests), so a filter can never reveal a request the actor may not see
  const visible = await listRequests(ctx, actor, summit, {
    ...(f.status ? { status: f.status } : {}),
    ...(f.party ? { party: f.party } : {}),
  });
  return visible.filter(
    (r) =>
      (f.counterpart === undefined || r.to.includes(f.counterpart)) &&
      (f.format === undefined || r.format === f.format) &&
      (f.level === undefined || r.level === f.level) &&
      (f.priority === undefined || r.priority === f.priority) &&
      (f.topic === undefined || r.topics.includes(f.topic)),
  );
}
