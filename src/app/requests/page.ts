// Everything the request page shows, in one read: the request with its conditions, meeting and
// next steps, the thread (its parties), the history, the reader's own deliberation and public
// lines, and the names it speaks of. Each part is read by the use case that guards it, so this
// read shows exactly what the separate reads would, no more.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import { delegationsOf } from '../../domain/actor/authority.js';
import { encountersBetween } from '../../domain/encounter/encounters.js';
import type { PublicLine } from '../../domain/deliberation/schema.js';
import type { DelegationId, SummitId, UserId } from '../../domain/ids.js';
import { isParty, partiesOf } from '../../domain/request/agreement.js';
import type { ThreadMessage } from '../../domain/request/schema.js';
import type { Delegation, Person, Room, Venue } from '../../domain/summit/schema.js';
import { NotFoundError } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { readDeliberation, type DeliberationView } from '../deliberation/deliberation.js';
import { readPublicLines } from '../deliberation/public-line.js';
import { loadSummitData } from '../summit/load.js';
import { requestHistory } from './history.js';
import { getRequest, type RequestView } from './read.js';
import { readThread } from './thread.js';

/** The names a request page speaks of. */
export interface PageNames {
  /** Every delegation of the summit. */
  delegations: Delegation[];
  /** The persons of the request's parties (attendees and those who could be). */
  persons: Person[];
  /** Every room and venue (a host places the meeting in one). */
  rooms: Room[];
  venues: Venue[];
  /** The accounts that acted in what the page shows, by display name. */
  users: { id: string; name: string }[];
}

/** What the request page shows. */
export interface RequestPage {
  view: RequestView;
  /** The parties' thread, or null for a reader who is not a party (the host). */
  thread: ThreadMessage[] | null;
  history: DomainEvent[];
  /** The reader's own delegation's deliberation, or null when they deliberate for no party. */
  deliberation: DeliberationView | null;
  publicLines: PublicLine[];
  /**
   * True when the reader's principal shares an encounter (an informal meeting at a programme event)
   * with another party's principal; null when the reader is not a party. The public-line check needs it.
   */
  encounterLikely: boolean | null;
  names: PageNames;
}

/** The request page of `id` as `actor` may see it; "not found" when the request is hidden. */
export async function readRequestPage(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
): Promise<RequestPage> {
  const view = await getRequest(ctx, actor, summit, id);
  const parties = partiesOf(view.request);
  const own = delegationsOf(actor, summit).find((d) => isParty(view.request, d)) ?? null;
  const party = actor.system || own !== null;
  const [thread, history, deliberation, publicLines, data] = await Promise.all([
    party ? readThread(ctx, actor, summit, id) : Promise.resolve(null),
    requestHistory(ctx, actor, summit, id),
    own !== null
      ? readDeliberation(ctx, actor, summit, id, own).catch(notFoundAsNull)
      : Promise.resolve(null),
    readPublicLines(ctx, actor, summit, id),
    ctx.store.read((tx) => loadSummitData(tx, summit)),
  ]);
  const encounterLikely =
    own === null
      ? null
      : parties
          .filter((d) => d !== own)
          .some((other) => encountersBetween(data, own, other as DelegationId).length > 0);
  const userIds = new Set<string>([
    ...history.map((e) => e.actor),
    ...(thread ?? []).map((m) => m.author),
    ...(deliberation?.positions ?? []).map((p) => p.author),
    ...(deliberation?.decision ? [deliberation.decision.by] : []),
    ...publicLines.map((l) => l.by),
  ]);
  const users = await ctx.store.read(async (tx) =>
    (await Promise.all([...userIds].map((u) => tx.users.get(u as UserId)))).flatMap((u) =>
      u ? [{ id: u.id as string, name: u.name }] : [],
    ),
  );
  const partySet = new Set<string>(parties);
  return {
    view,
    thread,
    history,
    deliberation,
    publicLines: [...publicLines].sort((a, b) => a.delegation.localeCompare(b.delegation)),
    encounterLikely,
    names: {
      delegations: data.delegations,
      persons: data.persons.filter((p) => partySet.has(p.delegation)),
      rooms: data.rooms,
      venues: data.venues,
      users,
    },
  };
}

function notFoundAsNull(e: unknown): null {
  if (e instanceof NotFoundError) return null;
  throw e;
}
