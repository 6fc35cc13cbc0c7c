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

/**
 * Checks a request's references, windows and rules, and builds its records. `fields` are the
 * request's individually valid fields; `complete` says whether the whole record had a valid
 * shape. Null when anything is wrong; every problem is reported through `at`.
 */
export function resolveRequest(
  fields: Partial<FileRequest>,
  complete: boolean,
  refs: SummitRefs,
  at: Located,
): ResolvedRequest | null {
  const before = at.problems.count;
  const { from, to = [] } = fields;
  if (from !== undefined) checkRef(refs.delegations, from, 'delegation', at, ['from']);
  to.forEach((d, i) => {
    if (d === from) at.error(['to', i], `"${d}" is the requesting delegation; to lists its counterparts`);
    else checkRef(refs.delegations, d, 'delegation', at, ['to', i]);
  });
  checkNoRepeats(to, 'delegation', at, ['to']);
  const parties = from === undefined ? [...new Set(to)] : partiesOf({ from, to });
  if (
    fields.format === 'multilateral' &&
    from !== undefined &&
    fields.to !== undefined &&
    parties.length < 3
  ) {
    at.error(['to'], `a multilateral meeting needs 3 or more parties, got ${parties.length}`);
  }
  const grain = refs.grainMinutes;
  if (grain !== null && fields.minutes !== undefined && fields.minutes % grain !== 0) {
    const below = Math.floor(fields.minutes / grain) * grain;
    const near = below > 0 ? `${below} or ${below + grain}` : `${grain}`;
    at.error(
      ['minutes'],
      `expected a multiple of the summit's ${grain}-minute grain, such as ${near}, got ${fields.minutes}`,
    );
  }
  const attendees = fields.attendees ?? [];
  attendees.forEach((p, i) => checkRef(refs.persons, p, 'person', at, ['attendees', i]));
  checkNoRepeats(attendees, 'person', at, ['attendees']);
  if (fields.venue !== undefined) checkRef(refs.venues, fields.venue, 'venue', at, ['venue']);
  const allowed =
    fields.allowed === undefined ? null : readWindows(fields.allowed, refs.zone, at, ['allowed']);
  const preferred = readWindows(fields.preferred ?? [], refs.zone, at, ['preferred']);
  const conditions =
    fields.id === undefined || from === undefined || fields.to === undefined
      ? []
      : resolveConditions(fields.id, fields.conditions ?? [], parties, at.within(['conditions']));
  if (!complete || at.problems.count > before) return null;

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
