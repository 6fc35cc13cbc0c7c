// One request as a file or a spreadsheet row states it, checked against the summit and turned
// into domain records. The summit file and the CSV import share this, so both apply the same rules.
import type { ConditionId, DelegationId, PersonId, RequestId, VenueId } from '../../domain/ids.js';
import type { Condition, Request, RequestStatus } from '../../domain/request/schema.js';
import { requestIssues, requestWarnings, type RequestRulesContext } from '../../domain/request/rules.js';
import type { Window } from '../../domain/time.js';
import { Located, Problems } from '../errors.js';
import type { FileCondition, FileRequest } from '../summit-file/schema.js';
import { IdRegistry, type SummitRefs } from './refs.js';
import { readWindowTimes } from './time.js';

/** A request and its conditions, as SummitData holds them. */
export interface ResolvedRequest {
  request: Request;
  conditions: Condition[];
}

/** States in which every party has accepted the request (docs/architecture.md, Request life cycle). */
const ACCEPTED_BY_ALL: ReadonlySet<RequestStatus> = new Set(['agreed', 'scheduled', 'confirmed', 'held']);

/**
 * Who has accepted a request in a given state, as far as a file can tell: every party once agreed;
 * before that, the requester alone once it has sent the request (sending it is its acceptance).
 */
function acceptedFor(status: RequestStatus, parties: DelegationId[]): DelegationId[] {
  if (ACCEPTED_BY_ALL.has(status)) return parties;
  return status === 'draft' ? [] : parties.slice(0, 1);
}

/** The parties of a request: the requester first, then its counterparts. */
export function partiesOf(request: { from: string; to: readonly string[] }): string[] {
  return [...new Set([request.from, ...request.to])];
}

/** The request rules' view of the summit a file or sheet is read against. */
export function rulesContextOfRefs(refs: SummitRefs): RequestRulesContext {
  return {
    grainMinutes: refs.grainMinutes,
    zone: refs.zone,
    hasDelegation: (id) => refs.delegations.has(id),
    hasVenue: (id) => refs.venues.has(id),
    hasPerson: (id) => refs.persons.has(id),
    person: (id) => refs.people.get(id),
    rankParity: refs.rankParity,
  };
}

/**
 * Checks a request by the request rules (src/domain/request/rules.ts, the same the API applies) and
 * builds its records. `fields` are the request's individually valid fields; `complete` says whether
 * the whole record had a valid shape. Null when anything is wrong; every problem is reported
 * through `at`, with its rule's code.
 */
export function resolveRequest(
  fields: Partial<FileRequest>,
  complete: boolean,
  refs: SummitRefs,
  at: Located,
): ResolvedRequest | null {
  const before = at.problems.count;
  const { from, to = [] } = fields;
  const parties = from === undefined ? [...new Set(to)] : partiesOf({ from, to });
  // Times that do not exist are listed after the rules' findings, in the order the keys are read.
  const timeProblems = new Problems();
  const timesAt = new Located(timeProblems, at.locate);
  const allowedTimes =
    fields.allowed === undefined ? null : readWindowTimes(fields.allowed, refs.zone, timesAt, ['allowed']);
  const preferredTimes = readWindowTimes(fields.preferred ?? [], refs.zone, timesAt, ['preferred']);
  const terms = {
    ...fields,
    venue: fields.venue ?? null,
    allowed: allowedTimes,
    preferred: preferredTimes,
  };
  const rules = rulesContextOfRefs(refs);
  const issues = requestIssues(terms, rules);
  for (const i of issues) at.error([...i.path], i.message, i.code);
  for (const e of timeProblems.list) at.problems.add(e.path, e.message, e.code);
  const allowed = allowedTimes === null ? null : allowedTimes.filter((w): w is Window => w !== null);
  const preferred = preferredTimes.filter((w): w is Window => w !== null);
  const conditions =
    fields.id === undefined || from === undefined || fields.to === undefined
      ? []
      : resolveConditions(fields.id, fields.conditions ?? [], parties, at.within(['conditions']));
  if (!complete || at.problems.count > before) return null;
  for (const w of requestWarnings(terms, rules)) refs.warnings.add(at.locate(w.path), w.message, w.code);

  const raw = fields as FileRequest;
  const status = raw.status ?? 'requested';
  const request: Request = {
    id: raw.id as RequestId,
    from: raw.from as DelegationId,
    to: [...raw.to] as DelegationId[],
    format: raw.format,
    level: raw.level,
    minutes: raw.minutes,
    priority: raw.priority,
    topics: [...(raw.topics ?? [])],
    attendees: [...raw.attendees] as PersonId[],
    seats: raw.seats ?? null,
    venue: (raw.venue as VenueId | undefined) ?? null,
    allowed,
    preferred,
    status,
    acceptedBy: acceptedFor(status, parties as DelegationId[]),
    downgrade: null,
    confidential: raw.confidential ?? false,
    needs: [...(raw.needs ?? [])],
    press: raw.press ?? 'closed',
    version: 1,
  };
  return { request, conditions };
}

function resolveConditions(
  request: string,
  list: readonly FileCondition[],
  parties: readonly string[],
  at: Located,
): Condition[] {
  const ids = new IdRegistry('condition');
  return list.map((c, i): Condition => {
    ids.claim(c.id, at, [i, 'id']);
    if (!parties.includes(c.by)) {
      at.error([i, 'by'], `expected a party of this request (${parties.join(', ')}), got "${c.by}"`);
    }
    return {
      id: c.id as ConditionId,
      request: request as RequestId,
      by: c.by as DelegationId,
      kind: c.kind ?? 'other',
      text: c.text,
      status: c.status,
      counters: null,
      version: 1,
    };
  });
}
