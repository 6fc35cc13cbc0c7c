// The summit file's shape (summit-file.md) as zod schemas: strict mappings, so an unknown or
// misspelt key is an error. Values are checked for form only; references, times and
// cross-field rules are checked when the file is resolved into SummitData.
import { z } from 'zod';
import { SLUG } from '../../domain/ids.js';
import { Lapse } from '../../domain/meeting/confirmation-deadline.js';
import { ConditionKind, ConditionStatus, Format, Level, RequestStatus } from '../../domain/request/schema.js';
import {
  LANGUAGE,
  MAX_FREEZE_HOURS,
  PressAccess,
  QuotaPeriod,
  QuotaRole,
  Rank,
  RankParity,
} from '../../domain/summit/practice.js';

// Each schema's error text says what was expected; the issue mapper adds what was found.
const ID = 'an id (lower-case letters, digits, "-" or "_", starting with a letter or digit)';
const TIME = 'a time YYYY-MM-DDTHH:MM';
const LOCAL_OR_OFFSET_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** A strict mapping: its error text for an unknown key lists the keys it takes. */
function strict<T extends z.ZodRawShape>(shape: T, what = 'a mapping') {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? keys : what),
  });
}

const text = (max: number) => {
  const what = `text of 1 to ${max} characters`;
  return z.string(what).min(1, what).max(max, what);
};

const int = (min: number, max?: number) => {
  const what =
    max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
  const n = z.number(what).int(what).min(min, what);
  return max === undefined ? n : n.max(max, what);
};

const list = <T extends z.ZodType>(item: T, what = 'a list') => z.array(item, what);
/** One of a domain enum's values, with an error text that lists them. */
const oneOf = <T extends Readonly<Record<string, string>>>(e: { enum: T; options: readonly string[] }) =>
  z.enum(e.enum, `one of ${e.options.join(', ')}`);
const flag = z.boolean('true or false');

/** An id of this file (summit-file.md, Conventions). */
export const FileId = z.string(ID).regex(SLUG, ID);
const FEATURE = 'a feature name (lower-case letters, digits, "-" or "_")';
/** A room feature or a request's need: a name of the host's choosing. */
export const FileFeature = z.string(FEATURE).max(60, FEATURE).regex(SLUG, FEATURE);
const features = list(FileFeature, 'a list of feature names').max(50, 'a list of at most 50 features');
const LANGUAGE_CODE = 'a language code such as en, ru or zh';
/** A working language. */
export const FileLanguage = z.string(LANGUAGE_CODE).regex(LANGUAGE, LANGUAGE_CODE);
const languages = list(FileLanguage, 'a list of language codes').max(20, 'a list of at most 20 languages');
/** A local wall-clock time, or one with an offset or `Z`; whether it exists is checked later. */
export const FileTime = z.string(TIME).regex(LOCAL_OR_OFFSET_TIME, TIME);
/** A half-open window `{from, to}`. */
export const FileWindow = strict({ from: FileTime, to: FileTime }, 'a window {from: TIME, to: TIME}');
export type FileWindow = z.infer<typeof FileWindow>;
const windows = list(FileWindow, 'a list of windows {from: TIME, to: TIME}');

/** The `summit` section: the event's zone, days, daily window and scheduling grain. */
export const FileSummit = strict({
  id: FileId,
  name: text(300),
  timezone: z.string('an IANA time zone such as Asia/Ho_Chi_Minh'),
  days: strict({
    from: z.string('a date YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    to: z.string('a date YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  }),
  dayWindow: strict({
    from: z.string('a time of day HH:MM').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM'),
    to: z.string('a time of day HH:MM').regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day HH:MM'),
  }),
  grainMinutes: int(1, 240),
  /** Optional in the file: 0 when omitted. */
  bufferMinutes: int(0, 240).optional(),
  /** Version 2, optional: 0 (no turnover) when omitted. */
  roomTurnoverMinutes: int(0, 240).optional(),
  /** Version 2, optional: warn when omitted. */
  rankParity: oneOf(RankParity).optional(),
  /** Version 2, optional: when each day's meetings must be confirmed; no deadline when omitted. */
  confirmation: strict({
    at: z.string('a time of day HH:MM').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM'),
    daysBefore: int(0, 14).optional(),
    lapse: oneOf(Lapse).optional(),
  }).optional(),
});
export type FileSummit = z.infer<typeof FileSummit>;

/** A venue of the summit. */
export const FileVenue = strict({ id: FileId, name: text(300) });
export type FileVenue = z.infer<typeof FileVenue>;

/** `[venue, venue, minutes]`. */
export const FileTravel = z.tuple([FileId, FileId, int(0, 24 * 60)], 'a list [venue, venue, minutes]');
export type FileTravel = z.infer<typeof FileTravel>;

/** A room at a venue; `available` left out means always. */
export const FileRoom = strict({
  id: FileId,
  venue: FileId,
  name: text(300),
  capacity: int(1),
  available: windows.optional(),
  delegation: FileId.optional(),
  /** Version 2, optional: none when omitted. */
  features: features.optional(),
});
export type FileRoom = z.infer<typeof FileRoom>;

/** A principal or a member of a delegation. */
export const FilePerson = strict({
  id: FileId,
  name: text(300),
  title: z.string('text of at most 300 characters').max(300, 'text of at most 300 characters').optional(),
  presence: windows.optional(),
  /** Version 2, optional: the delegation's when omitted. */
  languages: languages.optional(),
  /** Version 2, optional. */
  rank: oneOf(Rank).optional(),
});
export type FilePerson = z.infer<typeof FilePerson>;

/** One party with its principal and members. */
export const FileDelegation = strict({
  id: FileId,
  name: text(300),
  principal: FilePerson,
  members: list(FilePerson).optional(),
  presence: windows.optional(),
  /** Version 2, optional: omitted, the delegation shares every language. */
  languages: languages.optional(),
  /** Version 2, optional: omitted, no limit. */
  interpreters: int(0, 1000).optional(),
});
export type FileDelegation = z.infer<typeof FileDelegation>;

/** An official event of the programme. */
export const FileProgrammeEvent = strict({
  id: FileId,
  title: text(300),
  venue: FileId.optional(),
  from: FileTime,
  to: FileTime,
  attendees: z.union([z.literal('principals'), list(FileId)], 'a list of person ids, or the word principals'),
  encounter: flag.optional(),
});
export type FileProgrammeEvent = z.infer<typeof FileProgrammeEvent>;

/** One person's private commitment. */
export const FileBusy = strict({
  /** Optional: `busy-<person>-<n>` (n counts that person's blocks from 1) when omitted. */
  id: FileId.optional(),
  person: FileId,
  from: FileTime,
  to: FileTime,
  venue: FileId.optional(),
  label: z.string('text of at most 300 characters').max(300, 'text of at most 300 characters').optional(),
});
export type FileBusy = z.infer<typeof FileBusy>;

/** A term one party sets on a request. */
export const FileCondition = strict({
  id: FileId,
  by: FileId,
  /** Optional: `other` when omitted. */
  kind: oneOf(ConditionKind).optional(),
  text: text(2000),
  status: oneOf(ConditionStatus),
});
export type FileCondition = z.infer<typeof FileCondition>;

/** A request as a file (or a spreadsheet row) states it. */
export const FileRequest = strict({
  id: FileId,
  from: FileId,
  to: list(FileId, 'a list of delegation ids').min(1, 'a list of at least one delegation id'),
  format: oneOf(Format),
  level: oneOf(Level),
  minutes: int(1, 24 * 60),
  priority: int(1, 5),
  topics: list(text(100)).optional(),
  attendees: list(FileId, 'a list of person ids'),
  seats: int(1).optional(),
  venue: FileId.optional(),
  allowed: windows.optional(),
  preferred: windows.optional(),
  status: oneOf(RequestStatus).optional(),
  /** Optional: false when omitted. Only the parties see a confidential request. */
  confidential: flag.optional(),
  /** Version 2, optional: room features the meeting requires. */
  needs: features.optional(),
  /** Version 2, optional: closed when omitted. */
  press: oneOf(PressAccess).optional(),
  conditions: list(FileCondition).optional(),
});
export type FileRequest = z.infer<typeof FileRequest>;

/** A placement that already exists; it lasts its request's minutes. */
export const FileMeeting = strict({
  request: FileId,
  start: FileTime,
  room: FileId.optional(),
  pinned: flag.optional(),
  /** Optional: false when omitted. */
  announced: flag.optional(),
});
export type FileMeeting = z.infer<typeof FileMeeting>;

/** Version 2: how planning treats the meetings already placed; each key optional. */
export const FilePlanning = strict(
  {
    maxMoves: int(0, 100_000).optional(),
    now: FileTime.optional(),
    freezeHours: int(0, MAX_FREEZE_HOURS).optional(),
  },
  'a mapping {maxMoves, now, freezeHours}',
);
export type FilePlanning = z.infer<typeof FilePlanning>;

/** Version 2: a hard limit on each named delegation's meetings. */
export const FileQuota = strict({
  delegation: z.union([z.literal('*'), FileId], `a delegation id, or "*" for each delegation`),
  per: oneOf(QuotaPeriod),
  meetings: int(0, 10_000).optional(),
  minutes: int(0, 366 * 24 * 60).optional(),
  as: oneOf(QuotaRole).optional(),
});
export type FileQuota = z.infer<typeof FileQuota>;

/** A whole summit file, sections in the order they are written. */
export const SummitFile = strict(
  {
    summit: FileSummit,
    planning: FilePlanning.optional(),
    quotas: list(FileQuota).optional(),
    venues: list(FileVenue).optional(),
    travelMinutes: list(FileTravel).optional(),
    rooms: list(FileRoom).optional(),
    delegations: list(FileDelegation).optional(),
    programme: list(FileProgrammeEvent).optional(),
    busy: list(FileBusy).optional(),
    requests: list(FileRequest).optional(),
    meetings: list(FileMeeting).optional(),
  },
  'a mapping with a summit key',
);
export type SummitFile = z.infer<typeof SummitFile>;
