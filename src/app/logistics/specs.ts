// The logistics records of a summit: who may write each, what each must refer to, who reads it.
import { can, delegationsOf } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import { Busy, Delegation, Person, ProgrammeEvent, Room, Venue } from '../../domain/summit/schema.js';
import type { Tx } from '../../store/store.js';
import { requireCapability } from '../access.js';
import { ForbiddenError, type Issue } from '../errors.js';
import { entityUseCases } from './entity.js';
import { delegationReferrers, personReferrers, roomReferrers, venueReferrers } from './in-use.js';

/** Refuses unless the actor manages the summit's logistics (venues, rooms, delegations, programme). */
export const hostManages = (actor: Actor, summit: SummitId): void =>
  requireCapability(actor, summit, 'manage-logistics');

/** Refuses unless the actor manages logistics or acts on requests for the person's delegation. */
export function delegationOrHost(actor: Actor, summit: SummitId, delegation: DelegationId): void {
  if (can(actor, summit, 'manage-logistics')) return;
  requireCapability(actor, summit, 'act-on-request', delegation);
}

/**
 * Refuses unless the actor acts on requests for the delegation owning a busy block: a block is its
 * delegation's private record, which the host never writes (nor reads).
 */
export function busyOwnerActs(actor: Actor, summit: SummitId, owner: DelegationId): void {
  requireCapability(actor, summit, 'act-on-request', owner);
}

/**
 * What is wrong with the id of a new busy block: a delegation names its blocks in its own space
 * (`usa-…`), so "already exists" never tells it that another delegation's private block has the id
 * it chose (the system names them freely).
 */
export function busyIdIssues(actor: Actor, owner: DelegationId, id: string): Issue[] {
  if (actor.system || id.startsWith(`${owner}-`)) return [];
  return [
    { path: 'id', message: `a busy block's id starts with its delegation's id and a dash ("${owner}-")` },
  ];
}

async function venueExists(tx: Tx, summit: SummitId, venue: string | null, path: string): Promise<Issue[]> {
  if (venue === null || (await tx.venues.get(summit, venue))) return [];
  return [{ path, message: `unknown venue "${venue}"` }];
}

async function personsExist(
  tx: Tx,
  summit: SummitId,
  ids: readonly string[],
  path: string,
): Promise<Issue[]> {
  const known = new Set((await tx.persons.list(summit)).map((p) => p.id as string));
  return ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `${path}[${i}]`, message: `unknown person "${id}"` }],
  );
}

const noVersion = { version: true } as const;

/** Venues: the host's. */
export const venues = entityUseCases({
  name: 'venue',
  collection: (tx) => tx.venues,
  schema: Venue.omit(noVersion).strict(),
  authorise: hostManages,
  referrers: venueReferrers,
  scope: () => ({ kind: 'summit' }),
  data: 'venues',
  // a venue's name changes nothing where meetings stand; travel between venues is the summit file's
  touches: () => ({ persons: [], rooms: [] }),
});

/** Rooms: the host's; a room may be lent to one delegation. */
export const rooms = entityUseCases({
  name: 'room',
  collection: (tx) => tx.rooms,
  schema: Room.omit(noVersion).strict(),
  authorise: hostManages,
  async references(tx, summit, room) {
    const issues = await venueExists(tx, summit, room.venue, 'venue');
    if (room.delegation !== null && !(await tx.delegations.get(summit, room.delegation))) {
      issues.push({ path: 'delegation', message: `unknown delegation "${room.delegation}"` });
    }
    return issues;
  },
  referrers: roomReferrers,
  scope: () => ({ kind: 'summit' }),
  data: 'rooms',
  touches: (room) => ({ persons: [], rooms: [room.id] }),
});

/** What a delegation may change of its own record: the languages it works in and its interpreters. */
const DELEGATION_OWN = ['languages', 'interpreters'] as const;
/** A delegation's fields, without the version the store keeps. */
const DelegationFields = Delegation.omit(noVersion);

/**
 * Refuses a change of a delegation unless the actor manages logistics, or acts for that delegation
 * and changes only its languages and interpreters (summit-file.md rule 8: they are its to know).
 */
export function delegationChange(
  actor: Actor,
  summit: SummitId,
  before: Omit<Delegation, 'version'>,
  after: Omit<Delegation, 'version'>,
): void {
  if (can(actor, summit, 'manage-logistics')) return;
  requireCapability(actor, summit, 'act-on-request', before.id);
  // both read through one schema, so equal values print alike whatever order the store gave them
  const was = DelegationFields.parse(before);
  const is = DelegationFields.parse(after);
  const others = (Object.keys(is) as (keyof typeof is)[]).filter(
    (k) => !DELEGATION_OWN.includes(k as never) && JSON.stringify(was[k]) !== JSON.stringify(is[k]),
  );
  if (others.length > 0)
    throw new ForbiddenError(
      `a delegation may change only its languages and interpreters; the host changes its ${others.join(', ')}`,
    );
}

/** Delegations: the host admits them; their principal must be one of their persons once added. */
export const delegations = entityUseCases({
  name: 'delegation',
  collection: (tx) => tx.delegations,
  schema: Delegation.omit(noVersion).strict(),
  authorise: hostManages,
  authoriseChange: delegationChange,
  referrers: delegationReferrers,
  scope: () => ({ kind: 'summit' }),
  data: 'delegations',
  // its presence is its persons' unless they have their own
  touches: (d, data) => ({
    persons: data.persons.filter((p) => p.delegation === d.id).map((p) => p.id),
    rooms: [],
  }),
});

/** Persons: the host, or the person's own delegation. */
export const persons = entityUseCases({
  name: 'person',
  collection: (tx) => tx.persons,
  schema: Person.omit(noVersion).strict(),
  authorise: (actor, summit, p) => delegationOrHost(actor, summit, p.delegation),
  async references(tx, summit, p) {
    return (await tx.delegations.get(summit, p.delegation))
      ? []
      : [{ path: 'delegation', message: `unknown delegation "${p.delegation}"` }];
  },
  referrers: personReferrers,
  scope: () => ({ kind: 'summit' }),
  data: 'persons',
  touches: (p) => ({ persons: [p.id], rooms: [] }),
});

/** The official programme: the host's. */
export const programme = entityUseCases({
  name: 'programme-event',
  collection: (tx) => tx.programme,
  schema: ProgrammeEvent.omit(noVersion).strict(),
  authorise: hostManages,
  async references(tx, summit, e) {
    return [
      ...(await venueExists(tx, summit, e.venue, 'venue')),
      ...(e.attendees === 'principals' ? [] : await personsExist(tx, summit, e.attendees, 'attendees')),
      ...(e.from < e.to ? [] : [{ path: 'to', message: 'must be after from' }]),
    ];
  },
  scope: () => ({ kind: 'summit' }),
  data: 'programme',
  touches: (e, data) => ({
    persons:
      e.attendees === 'principals'
        ? data.persons.filter((p) => p.role === 'principal').map((p) => p.id)
        : e.attendees,
    rooms: [],
  }),
});

/** The delegation a person belongs to, read inside the same transaction. */
async function delegationOf(tx: Tx, summit: SummitId, person: string): Promise<DelegationId | undefined> {
  return (await tx.persons.get(summit, person))?.delegation;
}

/**
 * Busy blocks: private to the person's delegation (the host included never reads them). Others
 * learn only that the person is busy, through the agenda view, never the label or the place.
 */
export const busy = entityUseCases({
  name: 'busy',
  collection: (tx) => tx.busy,
  schema: Busy.omit(noVersion).strict(),
  async authorise(actor, summit, b, tx) {
    const delegation = await delegationOf(tx, summit, b.person);
    if (delegation) busyOwnerActs(actor, summit, delegation);
  },
  async newIdIssues(actor, summit, b, tx) {
    const delegation = await delegationOf(tx, summit, b.person);
    return delegation ? busyIdIssues(actor, delegation, b.id) : [];
  },
  async references(tx, summit, b) {
    const issues = [
      ...(await venueExists(tx, summit, b.venue, 'venue')),
      ...(b.from < b.to ? [] : [{ path: 'to', message: 'must be after from' }]),
    ];
    if (!(await delegationOf(tx, summit, b.person)))
      issues.push({ path: 'person', message: `unknown person "${b.person}"` });
    return issues;
  },
  async scope(b, tx, summit) {
    const delegation = await delegationOf(tx, summit, b.person);
    return delegation ? { kind: 'delegation', delegation } : { kind: 'host' };
  },
  data: 'busy',
  touches: (b) => ({ persons: [b.person], rooms: [] }),
  async visible(actor, summit, records, tx) {
    if (actor.system) return records;
    const mine = new Set<string>(delegationsOf(actor, summit));
    const persons = await tx.persons.list(summit);
    const own = new Set(persons.filter((p) => mine.has(p.delegation)).map((p) => p.id as string));
    return records.filter((b) => own.has(b.person));
  },
});
