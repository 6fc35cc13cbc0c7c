// Branded identifiers: a PersonId cannot be passed where a RoomId is expected.
import { z } from 'zod';

/** The slug form every id of a summit file takes (summit-file.md, Conventions). */
export const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

const slug = (what: string) =>
  z.string().regex(SLUG, {
    message: `a ${what} id: lower-case letters, digits, "-" or "_", starting with a letter or digit`,
  });

export const SummitId = slug('summit').brand<'SummitId'>();
export type SummitId = z.infer<typeof SummitId>;
export const VenueId = slug('venue').brand<'VenueId'>();
export type VenueId = z.infer<typeof VenueId>;
export const RoomId = slug('room').brand<'RoomId'>();
export type RoomId = z.infer<typeof RoomId>;
export const DelegationId = slug('delegation').brand<'DelegationId'>();
export type DelegationId = z.infer<typeof DelegationId>;
export const PersonId = slug('person').brand<'PersonId'>();
export type PersonId = z.infer<typeof PersonId>;
export const ProgrammeEventId = slug('programme event').brand<'ProgrammeEventId'>();
export type ProgrammeEventId = z.infer<typeof ProgrammeEventId>;
export const RequestId = slug('request').brand<'RequestId'>();
export type RequestId = z.infer<typeof RequestId>;
export const ConditionId = slug('condition').brand<'ConditionId'>();
export type ConditionId = z.infer<typeof ConditionId>;
export const BusyId = slug('busy block').brand<'BusyId'>();
export type BusyId = z.infer<typeof BusyId>;

/** Ids the system generates (users, messages, positions): opaque non-empty strings. */
export const UserId = z.string().min(1).max(200).brand<'UserId'>();
export type UserId = z.infer<typeof UserId>;
export const MessageId = z.string().min(1).max(200).brand<'MessageId'>();
export type MessageId = z.infer<typeof MessageId>;
export const PositionId = z.string().min(1).max(200).brand<'PositionId'>();
export type PositionId = z.infer<typeof PositionId>;
