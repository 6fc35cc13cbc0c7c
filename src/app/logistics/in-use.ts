// What still refers to a venue, room, delegation or person someone wants to remove, told only as far as the
// remover may see it: records hidden from them are counted as "records you cannot see", never named.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Request } from '../../domain/request/schema.js';
import type { Person } from '../../domain/summit/schema.js';
import { scopeOfBusy } from '../../domain/visibility/scopes.js';
import { list } from '../../engine/explain/state-reason.js';
import type { Tx } from '../../store/store.js';
import { canReadScope, canSeeRequest } from '../access.js';
import { mayIssueFeed } from '../calendar/access.js';
import { ConflictError } from '../errors.js';

/** The records that refer to one record: those the remover may see, by name, and whether others do. */
export interface Referrers {
  /** Phrases naming visible referrers, e.g. `meeting usa-rus-fm`. */
  seen: string[];
  /** True when a record the remover may not see refers to it too. */
  hidden: boolean;
}

/** At most this many referrers are named in a refusal. */
const NAMED = 8;

/** Refuses the removal of `what` (e.g. `room ariyana-b3`) while anything refers to it; changes nothing. */
export function refuseWhileInUse(what: string, referrers: Referrers): void {
  const { seen, hidden } = referrers;
  if (seen.length === 0 && !hidden) return;
  const named = seen.slice(0, NAMED);
  const more = seen.length - named.length;
  const parts = [
    ...named,
    ...(more > 0 ? [`${more} more`] : []),
    ...(hidden ? ['records you cannot see'] : []),
  ];
  throw new ConflictError(
    `${what} is in use by ${list(parts)}; move or remove ${parts.length === 1 && !hidden ? 'it' : 'them'} first`,
    'in-use',
  );
}

/** Sorts referrers into named and hidden by `visible`. */
function sortOut<T>(records: readonly T[], visible: (r: T) => boolean, name: (r: T) => string): Referrers {
  const seen = records.filter(visible).map(name);
  return { seen, hidden: seen.length < records.length };
}

/** Joins several kinds of referrers. */
function both(...all: Referrers[]): Referrers {
  return { seen: all.flatMap((r) => r.seen), hidden: all.some((r) => r.hidden) };
}

/** A meeting is the remover's to see when its request is, or once it is announced. */
function meetingsSeen(
  actor: Actor,
  summit: SummitId,
  meetings: readonly Meeting[],
  requests: ReadonlyMap<string, Request>,
): Referrers {
  return sortOut(
    meetings,
    (m) => {
      const request = requests.get(m.request);
      return request !== undefined && (m.announced || canSeeRequest(actor, summit, request));
    },
    (m) => `meeting ${m.request}`,
  );
}

async function requestsById(tx: Tx, summit: SummitId): Promise<Map<string, Request>> {
  return new Map((await tx.requests.list(summit)).map((r) => [r.id as string, r]));
}

/** The meetings held in a room. Takes the summit's placement lock, so none is placed there meanwhile. */
export async function roomReferrers(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  room: string,
): Promise<Referrers> {
  await tx.lockSummit(summit);
  const meetings = (await tx.meetings.list(summit)).filter((m) => m.room === room);
  return meetingsSeen(actor, summit, meetings, await requestsById(tx, summit));
}

/**
 * What stands at a venue: programme events, requests asking for it, busy blocks there and meetings
 * in its rooms (the rooms themselves and the travel times go with the venue).
 */
export async function venueReferrers(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  venue: string,
): Promise<Referrers> {
  await tx.lockSummit(summit);
  const [programme, busy, persons, rooms, meetings, requests] = await Promise.all([
    tx.programme.list(summit),
    tx.busy.list(summit),
    tx.persons.list(summit),
    tx.rooms.list(summit),
    tx.meetings.list(summit),
    requestsById(tx, summit),
  ]);
  const owners = new Map(persons.map((p) => [p.id as string, p]));
  const roomsHere = new Set(rooms.filter((r) => r.venue === venue).map((r) => r.id as string));
  return both(
    sortOut(
      programme.filter((e) => e.venue === venue),
      () => true,
      (e) => `programme event ${e.id}`,
    ),
    sortOut(
      [...requests.values()].filter((r) => r.venue === venue),
      (r) => canSeeRequest(actor, summit, r),
      (r) => `request ${r.id}`,
    ),
    // a busy block is its delegation's: only they (or an operator) learn it is there
    sortOut(
      busy.filter((b) => b.venue === venue),
      (b) => {
        const owner = owners.get(b.person);
        return owner === undefined ? actor.system : canReadScope(actor, summit, scopeOfBusy(owner));
      },
      (b) => `busy block ${b.id}`,
    ),
    meetingsSeen(
      actor,
      summit,
      meetings.filter((m) => m.room !== null && roomsHere.has(m.room)),
      requests,
    ),
  );
}

/**
 * The requests a delegation is party to, the rooms lent to it, the summit's quotas that name it, and
 * what names its persons from outside it: programme events and live calendar feeds (its persons and
 * their busy blocks go with it).
 */
export async function delegationReferrers(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  delegation: string,
): Promise<Referrers> {
  await tx.lockSummit(summit);
  const [requests, rooms, persons, programme, settings] = await Promise.all([
    tx.requests.list(summit),
    tx.rooms.list(summit),
    tx.persons.list(summit),
    tx.programme.list(summit),
    tx.summits.get(summit),
  ]);
  const members = persons.filter((p) => p.delegation === delegation);
  const ids = new Set<string>(members.map((p) => p.id));
  return both(
    sortOut(
      (settings?.quotas ?? []).filter((q) => q.delegation === delegation),
      () => true,
      (q) => `a quota per ${q.per}`,
    ),
    sortOut(
      requests.filter((r) => partiesOf(r).some((d) => d === delegation)),
      (r) => canSeeRequest(actor, summit, r),
      (r) => `request ${r.id}`,
    ),
    sortOut(
      rooms.filter((r) => r.delegation === delegation),
      () => true,
      (r) => `room ${r.id}`,
    ),
    sortOut(
      programme.filter((e) => e.attendees !== 'principals' && e.attendees.some((a) => ids.has(a))),
      () => true,
      (e) => `programme event ${e.id}`,
    ),
    ...(await Promise.all(members.map((p) => feedReferrers(tx, actor, summit, p)))),
  );
}

/** A person's live calendar feeds: named (counted) to whoever may manage them, else hidden. */
async function feedReferrers(tx: Tx, actor: Actor, summit: SummitId, person: Person): Promise<Referrers> {
  const live = (await tx.calendarTokens.listFor(summit, person.id)).filter((t) => t.revokedAt === null);
  if (live.length === 0) return { seen: [], hidden: false };
  if (!mayIssueFeed(actor, summit, person)) return { seen: [], hidden: true };
  const feeds = live.length === 1 ? 'a calendar feed' : `${live.length} calendar feeds`;
  return { seen: [`${feeds} of ${person.id}`], hidden: false };
}

/**
 * What names a person: the delegation they lead as its principal, requests they attend, programme
 * events listing them, their busy blocks and live calendar feeds. Each is named only to whoever may
 * see it (a busy block to its own delegation, a request to those who may read it). Takes the
 * summit's placement lock, so no meeting is placed with them meanwhile.
 */
export async function personReferrers(
  tx: Tx,
  actor: Actor,
  summit: SummitId,
  personId: string,
): Promise<Referrers> {
  await tx.lockSummit(summit);
  const person = await tx.persons.get(summit, personId);
  if (!person) return { seen: [], hidden: false };
  const [delegations, requests, programme, busy] = await Promise.all([
    tx.delegations.list(summit),
    tx.requests.list(summit),
    tx.programme.list(summit),
    tx.busy.list(summit),
  ]);
  return both(
    sortOut(
      delegations.filter((d) => d.principal === personId),
      () => true,
      (d) => `delegation ${d.id} (its principal)`,
    ),
    sortOut(
      requests.filter((r) => r.attendees.includes(person.id)),
      (r) => canSeeRequest(actor, summit, r),
      (r) => `request ${r.id}`,
    ),
    sortOut(
      programme.filter((e) => e.attendees !== 'principals' && e.attendees.includes(person.id)),
      () => true,
      (e) => `programme event ${e.id}`,
    ),
    sortOut(
      busy.filter((b) => b.person === person.id),
      () => canReadScope(actor, summit, scopeOfBusy(person)),
      (b) => `busy block ${b.id}`,
    ),
    await feedReferrers(tx, actor, summit, person),
  );
}
