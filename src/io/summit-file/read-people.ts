// The delegations with their persons, the official programme, and persons' busy blocks.
import type { BusyId, DelegationId, PersonId, ProgrammeEventId, VenueId } from '../../domain/ids.js';
import type { Busy, Delegation, Person, PersonRole, ProgrammeEvent } from '../../domain/summit/schema.js';
import type { Located } from '../errors.js';
import { parseFields } from '../resolve/issues.js';
import { checkNoRepeats, checkRef, rawId } from '../resolve/refs.js';
import type { Instant } from '../../domain/time.js';
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
    const { record: d, fields } = parseFields(FileDelegation, raw, at);
    const before = ctx.problems.count;
    const presence =
      fields.presence === undefined ? null : readWindows(fields.presence, ctx.zone, at, ['presence']);
    if (fields.languages !== undefined) checkNoRepeats(fields.languages, 'language', at, ['languages']);
    const delegation = fields.id ?? '';
    const own: Person[] = [];
    if (fields.principal) {
      own.push(toPerson(fields.principal, delegation, 'principal', ctx, at.within(['principal'])));
    }
    (fields.members ?? []).forEach((m, j) =>
      own.push(toPerson(m, delegation, 'member', ctx, at.within(['members', j]))),
    );
    if (!d || ctx.problems.count > before) return;
    persons.push(...own);
    delegations.push({
      id: d.id as DelegationId,
      name: d.name,
      principal: d.principal.id as PersonId,
      presence,
      languages: d.languages === undefined ? null : [...d.languages],
      interpreters: d.interpreters ?? null,
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
  if (p.languages !== undefined) checkNoRepeats(p.languages, 'language', at, ['languages']);
  // Requests check their attendees' delegations and ranks; the first delegation to list a person keeps it.
  if (delegation !== '' && !ctx.people.has(p.id)) ctx.people.set(p.id, { delegation, rank: p.rank ?? null });
  return {
    id: p.id as PersonId,
    delegation: delegation as DelegationId,
    name: p.name,
    title: p.title ?? null,
    role,
    presence: p.presence === undefined ? null : readWindows(p.presence, ctx.zone, at, ['presence']),
    languages: p.languages === undefined ? null : [...p.languages],
    rank: p.rank ?? null,
    version: 1,
  };
}

/** Reads the programme section (official events). */
export function readProgramme(items: readonly unknown[], ctx: FileContext): ProgrammeEvent[] {
  const out: ProgrammeEvent[] = [];
  eachItem(items, 'programme', ctx, ctx.programme, (raw, at) => {
    const { record: e, fields } = parseFields(FileProgrammeEvent, raw, at);
    const before = ctx.problems.count;
    if (fields.venue !== undefined) checkRef(ctx.venues, fields.venue, 'venue', at, ['venue']);
    if (Array.isArray(fields.attendees)) {
      fields.attendees.forEach((p, i) => checkRef(ctx.persons, p, 'person', at, ['attendees', i]));
      checkNoRepeats(fields.attendees, 'person', at, ['attendees']);
    }
    const { from, to } = readSpan(fields, ctx, at);
    if (!e || ctx.problems.count > before || from === null || to === null) return;
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
    const { record: b, fields } = parseFields(FileBusy, raw, at);
    const before = ctx.problems.count;
    if (fields.person !== undefined) checkRef(ctx.persons, fields.person, 'person', at, ['person']);
    if (fields.venue !== undefined) checkRef(ctx.venues, fields.venue, 'venue', at, ['venue']);
    const { from, to } = readSpan(fields, ctx, at);
    if (!b) return;
    const id = b.id ?? generatedBusyId(b.person, n);
    if (b.id === undefined) ctx.busy.claim(id, at, []);
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

/** The `from` and `to` of an event or block as instants, `to` after `from`; null where invalid. */
function readSpan(
  fields: { from?: string; to?: string },
  ctx: FileContext,
  at: Located,
): { from: Instant | null; to: Instant | null } {
  const from = fields.from === undefined ? null : readTime(fields.from, ctx.zone, at, ['from']);
  const to = fields.to === undefined ? null : readTime(fields.to, ctx.zone, at, ['to']);
  if (from !== null && to !== null && fields.from !== undefined && fields.to !== undefined) {
    if (!checkAfter(from, to, { from: fields.from, to: fields.to }, at, ['to']))
      return { from: null, to: null };
  }
  return { from, to };
}
