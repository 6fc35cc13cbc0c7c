// One request as a file or a spreadsheet row states it, checked against the summit and turned
// into domain records. The summit file and the CSV import share this, so both apply the same rules.
import type { ConditionId, DelegationId, PersonId, RequestId, VenueId } from '../../domain/ids.js';
import type { Condition, Request, RequestStatus } from '../../domain/request/schema.js';
import type { Located } from '../errors.js';
import type { FileCondition, FileRequest } from '../summit-file/schema.js';
import { checkNoRepeats, checkRef, IdRegistry, type SummitRefs } from './refs.js';
import { readWindows } from './time.js';

/** A request and its conditions, as SummitData holds them. */
export interface ResolvedRequest {
  request: Request;
  conditions: Condition[];
}

/** States in which every party has accepted the request (DESIGN.md, life cycle). */
const ACCEPTED_BY_ALL: ReadonlySet<RequestStatus> = new Set(['agreed', 'scheduled', 'confirmed', 'held']);

/** The parties of a request: the requester first, then its counterparts. */
export function partiesOf(request: { from: string; to: readonly string[] }): string[] {
  return [...new Set([request.from, ...request.to])];
}

/**
 * Checks a request's references, windows and rules, and builds its records.
 * Null when anything is wrong; every problem is reported through `at`.
 */
export function resolveRequest(raw: FileRequest, refs: SummitRefs, at: Located): ResolvedRequest | null {
  const before = at.problems.count;
  checkRef(refs.delegations, raw.from, 'delegation', at, ['from']);
  raw.to.forEach((d, i) => {
    if (d === raw.from) at.error(['to', i], `"${d}" is the requesting delegation; to lists its counterparts`);
    else checkRef(refs.delegations, d, 'delegation', at, ['to', i]);
  });
  checkNoRepeats(raw.to, 'delegation', at, ['to']);
  const parties = partiesOf(raw);
  if (raw.format === 'multilateral' && parties.length < 3) {
    at.error(['to'], `a multilateral meeting needs 3 or more parties, got ${parties.length}`);
  }
  const grain = refs.grainMinutes;
  if (grain !== null && raw.minutes % grain !== 0) {
    at.error(['minutes'], `expected a multiple of grainMinutes (${grain}), got ${raw.minutes}`);
  }
  raw.attendees.forEach((p, i) => checkRef(refs.persons, p, 'person', at, ['attendees', i]));
  checkNoRepeats(raw.attendees, 'person', at, ['attendees']);
  if (raw.venue !== undefined) checkRef(refs.venues, raw.venue, 'venue', at, ['venue']);
  const allowed = raw.allowed === undefined ? null : readWindows(raw.allowed, refs.zone, at, ['allowed']);
  const preferred = readWindows(raw.preferred ?? [], refs.zone, at, ['preferred']);
  const conditions = resolveConditions(raw, parties, at.within(['conditions']));
  if (at.problems.count > before) return null;

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
    acceptedBy: ACCEPTED_BY_ALL.has(status) ? (parties as DelegationId[]) : [],
    downgrade: null,
    confidential: raw.confidential ?? false,
    version: 1,
  };
  return { request, conditions };
}

function resolveConditions(raw: FileRequest, parties: readonly string[], at: Located): Condition[] {
  const ids = new IdRegistry('condition');
  return (raw.conditions ?? []).map((c: FileCondition, i): Condition => {
    ids.claim(c.id, at, [i, 'id']);
    if (!parties.includes(c.by)) {
      at.error([i, 'by'], `expected a party of this request (${parties.join(', ')}), got "${c.by}"`);
    }
    return {
      id: c.id as ConditionId,
      request: raw.id as RequestId,
      by: c.by as DelegationId,
      kind: c.kind ?? 'other',
      text: c.text,
      status: c.status,
      counters: null,
      version: 1,
    };
  });
}
