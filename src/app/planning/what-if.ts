// What-if: the best slot a request would get if one named blocker were moved or removed.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';
import type { Blocker } from '../../engine/result.js';
import { whatIf, type WhatIf } from '../../engine/what-if.js';
import { NotFoundError } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';
import { currentPlan, questionInput } from './suggest.js';

const text = z.string().min(1).max(200);

/** A blocker as explanations name it (engine/result.ts Blocker), sent back to ask "what if it went away". */
export const BlockerInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('programme'),
    person: text,
    event: text,
    title: z.string().max(300),
    from: Instant,
    to: Instant,
  }),
  z.strictObject({
    kind: z.literal('busy'),
    person: text,
    label: z.string().max(300).nullable(),
    from: Instant,
    to: Instant,
  }),
  z.strictObject({
    kind: z.literal('presence'),
    person: text,
    arrives: Instant.nullable(),
    departs: Instant.nullable(),
  }),
  z.strictObject({ kind: z.literal('meeting'), person: text, request: text, from: Instant, to: Instant }),
  z.strictObject({
    kind: z.literal('rooms'),
    venue: text.nullable(),
    reason: z.enum(['taken', 'too-small', 'unavailable', 'lent']),
    from: Instant.optional(),
    to: Instant.optional(),
  }),
  z.strictObject({
    kind: z.literal('travel'),
    person: text,
    fromVenue: text,
    toVenue: text,
    minutes: z.number().int().min(0),
  }),
  z.strictObject({ kind: z.literal('window'), detail: z.string().max(1000) }),
  z.strictObject({
    kind: z.literal('quota'),
    delegation: text,
    per: z.enum(['day', 'summit']),
    day: text.nullable(),
    measure: z.enum(['meetings', 'minutes']),
    used: z.number().int().min(0),
    limit: z.number().int().min(0),
    requester: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('interpreters'),
    delegation: text,
    interpreters: z.number().int().min(0),
    from: Instant,
    to: Instant,
    meetings: z.array(text).max(1000),
  }),
  z.strictObject({
    kind: z.literal('features'),
    venue: text.nullable(),
    needs: z.array(text).max(50),
    from: Instant.optional(),
    to: Instant.optional(),
  }),
  z.strictObject({
    kind: z.literal('turnover'),
    room: text,
    minutes: z.number().int().min(0),
    request: text,
    frees: Instant.optional(),
    needed: Instant.optional(),
  }),
]);

/** The body of a what-if question. */
export const WhatIfInput = z.strictObject({ blocker: BlockerInput });

/**
 * The best slot the request would get if `blocker` were moved or removed, within the meetings
 * placed now, and which meetings would have to move for it; nothing is written. A meeting the
 * actor may not see cannot be named as the blocker, and is never among those to move: it is not
 * theirs to move (questionInput keeps it as fixed occupancy).
 */
export async function askWhatIf(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
): Promise<WhatIf> {
  const { blocker } = parseInput(WhatIfInput, input);
  const { data, hidden } = await questionInput(ctx, actor, summit, requestId);
  if (blocker.kind === 'meeting' && hidden.has(blocker.request)) {
    throw new NotFoundError('request', blocker.request);
  }
  return whatIf(data, currentPlan(data), requestId, blocker as Blocker);
}
