// Records for the contract tests: a small summit world and makers for each kind of record.
import { randomBytes } from 'node:crypto';
import type { DomainEvent } from '../../../src/domain/event/schema.js';
import type {
  BusyId,
  ConditionId,
  DelegationId,
  MessageId,
  PersonId,
  PositionId,
  ProgrammeEventId,
  RequestId,
  RoomId,
  SummitId,
  UserId,
  VenueId,
} from '../../../src/domain/ids.js';
import type { MeetingNotice } from '../../../src/domain/meeting/notice.js';
import type { Meeting } from '../../../src/domain/meeting/schema.js';
import type { Decision, Position, PublicLine } from '../../../src/domain/deliberation/schema.js';
import type { Condition, Request, ThreadMessage } from '../../../src/domain/request/schema.js';
import type {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Summit,
  Venue,
} from '../../../src/domain/summit/schema.js';
import type { Instant } from '../../../src/domain/time.js';
import type { Store, User } from '../../../src/store/store.js';

/** A fresh id, so tests sharing one database never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** An instant on the summit's first day, `minutes` after 08:00 UTC. */
export function at(minutes: number): Instant {
  return new Date(Date.UTC(2017, 10, 10, 8, minutes)).toISOString() as Instant;
}

export const summit = (id: string): Summit => ({
  id: id as SummitId,
  name: `Summit ${id}`,
  timezone: 'Asia/Ho_Chi_Minh',
  days: { from: '2017-11-10', to: '2017-11-11' },
  dayWindow: { from: '08:00', to: '20:00' },
  grainMinutes: 15,
  bufferMinutes: 5,
  roomTurnoverMinutes: 10,
  rankParity: 'refuse',
  planning: { maxMoves: 3, now: at(30), freezeHours: 12 },
  quotas: [
    { delegation: '*', per: 'day', meetings: 6, minutes: null, as: 'party' },
    { delegation: 'd1' as DelegationId, per: 'summit', meetings: null, minutes: 600, as: 'requester' },
  ],
  confirmation: { at: '18:00', daysBefore: 1, lapse: 'release' },
  version: 1,
});

export const venue = (id: string): Venue => ({ id: id as VenueId, name: `Venue ${id}`, version: 1 });

export const room = (id: string, venueId = 'v1', delegation: string | null = null): Room => ({
  id: id as RoomId,
  venue: venueId as VenueId,
  name: `Room ${id}`,
  capacity: 8,
  available: [{ from: at(0), to: at(240) }],
  delegation: delegation as DelegationId | null,
  features: ['flags', 'press'],
  version: 1,
});

export const delegation = (id: string, principal = `${id}-lead`): Delegation => ({
  id: id as DelegationId,
  name: `Delegation ${id}`,
  principal: principal as PersonId,
  presence: null,
  languages: ['en', 'zh-hant'],
  interpreters: 2,
  version: 1,
});

export const person = (id: string, delegationId = 'd1'): Person => ({
  id: id as PersonId,
  delegation: delegationId as DelegationId,
  name: `Person ${id}`,
  title: 'Minister',
  role: 'member',
  presence: [{ from: at(0), to: at(600) }],
  languages: ['ru'],
  rank: 'minister',
  version: 1,
});

export const programmeEvent = (id: string, venueId: string | null = 'v1'): ProgrammeEvent => ({
  id: id as ProgrammeEventId,
  title: `Event ${id}`,
  venue: venueId as VenueId | null,
  from: at(60),
  to: at(120),
  attendees: 'principals',
  encounter: true,
  version: 1,
});

export const busy = (id: string, personId = 'p1'): Busy => ({
  id: id as BusyId,
  person: personId as PersonId,
  from: at(30),
  to: at(45),
  venue: null,
  label: 'Press',
  version: 1,
});

export const request = (id: string, from = 'd1', to = ['d2']): Request => ({
  id: id as RequestId,
  from: from as DelegationId,
  to: to as DelegationId[],
  format: 'bilateral',
  level: 'leaders',
  minutes: 30,
  priority: 3,
  topics: ['trade', 'security'],
  attendees: ['p1', 'p2'] as PersonId[],
  seats: null,
  venue: null,
  allowed: null,
  preferred: [{ from: at(0), to: at(60) }],
  status: 'requested',
  acceptedBy: [from as DelegationId],
  downgrade: null,
  confidential: false,
  needs: ['flags'],
  press: 'pool-spray',
  version: 1,
});

export const condition = (id: string, requestId = 'q1'): Condition => ({
  id: id as ConditionId,
  request: requestId as RequestId,
  by: 'd2' as DelegationId,
  kind: 'agenda',
  text: 'Trade on the agenda',
  status: 'open',
  counters: null,
  version: 1,
});

export const message = (id: string, requestId = 'q1', minute = 0): ThreadMessage => ({
  id: id as MessageId,
  request: requestId as RequestId,
  delegation: 'd1' as DelegationId,
  author: 'u1' as UserId,
  at: at(minute),
  text: `Message ${id}`,
});

export const meeting = (requestId: string, roomId: string | null = 'r1'): Meeting => ({
  request: requestId as RequestId,
  start: at(0),
  end: at(30),
  room: roomId as RoomId | null,
  pinned: false,
  confirmedBy: ['d1'] as DelegationId[],
  announced: false,
  version: 1,
});

/** A bump notice of a request's meeting, moved from 08:00 to 09:00 for request q9, with an alternative. */
export const bumpNotice = (requestId: string): MeetingNotice => ({
  request: requestId as RequestId,
  start: at(60),
  room: 'r1' as RoomId,
  at: at(-60),
  detail: {
    kind: 'bumped',
    cause: 'planner',
    rule: 'person-overlap',
    for: 'q9' as RequestId,
    detail: 'p1 is needed then',
    stated: null,
    previous: { start: at(0), end: at(30), room: 'r1' as RoomId },
    alternative: { start: at(120), end: at(150), room: null },
    by: 'u1' as UserId,
  },
  version: 1,
});

export const position = (id: string, requestId = 'q1', delegationId = 'd1'): Position => ({
  id: id as PositionId,
  request: requestId as RequestId,
  delegation: delegationId as DelegationId,
  holder: 'Secretary of State',
  author: 'u1' as UserId,
  stance: 'for',
  rationale: 'Worth the optics',
  considerations: [{ kind: 'benefit', weight: 3, topic: 'optics', note: null }],
  at: at(5),
  version: 1,
});

export const decision = (requestId = 'q1', delegationId = 'd1'): Decision => ({
  request: requestId as RequestId,
  delegation: delegationId as DelegationId,
  outcome: 'pursue',
  by: 'u1' as UserId,
  at: at(10),
  note: null,
  version: 1,
});

export const publicLine = (requestId = 'q1', delegationId = 'd1'): PublicLine => ({
  request: requestId as RequestId,
  delegation: delegationId as DelegationId,
  claim: 'under-discussion',
  text: 'Talks continue',
  published: false,
  by: 'u1' as UserId,
  at: at(15),
  version: 1,
});

export const event = (summitId: string, type: string, minute = 0): Omit<DomainEvent, 'seq'> => ({
  summit: summitId as SummitId,
  at: at(minute),
  actor: 'u1' as UserId,
  scope: { kind: 'summit' },
  type,
  payload: { note: type, nested: { list: [1, 2] } },
});

export const user = (id: string, email = `${id}@example.org`): User => ({
  id: id as UserId,
  email,
  name: `User ${id}`,
  disabled: false,
  version: 1,
});

/**
 * Writes a summit with venues v1 and v2, delegations d1 and d2 (principals d1-lead, d2-lead),
 * persons p1 (d1) and p2 (d2), room r1 at v1 and request q1 from d1 to d2.
 */
export async function seedWorld(store: Store, summitId = uniqueId('s')): Promise<SummitId> {
  const s = summitId as SummitId;
  await store.write(async (tx) => {
    await tx.summits.insert(summit(s));
    for (const v of ['v1', 'v2']) await tx.venues.insert(s, venue(v));
    for (const d of ['d1', 'd2']) await tx.delegations.insert(s, delegation(d));
    await tx.persons.insert(s, person('p1', 'd1'));
    await tx.persons.insert(s, person('p2', 'd2'));
    await tx.rooms.insert(s, room('r1'));
    await tx.requests.insert(s, request('q1'));
  });
  return s;
}
