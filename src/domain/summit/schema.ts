// The summit, its venues, rooms, delegations, persons, programme and busy blocks.
import { z } from 'zod';
import { BusyId, DelegationId, PersonId, ProgrammeEventId, RoomId, SummitId, VenueId } from '../ids.js';
import { Instant, LocalDate, LocalTimeOfDay, TimeZone, Window } from '../time.js';
import { ConfirmationDeadline } from '../meeting/confirmation-deadline.js';
import { Feature, Language, NO_PLANNING_LIMITS, Planning, Quota, Rank, RankParity } from './practice.js';

/** Every mutable record carries a version; a write against a stale version fails. */
export const Version = z.number().int().min(1);

export const Summit = z.object({
  id: SummitId,
  name: z.string().min(1).max(300),
  timezone: TimeZone,
  days: z.object({ from: LocalDate, to: LocalDate }),
  dayWindow: z.object({ from: LocalTimeOfDay, to: LocalTimeOfDay }),
  grainMinutes: z.number().int().min(1).max(240),
  bufferMinutes: z.number().int().min(0).max(240),
  /** At least this gap between two meetings in one room (rule 5); 0: none. */
  roomTurnoverMinutes: z.number().int().min(0).max(240).default(0),
  /** What a request whose parties' ranks differ meets with. */
  rankParity: RankParity.default('warn'),
  /** How planning treats the meetings already placed (rules 9 and 10). */
  planning: Planning.default(NO_PLANNING_LIMITS),
  /** By when each day's meetings must be confirmed, and what becomes of those that are not; null: no deadline. */
  confirmation: ConfirmationDeadline.nullable().default(null),
  /** Hard limits on each delegation's meetings (rule 7). */
  quotas: z.array(Quota).max(1000).default([]),
  version: Version,
});
export type Summit = z.infer<typeof Summit>;

export const Venue = z.object({
  id: VenueId,
  name: z.string().min(1).max(300),
  version: Version,
});
export type Venue = z.infer<typeof Venue>;

/** Travel minutes between two venues; symmetric; a missing pair is 0. */
export const Travel = z.object({
  a: VenueId,
  b: VenueId,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
export type Travel = z.infer<typeof Travel>;

export const Room = z.object({
  id: RoomId,
  venue: VenueId,
  name: z.string().min(1).max(300),
  capacity: z.number().int().min(1),
  /** null = always available. */
  available: z.array(Window).nullable(),
  /** A room lent to one delegation: only requests with this party may use it. */
  delegation: DelegationId.nullable(),
  /** What the room offers (flags, press, interpretation): a meeting's needs must be among them. */
  features: z.array(Feature).max(50).default([]),
  version: Version,
});
export type Room = z.infer<typeof Room>;

export const PersonRole = z.enum(['principal', 'member']);
export type PersonRole = z.infer<typeof PersonRole>;

export const Person = z.object({
  id: PersonId,
  delegation: DelegationId,
  name: z.string().min(1).max(300),
  title: z.string().max(300).nullable(),
  role: PersonRole,
  /** null = the delegation's presence applies. */
  presence: z.array(Window).nullable(),
  /** Working languages; null = the delegation's apply. */
  languages: z.array(Language).max(20).nullable().default(null),
  /** null = not given (rank parity cannot judge this person). */
  rank: Rank.nullable().default(null),
  version: Version,
});
export type Person = z.infer<typeof Person>;

export const Delegation = z.object({
  id: DelegationId,
  name: z.string().min(1).max(300),
  principal: PersonId,
  /** null = present for the whole summit. */
  presence: z.array(Window).nullable(),
  /** Working languages of its persons; null = not given: it shares every language. */
  languages: z.array(Language).max(20).nullable().default(null),
  /** Interpreters it brings; null = no limit. */
  interpreters: z.number().int().min(0).max(1000).nullable().default(null),
  version: Version,
});
export type Delegation = z.infer<typeof Delegation>;

export const ProgrammeEvent = z.object({
  id: ProgrammeEventId,
  title: z.string().min(1).max(300),
  venue: VenueId.nullable(),
  from: Instant,
  to: Instant,
  /** Person ids, or every principal. */
  attendees: z.union([z.literal('principals'), z.array(PersonId)]),
  /** Leaders mingle here (family photo, gala dinner): an informal encounter. */
  encounter: z.boolean(),
  version: Version,
});
export type ProgrammeEvent = z.infer<typeof ProgrammeEvent>;

/** A person's private commitment, visible to their own delegation only. */
export const Busy = z.object({
  id: BusyId,
  person: PersonId,
  from: Instant,
  to: Instant,
  venue: VenueId.nullable(),
  label: z.string().max(300).nullable(),
  version: Version,
});
export type Busy = z.infer<typeof Busy>;
