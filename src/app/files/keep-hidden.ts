// An import by someone who does not see everything changes only what they see: records hidden from
// them (other delegations' busy blocks, confidential requests) stay as they are.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { ValidationError, type Issue } from '../errors.js';
import { visibleSummitData } from './export-summit.js';

/** JSON with sorted keys and no versions, so a record compares equal however it was read. */
function content(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(content).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'version' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${content(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const TAKEN = 'a record you cannot see has this id: send it unchanged, or choose another id';

/** A hidden request with what hangs on it, as one comparable text. */
function requestContent(data: SummitData, id: string): string {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return content({
    request: data.requests.find((r) => r.id === id),
    conditions: data.conditions.filter((c) => c.request === id).sort(byId),
    meeting: data.meetings.find((m) => m.request === id) ?? null,
  });
}

/** The references of the kept records the new data no longer holds, naming only the reference. */
function brokenReferences(kept: SummitData, data: SummitData): Issue[] {
  const has = (list: readonly { id: string }[]) => new Set<string>(list.map((r) => r.id));
  const known: Record<string, Set<string>> = {
    persons: has(data.persons),
    venues: has(data.venues),
    delegations: has(data.delegations),
    rooms: has(data.rooms),
  };
  const missing = new Map<string, Set<string>>();
  const need = (section: string, id: string | null) => {
    if (id === null || known[section]?.has(id)) return;
    missing.set(section, (missing.get(section) ?? new Set()).add(id));
  };
  for (const b of kept.busy) {
    need('persons', b.person);
    need('venues', b.venue);
  }
  for (const r of kept.requests) {
    for (const d of [r.from, ...r.to]) need('delegations', d);
    for (const p of r.attendees) need('persons', p);
    need('venues', r.venue);
  }
  for (const m of kept.meetings) need('rooms', m.room);
  return [...missing].flatMap(([section, ids]) =>
    [...ids].map((id) => ({
      path: section,
      message: `"${id}" must stay: records you cannot see refer to it`,
    })),
  );
}

/**
 * The file's data with the stored records the actor may not see put back as they are (an operator
 * sees everything and gets the file unchanged). The file may leave hidden records out or carry them
 * unchanged; one that changes a hidden record (reuses its id) or removes something a hidden record
 * needs is refused, and the messages name the file's path, never the hidden record.
 */
export function keepHidden(actor: Actor, stored: SummitData, file: SummitData): SummitData {
  if (actor.system) return file;
  const seen = visibleSummitData(actor, stored);
  const seenBusy = new Set<string>(seen.busy.map((b) => b.id));
  const seenRequests = new Set<string>(seen.requests.map((r) => r.id));
  const hiddenBusy = new Map(stored.busy.filter((b) => !seenBusy.has(b.id)).map((b) => [b.id as string, b]));
  const hiddenRequests = new Set<string>(
    stored.requests.filter((r) => !seenRequests.has(r.id)).map((r) => r.id),
  );
  const issues: Issue[] = [];
  file.busy.forEach((b, i) => {
    const hidden = hiddenBusy.get(b.id);
    if (hidden && content(hidden) !== content(b)) issues.push({ path: `busy[${i}].id`, message: TAKEN });
  });
  file.requests.forEach((r, i) => {
    if (hiddenRequests.has(r.id) && requestContent(stored, r.id) !== requestContent(file, r.id))
      issues.push({ path: `requests[${i}].id`, message: TAKEN });
  });
  const kept: SummitData = {
    ...stored,
    busy: [...hiddenBusy.values()],
    requests: stored.requests.filter((r) => hiddenRequests.has(r.id)),
    conditions: stored.conditions.filter((c) => hiddenRequests.has(c.request)),
    meetings: stored.meetings.filter((m) => hiddenRequests.has(m.request)),
  };
  issues.push(...brokenReferences(kept, file));
  if (issues.length > 0) throw new ValidationError(issues);
  // the stored copy of each hidden record replaces whatever identical copy the file carried
  return {
    ...file,
    busy: [...file.busy.filter((b) => !hiddenBusy.has(b.id)), ...kept.busy],
    requests: [...file.requests.filter((r) => !hiddenRequests.has(r.id)), ...kept.requests],
    conditions: [...file.conditions.filter((c) => !hiddenRequests.has(c.request)), ...kept.conditions],
    meetings: [...file.meetings.filter((m) => !hiddenRequests.has(m.request)), ...kept.meetings],
  };
}

/**
 * For a sheet that adds and replaces requests: refuses any row that would change a request the actor
 * cannot see (else the host could overwrite, and so expose, a confidential request by guessing its id).
 */
export function refuseHiddenReplacements(actor: Actor, stored: SummitData, next: SummitData): SummitData {
  if (actor.system) return next;
  const seen = new Set<string>(visibleSummitData(actor, stored).requests.map((r) => r.id));
  const before = new Map(stored.requests.map((r) => [r.id as string, content(r)]));
  const issues = next.requests.flatMap((r) =>
    !seen.has(r.id) && before.has(r.id) && before.get(r.id) !== content(r)
      ? [{ path: 'id', message: `request id "${r.id}": ${TAKEN}` }]
      : [],
  );
  if (issues.length > 0) throw new ValidationError(issues);
  return next;
}
