// The delegations with their persons, the official programme, and persons' busy blocks.
import type { BusyId, DelegationId, PersonId, ProgrammeEventId, VenueId } from '../../domain/ids.js';
import type { Busy, Delegation, Person, PersonRole, ProgrammeEvent } from '../../domain/summit/schema.js';
import type { Located } from '../errors.js';
import { parseRecord } from '../resolve/issues.js';
import { checkNoRepeats, checkRef, rawId } from '../resolve/refs.js';
import { checkAfter, readTime, readWindows } from '../resolve/time.js';
import { eachItem, type FileContext } from './context.js';
import { FileBusy, FileDelegation, FileProgrammeEvent, type FilePerson } from './schema.js';

/** The id a busy block gets when the file gives none: its person's n-th block, counting from 1. */
export function generatedBusyId(person: string, n: number): string {
  return `busy-${person}-${n}`;
}

/** Reads the delegations section into delegations and their persons (principal first). */
export function readDelegations(
  items: readonly unknown[],
  ctx: FileContext,
): { delegations: Delegation[]; persons: Person[] } {
  const delegations: Delegation[] = [];
  const persons: Person[] = [];
  eachItem(items, 'delegations', ctx, ctx.delegations, (raw, at) => {
    claimPersonIds(raw, ctx, at);
    const d = parseRecord(FileDelegation, raw, at);
    if (!d) return;
    const before = ctx.problems.count;
    const presence = d.presence === undefined ? null : readWindows(d.presence, ctx.zone, at, ['presence']);
    const own = [
      toPerson(d.principal, d.id, 'principal', ctx, at.within(['principal'])),
      ...(d.members ?? []).map((m, j) => toPerson(m, d.id, 'member', ctx, at.within(['members', j]))),
    ];
    if (ctx.problems.count > before) return;
    persons.push(...own);
    delegations.push({
      id: d.id as DelegationId,
      name: d.name,
      principal: d.principal.id as PersonId,
      presence,
      version: 1,
    });
  });
  return { delegations, persons };
}

/** Persons are unique across every delegation; their ids are claimed before the shape is checked. */
function claimPersonIds(raw: unknown, ctx: FileContext, at: Located): void {
  if (typeof raw !== 'object' || raw === null) return;
  const { principal, members } = raw as { principal?: unknown; members?: unknown };
  const id = rawId(principal);
  if (id !== null) ctx.persons.claim(id, at, ['principal', 'id']);
  if (!Array.isArray(members)) return;
  members.forEach((m, j) => {
    const mid = rawId(m);
    if (mid !== null) ctx.persons.claim(mid, at, ['members', j, 'id']);
  });
}

function toPerson(
  p: FilePerson,
  delegation: string,
  role: PersonRole,
  ctx: FileContext,
  at: Located,
): Person {
  return {
    id: p.id as PersonId,
    delegation: delegation as DelegationId,
    name: p.name,
    title: p.title ?? null,
    role,
    presence: p.presence === undefined ? null : readWindows(p.presence, ctx.zone, at, ['presence']),
    version: 1,
  };
}

/** Reads the programme section (official events). */
export function readProgramme(items: readonly unknown[], ctx: FileContext): ProgrammeEvent[] {
  const out: ProgrammeEvent[] = [];
  eachItem(items, 'programme', ctx, ctx.programme, (raw, at) => {
    const e = parseRecord(FileProgrammeEvent, raw, at);
    if (!e) return;
    const before = ctx.problems.count;
    if (e.venue !== undefined) checkRef(ctx.venues, e.venue, 'venue', at, ['venue']);
    if (e.attendees !== 'principals') {
      e.attendees.forEach((p, i) => checkRef(ctx.persons, p, 'person', at, ['attendees', i]));
      checkNoRepeats(e.attendees, 'person', at, ['attendees']);
    }
    const from = readTime(e.from, ctx.zone, at, ['from']);
    const to = readTime(e.to, ctx.zone, at, ['to']);
    if (from !== null && to !== null) checkAfter(from, to, e, at, ['to']);
    if (ctx.problems.count > before || from === null || to === null) return;
    out.push({
      id: e.id as ProgrammeEventId,
      title: e.title,
      venue: (e.venue as VenueId | undefined) ?? null,
      from,
      to,
      attendees: e.attendees === 'principals' ? 'principals' : ([...e.attendees] as PersonId[]),
      encounter: e.encounter ?? false,
      version: 1,
    });
  });
  return out;
}

/** Reads the busy section; a block without an id gets `busy-<person>-<n>`. */
export function readBusy(items: readonly unknown[], ctx: FileContext): Busy[] {
  const out: Busy[] = [];
  const counts = new Map<string, number>();
  eachItem(items, 'busy', ctx, ctx.busy, (raw, at) => {
    const person = rawId(raw, 'person');
    const n = person === null ? 0 : (counts.get(person) ?? 0) + 1;
    if (person !== null) counts.set(person, n);
    const b = parseRecord(FileBusy, raw, at);
    if (!b) return;
    const before = ctx.problems.count;
    const id = b.id ?? generatedBusyId(b.person, n);
    if (b.id === undefined) ctx.busy.claim(id, at, []);
    checkRef(ctx.persons, b.person, 'person', at, ['person']);
    if (b.venue !== undefined) checkRef(ctx.venues, b.venue, 'venue', at, ['venue']);
    const from = readTime(b.from, ctx.zone, at, ['from']);
    const to = readTime(b.to, ctx.zone, at, ['to']);
    if (from !== null && to !== null) checkAfter(from, to, b, at, ['to']);
    if (ctx.problems.count > before || from === null || to === null) return;
    out.push({
      id: id as BusyId,
      person: b.person as PersonId,
      from,
      to,
      venue: (b.venue as VenueId | undefined) ?? null,
      label: b.label ?? null,
      version: 1,
    });
  });
  return out;
}
