// The parties' shared thread on a request.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { MessageId, type DelegationId, type SummitId } from '../../domain/ids.js';
import type { ThreadMessage } from '../../domain/request/schema.js';
import { actingDelegation, partiesScope, requireCapability } from '../access.js';
import { delegationsOf } from '../../domain/actor/authority.js';
import { isParty, partiesOf } from '../../domain/request/agreement.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { loadVisibleRequest } from './load.js';

/** A message to the thread. */
export const NewMessage = z.strictObject({ text: z.string().trim().min(1).max(10_000) });

/**
 * A party's protocol officer or lead posts to the thread: a message speaks for the delegation, so
 * it takes the capability to act on requests. The host and other delegations cannot.
 */
export function postToThread(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  actingFor?: DelegationId,
): Promise<ThreadMessage> {
  const { text } = parseInput(NewMessage, input);
  return writeWithEvents(ctx, async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    const delegation = actingDelegation(actor, summit, partiesOf(request), actingFor);
    requireCapability(actor, summit, 'act-on-request', delegation);
    const message = await tx.thread.append(summit, {
      id: MessageId.parse(ctx.newId()),
      request: request.id,
      delegation,
      author: actor.user,
      at: ctx.now(),
      text,
    });
    await recordEvent(tx, ctx, actor, summit, partiesScope(request), 'thread.posted', {
      request: request.id,
      message: message.id,
      delegation,
    });
    return message;
  });
}

/**
 * The thread of a request, oldest first, for its parties and no one else: the host, who may see the
 * request for logistics, is refused; anyone who may not see the request is told it does not exist.
 */
export function readThread(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
): Promise<ThreadMessage[]> {
  return ctx.store.read(async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    const party = delegationsOf(actor, summit).some((d) => isParty(request, d));
    if (!actor.system && !party)
      throw new ForbiddenError('the thread is read by the parties of the request only');
    return tx.thread.listFor(summit, requestId);
  });
}
