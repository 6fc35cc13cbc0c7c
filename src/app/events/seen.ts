// Whether a reader may see one event of the log: its scope, and the draft rule.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { scopeOfDelegation } from '../../domain/visibility/scopes.js';
import type { Tx } from '../../store/store.js';
import { canReadScope } from '../access.js';

/** Above this many requests named in a page, one list of the summit's requests is cheaper than a get each. */
const GETS = 20;

/** The request an event is about: the one its scope is of, or the one its payload names. */
function requestOf(event: DomainEvent): string | undefined {
  if (event.scope.kind === 'parties') return event.scope.request;
  const named = event.payload.request;
  return typeof named === 'string' ? named : undefined;
}

/**
 * The requests still in draft among those the events of a page are about, each with the
 * delegation drafting it. A live page is usually one event: one request is read, not the summit's.
 */
export async function draftsAmong(
  tx: Tx,
  summit: SummitId,
  events: readonly DomainEvent[],
): Promise<ReadonlyMap<string, DelegationId>> {
  const named = new Set(events.flatMap((e) => requestOf(e) ?? []));
  const requests =
    named.size > GETS
      ? (await tx.requests.list(summit)).filter((r) => named.has(r.id))
      : await Promise.all([...named].map((id) => tx.requests.get(summit, id)));
  const drafts = new Map<string, DelegationId>();
  for (const r of requests) if (r?.status === 'draft') drafts.set(r.id, r.from);
  return drafts;
}

/**
 * True when `actor` may read `event`. A draft is its asking delegation's alone: an event about a
 * request still in draft (logged for all its parties before drafts were kept inside, or a line the
 * delegation published on its own draft) is read as the drafting delegation's, so a counterpart or
 * the host learns nothing of the draft until it is sent.
 */
export function eventSeenBy(
  actor: Actor,
  event: DomainEvent,
  drafts: ReadonlyMap<string, DelegationId>,
): boolean {
  if (!canReadScope(actor, event.summit, event.scope)) return false;
  const about = requestOf(event);
  const drafting = about === undefined ? undefined : drafts.get(about);
  return drafting === undefined || canReadScope(actor, event.summit, scopeOfDelegation(drafting));
}

/** Events read from the log at once. */
export const LOG_PAGE = 500;

/** A page of the log and the requests in draft as it was read (see eventSeenBy). */
export interface LogPage {
  events: DomainEvent[];
  drafts: ReadonlyMap<string, DelegationId>;
}

/** Up to LOG_PAGE events after seq `after` (at or after `since`), with the drafts they are about. */
export async function readLogPage(tx: Tx, summit: SummitId, after: number, since?: string): Promise<LogPage> {
  const events = await tx.events.list(summit, {
    afterSeq: after,
    ...(since ? { since } : {}),
    limit: LOG_PAGE,
  });
  return { events, drafts: await draftsAmong(tx, summit, events) };
}
