// An import by someone who does not see everything changes only what they see: records hidden from
// them (other delegations' busy blocks, confidential requests) stay as they are.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { ValidationError, type Issue } from '../errors.js';
import { fileLocation, type Locate } from './authorise-import.js';
import { visibleSummitData } from './export-summit.js';

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
 * What an import makes of the actor's view (`next`: the file, or the sheet over what the actor sees)
 * with the stored records the actor may not see put back as they are (the system sees everything and
 * gets `next` unchanged). Run after authoriseImport: a record of `next` that takes the id of a hidden
 * one was authorised as a new record, which the id spaces of private records (a request's id starts
 * with its requester's, a busy block's with its delegation's) keep from ever meeting a record hidden
 * from whoever may create it; only ids the system chose outside those spaces can, and they are
 * refused. Removing what a hidden record needs is refused too; no message names a hidden record.
 */
export function keepHidden(
  actor: Actor,
  stored: SummitData,
  next: SummitData,
  locate: Locate = fileLocation,
): SummitData {
  if (actor.system) return next;
  const seen = visibleSummitData(actor, stored);
  const seenBusy = new Set<string>(seen.busy.map((b) => b.id));
  const seenRequests = new Set<string>(seen.requests.map((r) => r.id));
  const hiddenBusy = new Set<string>(stored.busy.filter((b) => !seenBusy.has(b.id)).map((b) => b.id));
  const hiddenRequests = new Set<string>(
    stored.requests.filter((r) => !seenRequests.has(r.id)).map((r) => r.id),
  );
  const taken = (section: 'busy' | 'requests', id: string, index: number): Issue => ({
    path: `${locate(section, id, index)}.id`,
    message: `the id "${id}" cannot be used here; choose another`,
  });
  const issues: Issue[] = [
    ...next.busy.flatMap((b, i) => (hiddenBusy.has(b.id) ? [taken('busy', b.id, i)] : [])),
    ...next.requests.flatMap((r, i) => (hiddenRequests.has(r.id) ? [taken('requests', r.id, i)] : [])),
  ];
  const kept: SummitData = {
    ...stored,
    busy: stored.busy.filter((b) => hiddenBusy.has(b.id)),
    requests: stored.requests.filter((r) => hiddenRequests.has(r.id)),
    conditions: stored.conditions.filter((c) => hiddenRequests.has(c.request)),
    meetings: stored.meetings.filter((m) => hiddenRequests.has(m.request)),
  };
  issues.push(...brokenReferences(kept, next));
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    ...next,
    busy: [...next.busy, ...kept.busy],
    requests: [...next.requests, ...kept.requests],
    conditions: [...next.conditions, ...kept.conditions],
    meetings: [...next.meetings, ...kept.meetings],
  };
}
