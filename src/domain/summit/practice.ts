// Summit practice (summit-file.md, "Version 2 keys"): the vocabulary of the rules hosts publish —
// room features, working languages, ranks, press access, quotas and how planning may treat the
// meetings already placed. Every key is optional in a file; its default means "the rule does not apply".
import { z } from 'zod';
import { DelegationId, SLUG } from '../ids.js';
import { Instant } from '../time.js';

/** A room feature or a need (`flags`, `press`, `interpretation`): a slug a host chooses. */
export const Feature = z
  .string()
  .max(60)
  .regex(SLUG, { message: 'a feature: lower-case letters, digits, "-" or "_"' });
export type Feature = z.infer<typeof Feature>;

/** The pattern of a working language: an ISO 639 code with optional subtags (`en`, `zh-hant`). */
export const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** A working language, as an ISO 639 code (`en`, `ru`, `zh`), lower case. */
export const Language = z
  .string()
  .regex(LANGUAGE, { message: 'a language code such as en, ru or zh (ISO 639, lower case)' });
export type Language = z.infer<typeof Language>;

/** The rank of a principal or member, highest first. */
export const Rank = z.enum([
  'head-of-state',
  'head-of-government',
  'minister',
  'deputy-minister',
  'official',
]);
export type Rank = z.infer<typeof Rank>;

/** How a summit treats a request whose parties' ranks differ: a warning, an error, or nothing. */
export const RankParity = z.enum(['warn', 'refuse', 'off']);
export type RankParity = z.infer<typeof RankParity>;

/** How the press may attend a meeting (informational; it binds no slot). */
export const PressAccess = z.enum(['closed', 'pool-spray', 'open']);
export type PressAccess = z.infer<typeof PressAccess>;

/** What a quota counts per: each calendar day in the summit's zone, or the whole summit. */
export const QuotaPeriod = z.enum(['day', 'summit']);
export type QuotaPeriod = z.infer<typeof QuotaPeriod>;

/** Which meetings of a delegation a quota counts: those it is a party to, or those it requested. */
export const QuotaRole = z.enum(['party', 'requester']);
export type QuotaRole = z.infer<typeof QuotaRole>;

/** The delegation a quota names, or `*`: every delegation, each on its own. */
export const QuotaDelegation = z.union([z.literal('*'), DelegationId]);
export type QuotaDelegation = z.infer<typeof QuotaDelegation>;

/** A hard limit on a delegation's meetings: how many, and how many minutes, per day or per summit. */
export const Quota = z
  .object({
    delegation: QuotaDelegation,
    per: QuotaPeriod,
    /** At most this many meetings; null: no limit on the count. */
    meetings: z.number().int().min(0).max(10_000).nullable().default(null),
    /** At most this many minutes in total; null: no limit on the time. */
    minutes: z
      .number()
      .int()
      .min(0)
      .max(366 * 24 * 60)
      .nullable()
      .default(null),
    as: QuotaRole.default('party'),
  })
  .refine((q) => q.meetings !== null || q.minutes !== null, {
    message: 'a quota limits meetings, minutes or both',
    path: ['meetings'],
  });
export type Quota = z.infer<typeof Quota>;

/** Longest freeze a summit may set: one leap year, in hours. */
export const MAX_FREEZE_HOURS = 366 * 24;

/** How the scheduler may treat the meetings already placed (rules 9 and 10); null: no limit. */
export const Planning = z.object({
  /** At most this many existing unpinned meetings that still fit may move or be left off. */
  maxMoves: z.number().int().min(0).max(100_000).nullable().default(null),
  /** The moment of planning; null: when the plan is made. */
  now: Instant.nullable().default(null),
  /** Meetings starting before now + freezeHours keep their start and room. */
  freezeHours: z.number().int().min(0).max(MAX_FREEZE_HOURS).nullable().default(null),
});
export type Planning = z.infer<typeof Planning>;

/** Planning without limits: what a summit without the `planning` key means. */
export const NO_PLANNING_LIMITS: Planning = { maxMoves: null, now: null, freezeHours: null };

/** True when a planning setting limits nothing (it is left out of a summit file). */
export function isUnlimitedPlanning(p: Planning): boolean {
  return p.maxMoves === null && p.now === null && p.freezeHours === null;
}
