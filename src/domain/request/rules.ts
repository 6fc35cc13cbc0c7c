// The rules every request must satisfy, wherever it enters: the API, the summit file, the CSV
// import and an edit. One module, one list of rules, one code per refusal, so the same bad request
// gets the same answer through every door; each door only words the path its own way.
import { formatSummitTime, type Instant } from '../time.js';
import type { Rank, RankParity } from '../summit/practice.js';
import { checkRankParity } from './rank-parity.js';

/**
 * The stable code of each refusal. Shape problems (a wrong type, a missing or unknown key) are
 * found by each door's schema and carry `invalid-value`, `missing-value` or `unknown-key`.
 */
export type RequestRuleCode =
  | 'unknown-delegation'
  | 'counterpart-is-requester'
  | 'repeated-counterpart'
  | 'too-few-parties'
  | 'minutes-off-grain'
  | 'unknown-person'
  | 'repeated-attendee'
  | 'attendee-not-party'
  | 'unknown-venue'
  | 'window-order'
  | 'repeated-need'
  | 'pull-aside-needs'
  | 'rank-mismatch';

/** The codes of shape problems, which the doors' schemas find before the rules run. */
export type ShapeCode = 'invalid-value' | 'missing-value' | 'unknown-key';

/** A path inside one request: `['attendees', 1]`. */
export type RulePath = readonly (string | number)[];

/** One broken rule: its code, where in the request, and what was expected. */
export interface RequestIssue {
  code: RequestRuleCode;
  path: RulePath;
  message: string;
}

/** What a person is, as far as the rules need it. */
export interface RulePerson {
  delegation: string;
  /** For rank parity; null or absent: not given. */
  rank?: Rank | null;
}

/** What a request is checked against: the summit's ids and settings. */
export interface RequestRulesContext {
  /** The summit's grain; null when unknown (a summit file whose grain is itself wrong). */
  grainMinutes: number | null;
  /** The summit's IANA zone, for naming times in messages; null: instants are named in UTC. */
  zone: string | null;
  hasDelegation(id: string): boolean;
  hasVenue(id: string): boolean;
  /** True for every known person id, even one whose record is otherwise wrong. */
  hasPerson(id: string): boolean;
  /** The person's record where it is known in full (its delegation); undefined otherwise. */
  person(id: string): RulePerson | undefined;
  /** What a rank mismatch meets with (summit-file.md, "Rank"); absent: off. */
  rankParity?: RankParity;
}

/** A window as the rules read it: two instants, in any order (the order is a rule). */
export interface RuleWindow {
  from: Instant;
  to: Instant;
}

/**
 * The terms of a request the rules look at. Each is optional: a door whose schema found one field
 * wrong still has the others checked, so a user fixes every problem in one pass.
 */
export interface RequestTerms {
  from?: string;
  to?: readonly string[];
  format?: string;
  minutes?: number;
  attendees?: readonly string[];
  venue?: string | null;
  allowed?: readonly (RuleWindow | null)[] | null;
  preferred?: readonly (RuleWindow | null)[];
  /** Room features the meeting requires (version 2). */
  needs?: readonly string[];
}

/** One rule: a name for tests and docs, and what it finds in the terms. */
interface RequestRule {
  name: string;
  check(terms: RequestTerms, ctx: RequestRulesContext): RequestIssue[];
}

const issue = (code: RequestRuleCode, path: RulePath, message: string): RequestIssue => ({
  code,
  path,
  message,
});

/** The parties: the requester first, then each counterpart once. */
function partiesIn(terms: RequestTerms): string[] {
  return [...new Set([...(terms.from === undefined ? [] : [terms.from]), ...(terms.to ?? [])])];
}

/** The requester and counterparts are known delegations, none twice, the requester not among them. */
const partiesRule: RequestRule = {
  name: 'parties',
  check({ from, to = [] }, ctx) {
    const out: RequestIssue[] = [];
    if (from !== undefined && !ctx.hasDelegation(from)) {
      out.push(issue('unknown-delegation', ['from'], `unknown delegation "${from}"`));
    }
    const seen = new Map<string, number>();
    to.forEach((d, i) => {
      const first = seen.get(d);
      if (first !== undefined) {
        out.push(
          issue('repeated-counterpart', ['to', i], `delegation "${d}" is already listed at to[${first}]`),
        );
        return;
      }
      seen.set(d, i);
      if (d === from) {
        out.push(
          issue(
            'counterpart-is-requester',
            ['to', i],
            `"${d}" is the requesting delegation; to lists its counterparts`,
          ),
        );
      } else if (!ctx.hasDelegation(d)) {
        out.push(issue('unknown-delegation', ['to', i], `unknown delegation "${d}"`));
      }
    });
    return out;
  },
};

/** A multilateral meeting has three or more parties. */
const multilateralRule: RequestRule = {
  name: 'multilateral-parties',
  check(terms) {
    if (terms.format !== 'multilateral' || terms.from === undefined || terms.to === undefined) return [];
    const n = partiesIn(terms).length;
    return n >= 3
      ? []
      : [issue('too-few-parties', ['to'], `a multilateral meeting needs 3 or more parties, got ${n}`)];
  },
};

/** A meeting lasts a whole number of the summit's grains. */
const grainRule: RequestRule = {
  name: 'minutes-on-grain',
  check({ minutes }, ctx) {
    const grain = ctx.grainMinutes;
    if (grain === null || minutes === undefined || minutes % grain === 0) return [];
    // the nearest lengths that fit, so the fix is in the message
    const below = Math.floor(minutes / grain) * grain;
    const near = below > 0 ? `${below} or ${below + grain}` : `${grain}`;
    return [
      issue(
        'minutes-off-grain',
        ['minutes'],
        `expected a multiple of the summit's ${grain}-minute grain, such as ${near}, got ${minutes}`,
      ),
    ];
  },
};

/** Every attendee is a known person, listed once, of a delegation that is a party of the request. */
const attendeesRule: RequestRule = {
  name: 'attendees',
  check(terms, ctx) {
    const out: RequestIssue[] = [];
    const parties = partiesIn(terms);
    // Party membership is judged only once the parties themselves are known.
    const partiesKnown = terms.from !== undefined && terms.to !== undefined;
    const seen = new Map<string, number>();
    (terms.attendees ?? []).forEach((p, i) => {
      const first = seen.get(p);
      if (first !== undefined) {
        out.push(
          issue(
            'repeated-attendee',
            ['attendees', i],
            `person "${p}" is already listed at attendees[${first}]`,
          ),
        );
        return;
      }
      seen.set(p, i);
      if (!ctx.hasPerson(p)) {
        out.push(issue('unknown-person', ['attendees', i], `unknown person "${p}"`));
        return;
      }
      const delegation = ctx.person(p)?.delegation;
      if (partiesKnown && delegation !== undefined && !parties.includes(delegation)) {
        out.push(
          issue(
            'attendee-not-party',
            ['attendees', i],
            `person "${p}" belongs to ${delegation}, which is not a party of this request (${parties.join(', ')})`,
          ),
        );
      }
    });
    return out;
  },
};

/** The venue, when given, is a venue of the summit. */
const venueRule: RequestRule = {
  name: 'venue',
  check({ venue }, ctx) {
    if (venue === undefined || venue === null || ctx.hasVenue(venue)) return [];
    return [issue('unknown-venue', ['venue'], `unknown venue "${venue}"`)];
  },
};

/** Every allowed and preferred window ends after it starts. */
const windowsRule: RequestRule = {
  name: 'windows',
  check(terms, ctx) {
    const name = (i: Instant) => (ctx.zone === null ? i : formatSummitTime(i, ctx.zone));
    const inOrder = (key: 'allowed' | 'preferred', list: readonly (RuleWindow | null)[]) =>
      list.flatMap((w, i) =>
        w === null || w.from < w.to
          ? []
          : [
              issue(
                'window-order',
                [key, i, 'to'],
                `expected a time after from (${name(w.from)}), got "${name(w.to)}"`,
              ),
            ],
      );
    return [...inOrder('allowed', terms.allowed ?? []), ...inOrder('preferred', terms.preferred ?? [])];
  },
};

/** Needs are listed once each, and a pull-aside, which takes no room, needs no room features. */
const needsRule: RequestRule = {
  name: 'needs',
  check({ needs = [], format }) {
    const out: RequestIssue[] = [];
    const seen = new Map<string, number>();
    needs.forEach((n, i) => {
      const first = seen.get(n);
      if (first === undefined) seen.set(n, i);
      else
        out.push(issue('repeated-need', ['needs', i], `feature "${n}" is already listed at needs[${first}]`));
    });
    if (format === 'pull-aside' && needs.length > 0) {
      out.push(
        issue('pull-aside-needs', ['needs'], 'a pull-aside takes no room, so it needs no room features'),
      );
    }
    return out;
  },
};

/** The rank mismatch of the terms, in words, when the summit judges ranks at all. */
function rankMismatch(terms: RequestTerms, ctx: RequestRulesContext): string | null {
  if (terms.from === undefined || terms.to === undefined || terms.attendees === undefined) return null;
  const mismatch = checkRankParity({ from: terms.from, to: terms.to, attendees: terms.attendees }, (id) =>
    ctx.person(id),
  );
  return mismatch === null ? null : `ranks differ: ${mismatch.message}`;
}

/** Rank parity under `rankParity: refuse`: like meets like, or the request is refused. */
const rankParityRule: RequestRule = {
  name: 'rank-parity',
  check(terms, ctx) {
    if (ctx.rankParity !== 'refuse') return [];
    const words = rankMismatch(terms, ctx);
    return words === null
      ? []
      : [issue('rank-mismatch', ['attendees'], `${words} (the summit's rankParity is refuse)`)];
  },
};

/** Every rule, in the order their issues are listed. */
export const REQUEST_RULES: readonly RequestRule[] = [
  partiesRule,
  multilateralRule,
  grainRule,
  attendeesRule,
  venueRule,
  windowsRule,
  needsRule,
  rankParityRule,
];

/** Every rule the terms break, in rule order; empty when the request may stand. */
export function requestIssues(terms: RequestTerms, ctx: RequestRulesContext): RequestIssue[] {
  return REQUEST_RULES.flatMap((rule) => rule.check(terms, ctx));
}

/**
 * What a request that may stand should still be told: its rank mismatch under `rankParity: warn`
 * (listed wherever the request is shown). Empty under `off`, and under `refuse` (a refusal instead).
 */
export function requestWarnings(terms: RequestTerms, ctx: RequestRulesContext): RequestIssue[] {
  if (ctx.rankParity !== 'warn') return [];
  const words = rankMismatch(terms, ctx);
  return words === null ? [] : [issue('rank-mismatch', ['attendees'], words)];
}

/** The records a rules context is built from: a summit's settings, delegations, persons and venues. */
export interface RuleRecords {
  summit: { grainMinutes: number | null; timezone: string | null; rankParity?: RankParity };
  delegations: readonly { id: string }[];
  persons: readonly ({ id: string } & RulePerson)[];
  venues: readonly { id: string }[];
}

/** The rules context of a summit whose records are all known (a stored summit, a parsed file). */
export function rulesContextOf(records: RuleRecords): RequestRulesContext {
  const delegations = new Set(records.delegations.map((d) => d.id));
  const venues = new Set(records.venues.map((v) => v.id));
  const persons = new Map(records.persons.map((p) => [p.id, p]));
  return {
    grainMinutes: records.summit.grainMinutes,
    zone: records.summit.timezone,
    hasDelegation: (id) => delegations.has(id),
    hasVenue: (id) => venues.has(id),
    hasPerson: (id) => persons.has(id),
    person: (id) => persons.get(id),
    rankParity: records.summit.rankParity ?? 'off',
  };
}
