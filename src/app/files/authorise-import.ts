// What an import would change, authorised change by change with the rules the API's use cases apply
// to the same change by the same actor. An import is no side door: what the actor may not do through
// the API, it may not do through a file or a sheet either, and one refused change refuses the whole.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { LIFECYCLE, type TransitionCommand, type TransitionName } from '../../domain/request/lifecycle.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { applyTransition, TransitionError } from '../../domain/request/transition.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Instant } from '../../domain/time.js';
import { delegationsOf } from '../../domain/actor/authority.js';
import { requireCapability } from '../access.js';
import { ForbiddenError, type Issue } from '../errors.js';
import { busyIdIssues, busyOwnerActs, delegationOrHost, hostManages } from '../logistics/specs.js';
import { requestIdIssues } from '../requests/request-meeting.js';

/** The sections of a summit file whose records an import adds, changes or removes. */
export type Section =
  | 'summit'
  | 'travel'
  | 'venues'
  | 'rooms'
  | 'delegations'
  | 'persons'
  | 'programme'
  | 'busy'
  | 'requests'
  | 'conditions'
  | 'meetings';

/**
 * Where a record is in what the actor sent: `requests[3]` in a summit file, `row 4` in a sheet.
 * `index` is the record's place in its section of the import, null for a record it leaves out.
 */
export type Locate = (section: Section, key: string, index: number | null) => string;

/** Paths as a summit file names them: the section and the record's index, or the section alone. */
export const fileLocation: Locate = (section, _key, index) =>
  index === null || section === 'summit' || section === 'travel' ? section : `${section}[${index}]`;

/** One record the import adds (`before` null), changes, or removes (`after` null). */
interface Change<T> {
  key: string;
  before: T | null;
  after: T | null;
  /** The record's index in the import, or null when the import leaves it out. */
  index: number | null;
}

/** JSON with sorted keys and no versions, so a record compares equal however it was read. */
export function content(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(content).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'version' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${content(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The records of one section that differ between what the actor sees and what the import holds. */
function changes<T>(seen: readonly T[], next: readonly T[], keyOf: (r: T) => string): Change<T>[] {
  const before = new Map(seen.map((r) => [keyOf(r), r]));
  const kept = new Set<string>();
  const out: Change<T>[] = [];
  next.forEach((r, index) => {
    const key = keyOf(r);
    kept.add(key);
    const old = before.get(key) ?? null;
    if (old === null || content(old) !== content(r)) out.push({ key, before: old, after: r, index });
  });
  for (const [key, old] of before)
    if (!kept.has(key)) out.push({ key, before: old, after: null, index: null });
  return out;
}

/** Runs one of the API's authorisation rules; its refusal becomes an issue at `path`. */
function asked(issues: Issue[], path: string, rule: () => void): boolean {
  try {
    rule();
    return true;
  } catch (e) {
    if (!(e instanceof ForbiddenError || e instanceof TransitionError)) throw e;
    issues.push({ path, message: e.message });
    return false;
  }
}

/** The fields of a request its life-cycle steps change; any other field is the request's terms. */
const STEP_FIELDS = new Set(['status', 'acceptedBy', 'downgrade', 'version']);

/** The terms (format, attendees, windows…) that differ between two copies of a request. */
function changedTerms(a: Request, b: Request): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => !STEP_FIELDS.has(k))
    .filter((k) => content((a as Record<string, unknown>)[k]) !== content((b as Record<string, unknown>)[k]))
    .sort();
}

/** The commands that could turn `before` into `after` in one step. */
function commandsToward(after: Request, meeting: Meeting | undefined): TransitionCommand[] {
  return (Object.keys(LIFECYCLE) as TransitionName[])
    .filter((name) => LIFECYCLE[name].to.includes(after.status))
    .flatMap((name): TransitionCommand[] => {
      switch (name) {
        case 'confirm':
        case 'hold':
          return meeting ? [{ name, meeting }] : [];
        case 'downgrade':
          return after.downgrade ? [{ name, to: after.downgrade }] : [];
        case 'lapse':
          return []; // the system's step when the summit ends: nobody imports it
        default:
          return [{ name }];
      }
    });
}

/** True when a step's result is the request the import holds (its state, acceptances, downgrade). */
function sameStep(result: Request, after: Request): boolean {
  return (
    result.status === after.status &&
    content([...result.acceptedBy].sort()) === content([...after.acceptedBy].sort()) &&
    result.downgrade === after.downgrade
  );
}

/**
 * A request's change of state, allowed when it is one life-cycle step the actor may take through
 * the API (the host schedules, unschedules and holds; the parties accept, decline, confirm…).
 */
function stepIssues(
  actor: Actor,
  summit: SummitId,
  before: Request,
  after: Request,
  conditions: readonly Condition[],
  meeting: Meeting | undefined,
  now: Instant,
  path: string,
): Issue[] {
  if (sameStep(before, after)) return [];
  const actingFor: (DelegationId | undefined)[] = [
    undefined,
    ...delegationsOf(actor, summit).filter((d) => partiesOf(before).includes(d)),
  ];
  let refusal: string | null = null;
  for (const command of commandsToward(after, meeting)) {
    for (const delegation of actingFor) {
      try {
        const result = applyTransition(
          before,
          conditions,
          command,
          { actor, summit, ...(delegation ? { delegation } : {}) },
          now,
        );
        if (sameStep(result, after)) return [];
      } catch (e) {
        if (!(e instanceof TransitionError)) throw e;
        refusal ??= e.message;
      }
    }
  }
  const step = `${before.status} → ${after.status}`;
  return [
    {
      path: `${path}.status`,
      message: `request ${before.id} cannot go ${step} in one step you may take${refusal ? ` (${refusal})` : ''}`,
    },
  ];
}

/** Who owns a person's busy block, by the import's persons and then those the actor sees. */
function ownerOf(person: string, ...sources: SummitData[]): DelegationId | undefined {
  for (const data of sources) {
    const found = data.persons.find((p) => p.id === person);
    if (found) return found.delegation;
  }
  return undefined;
}

/**
 * Authorises every change that turns `seen` (the summit as the actor may see it) into `next` (what
 * the import would make of it), with the API's own rules for the same change by the same actor.
 * Throws one ForbiddenError listing every refused change by its path; the system may do anything.
 */
export function authoriseImport(
  actor: Actor,
  summit: SummitId,
  seen: SummitData,
  next: SummitData,
  now: Instant,
  locate: Locate = fileLocation,
): void {
  if (actor.system) return;
  const issues: Issue[] = [];
  const at = (section: Section, c: { key: string; index: number | null }) => locate(section, c.key, c.index);
  const byId = (r: { id: string }) => r.id;

  // the summit's own record, its travel times and the host's logistics: the host's admin manages them
  if (content(seen.summit) !== content(next.summit))
    asked(issues, locate('summit', summit, 0), () => hostManages(actor, summit));
  if (content(seen.travel) !== content(next.travel))
    asked(issues, locate('travel', summit, 0), () => hostManages(actor, summit));
  for (const section of ['venues', 'rooms', 'delegations', 'programme'] as const) {
    const list = changes<{ id: string }>(seen[section], next[section], byId);
    for (const c of list) asked(issues, at(section, c), () => hostManages(actor, summit));
  }
  // a person: the host, or the person's own delegation (before and after a move between delegations)
  for (const c of changes(seen.persons, next.persons, byId)) {
    const delegations = [c.before, c.after].flatMap((p) => (p ? [p.delegation] : []));
    delegations.every((d) => asked(issues, at('persons', c), () => delegationOrHost(actor, summit, d)));
  }
  // a busy block: its delegation's, in the delegation's own id space
  for (const c of changes(seen.busy, next.busy, byId)) {
    const path = at('busy', c);
    const owners = [c.before, c.after].flatMap((b) => (b ? [ownerOf(b.person, next, seen)] : []));
    const allowed = owners.every(
      (owner) => owner === undefined || asked(issues, path, () => busyOwnerActs(actor, summit, owner)),
    );
    const owner = owners[owners.length - 1];
    if (allowed && c.before === null && c.after && owner)
      issues.push(...busyIdIssues(actor, owner, c.after.id).map((i) => ({ ...i, path: `${path}.id` })));
  }
  requestIssues(actor, summit, seen, next, now, locate, issues);
  if (issues.length > 0) {
    throw new ForbiddenError(
      `the import changes ${issues.length === 1 ? 'a record' : `${issues.length} records`} you may not change: nothing was imported`,
      issues,
    );
  }
}

/** Requests, their conditions and meetings: as requestMeeting, the transitions and placement allow. */
function requestIssues(
  actor: Actor,
  summit: SummitId,
  seen: SummitData,
  next: SummitData,
  now: Instant,
  locate: Locate,
  issues: Issue[],
): void {
  const created = new Set<string>();
  const meetingOf = (data: SummitData, id: string) => data.meetings.find((m) => m.request === id);
  for (const c of changes(seen.requests, next.requests, (r) => r.id)) {
    const path = locate('requests', c.key, c.index);
    if (c.after === null) {
      issues.push({
        path,
        message: `request ${c.key} is left out: a request is never removed, only withdrawn or declined by its parties`,
      });
      continue;
    }
    const after = c.after;
    if (c.before === null) {
      // as requestMeeting: one who acts on requests for the requester, in its id space, as a draft or sent
      const allowed = asked(issues, path, () =>
        requireCapability(actor, summit, 'act-on-request', after.from),
      );
      if (!allowed) continue;
      issues.push(...requestIdIssues(actor, after.id, after.from).map((i) => ({ ...i, path: `${path}.id` })));
      if (after.status !== 'draft' && after.status !== 'requested') {
        issues.push({
          path: `${path}.status`,
          message: `a new request is a draft or requested; ${after.status} is reached by the parties' own steps`,
        });
      }
      created.add(after.id);
      continue;
    }
    const terms = changedTerms(c.before, after);
    if (terms.length > 0) {
      issues.push({
        path,
        message: `an import may not change the terms of request ${c.key} (${terms.join(', ')}); its parties change them`,
      });
    }
    const conditions = seen.conditions.filter((x) => x.request === c.key);
    const meeting = meetingOf(next, c.key) ?? meetingOf(seen, c.key);
    issues.push(...stepIssues(actor, summit, c.before, after, conditions, meeting, now, path));
  }
  for (const c of changes(seen.conditions, next.conditions, (x) => `${x.request}/${x.id}`)) {
    const condition = c.after ?? c.before;
    if (!condition) continue;
    const path = conditionPath(next, condition, c.index === null, locate);
    const request = next.requests.find((r) => r.id === condition.request);
    // as requestMeeting: a new request may carry its requester's first conditions, still open
    const opening =
      c.before === null &&
      created.has(condition.request) &&
      condition.by === request?.from &&
      condition.status === 'open';
    if (!opening) {
      issues.push({
        path,
        message: `condition ${condition.id} of request ${condition.request}: conditions are proposed and answered by the parties, one step at a time`,
      });
    }
  }
  for (const c of changes(seen.meetings, next.meetings, (m) => m.request)) {
    meetingIssues(actor, summit, c, locate('meetings', c.key, c.index), issues);
  }
}

/** Where a condition is in what was sent: under its request, as a summit file nests it. */
function conditionPath(next: SummitData, condition: Condition, leftOut: boolean, locate: Locate): string {
  const index = next.requests.findIndex((r) => r.id === condition.request);
  const request = locate('requests', condition.request, index < 0 ? null : index);
  if (leftOut || index < 0) return `${request}.conditions`;
  const mine = next.conditions.filter((x) => x.request === condition.request);
  return `${request}.conditions[${mine.findIndex((x) => x.id === condition.id)}]`;
}

/** A meeting placed, moved, pinned or removed needs the host's placement right; slot acceptances and announcements a party's. */
function meetingIssues(
  actor: Actor,
  summit: SummitId,
  c: Change<Meeting>,
  path: string,
  issues: Issue[],
): void {
  const { before, after } = c;
  const place = () => asked(issues, path, () => requireCapability(actor, summit, 'place-meetings'));
  if (before === null || after === null) {
    place();
    if (after && (after.confirmedBy.length > 0 || after.announced)) {
      issues.push({
        path,
        message: `meeting ${c.key}: a placed meeting is accepted and announced by the parties, never by import`,
      });
    }
    return;
  }
  const moved =
    content([before.start, before.end, before.room]) !== content([after.start, after.end, after.room]);
  if (moved || before.pinned !== after.pinned) place();
  // a move clears the slot's acceptances, as placeMeeting does; any other change is a party's own step
  const acceptances = moved ? [] : before.confirmedBy;
  if (content([...after.confirmedBy].sort()) !== content([...acceptances].sort())) {
    issues.push({
      path,
      message: `meeting ${c.key}: each party accepts a slot itself (a moved meeting needs every acceptance again)`,
    });
  }
  if (before.announced !== after.announced)
    issues.push({ path, message: `meeting ${c.key}: a party announces its confirmed meeting itself` });
}
