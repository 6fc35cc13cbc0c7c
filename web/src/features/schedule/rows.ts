// Builds the grid's rows and blocks from API records, in names: rooms with their meetings for the
// host, a delegation's persons with their agendas for its members, and a plan's proposal as ghost
// blocks over the calendar.
import type {
  CalendarEntry,
  Delegation,
  Engagement,
  Person,
  PlanDiff,
  Placement,
  Room,
} from '../../api/models';
import type { SummitNames } from '../../lib/names';
import type { Span } from './grid-model';
import type { GridBlock, GridRow } from './TimeGrid';

/** The row that holds pull-asides (meetings without a room). */
export const NO_ROOM = '__no-room__';

/** Why a meeting starting at `start` (ms) is late in the day, or null. */
export type LateOf = (start: number) => string | null;

/** The requests named by calendar meetings, as the words module takes them (parties and format). */
export function requestsOfCalendar(
  entries: readonly CalendarEntry[],
): { id: string; from: string; to: string[]; format: string }[] {
  return entries.flatMap((e) =>
    e.kind === 'meeting' && e.parties.length > 0
      ? [{ id: e.request, from: e.parties[0]!, to: e.parties.slice(1), format: e.format }]
      : [],
  );
}

/** Rooms by venue then name, with a row for pull-asides when there are any. */
export function roomRows(rooms: readonly Room[], names: SummitNames, withPullAsides: boolean): GridRow[] {
  const rows = [...rooms]
    .sort((a, b) => names.venue(a.venue).localeCompare(names.venue(b.venue)) || a.name.localeCompare(b.name))
    .map((r) => ({
      id: r.id,
      label: r.name,
      sub: `${names.venue(r.venue)} · ${r.capacity} seats${r.delegation ? ` · lent to ${names.delegation(r.delegation)}` : ''}`,
    }));
  return withPullAsides ? [{ id: NO_ROOM, label: 'No room', sub: 'Pull-asides' }, ...rows] : rows;
}

/**
 * The calendar as blocks on room rows: meetings (movable unless pinned or confirmed) and the busy
 * time of meetings the viewer may not read (a confidential one booking a room shows as busy there).
 */
export function calendarBlocks(
  entries: readonly CalendarEntry[],
  canMove: boolean,
  names: SummitNames,
  lateOf: LateOf,
): GridBlock[] {
  const out: GridBlock[] = [];
  entries.forEach((e, n) => {
    if (e.kind === 'meeting') {
      const confirmed = e.status === 'confirmed' || e.status === 'held';
      const from = Date.parse(e.start);
      out.push({
        key: `m:${e.request}`,
        row: e.room ?? NO_ROOM,
        from,
        to: Date.parse(e.end),
        kind: 'meeting',
        label: names.parties(e.request),
        title: names.meeting(e.request),
        request: e.request,
        movable: canMove && !e.pinned && !confirmed,
        confirmed,
        pinned: e.pinned,
        ...(lateOf(from) ? { late: lateOf(from)! } : {}),
      });
    } else if (e.room) {
      out.push({
        key: `b:${e.room}:${e.start}:${n}`,
        row: e.room,
        from: Date.parse(e.start),
        to: Date.parse(e.end),
        kind: 'busy',
        label: 'Busy',
        title: 'Busy (a meeting you may not read)',
        movable: false,
      });
    }
  });
  return out;
}

/**
 * A plan's proposal over the calendar's blocks: placed and moved-to meetings as ghost blocks, and
 * the meetings it would move away or take off marked on their own blocks.
 */
export function withProposal(
  blocks: readonly GridBlock[],
  diff: PlanDiff | null,
  names: SummitNames,
  lateOf: LateOf,
): GridBlock[] {
  if (!diff) return [...blocks];
  const moving = new Set(diff.moved.map((m) => m.from.request));
  const removing = new Set(diff.removed.map((p) => p.request));
  const marked = blocks.map((b) =>
    b.request && moving.has(b.request)
      ? { ...b, proposal: 'moving' as const, movable: false }
      : b.request && removing.has(b.request)
        ? { ...b, proposal: 'removing' as const, movable: false }
        : b,
  );
  const ghost = (p: Placement, change: 'placed' | 'moved'): GridBlock => {
    const from = Date.parse(p.start);
    const late = lateOf(from);
    return {
      key: `p:${p.request}`,
      row: p.room ?? NO_ROOM,
      from,
      to: Date.parse(p.end),
      kind: 'proposed',
      change,
      label: names.knowsRequest(p.request) ? names.parties(p.request) : 'Proposed',
      title: names.knowsRequest(p.request) ? names.meeting(p.request) : 'A proposed meeting',
      request: p.request,
      movable: false,
      ...(late ? { late } : {}),
    };
  };
  return [
    ...marked,
    ...diff.placed.map((p) => ghost(p, 'placed')),
    ...diff.moved.map((m) => ghost(m.to, 'moved')),
  ];
}

/** The spans of [from, to) a room is not available (null availability = always open). */
export function closedSpans(room: Room, from: number, to: number): Span[] {
  if (room.available === null) return [];
  const open = room.available
    .map((w) => ({ from: Math.max(from, Date.parse(w.from)), to: Math.min(to, Date.parse(w.to)) }))
    .filter((w) => w.to > w.from)
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  let at = from;
  for (const w of open) {
    if (w.from > at) out.push({ from: at, to: w.from });
    at = Math.max(at, w.to);
  }
  if (at < to) out.push({ from: at, to });
  return out;
}

/** A delegation's persons, principal first. */
export function personRows(persons: readonly Person[], delegation: Delegation | undefined): GridRow[] {
  return persons
    .filter((p) => p.delegation === delegation?.id)
    .sort(
      (a, b) =>
        Number(b.id === delegation?.principal) - Number(a.id === delegation?.principal) ||
        a.name.localeCompare(b.name),
    )
    .map((p) => ({
      id: p.id,
      label: p.name,
      sub: p.title ?? (p.role === 'principal' ? 'Principal' : 'Member'),
    }));
}

/** One person's agenda as blocks on their row (never movable: the host places meetings). */
export function agendaBlocks(
  person: string,
  agenda: readonly Engagement[],
  names: SummitNames,
  confirmed: (request: string) => boolean,
  lateOf: LateOf,
): GridBlock[] {
  return agenda.map((e, n) => {
    const base = {
      key: `${person}:${n}:${e.from}`,
      row: person,
      from: Date.parse(e.from),
      to: Date.parse(e.to),
      movable: false,
    };
    switch (e.kind) {
      case 'meeting': {
        const late = lateOf(base.from);
        const known = names.knowsRequest(e.request);
        return {
          ...base,
          key: `${person}:m:${e.request}`,
          kind: 'meeting' as const,
          label: known ? names.parties(e.request) : 'Meeting',
          title: known ? names.meeting(e.request) : 'Meeting',
          request: e.request,
          confirmed: confirmed(e.request),
          ...(late ? { late } : {}),
        };
      }
      case 'programme':
        return { ...base, kind: 'programme' as const, label: e.title, title: e.title };
      case 'private':
        return {
          ...base,
          kind: 'private' as const,
          label: e.label ?? 'Private',
          title: e.label ?? 'Private commitment',
        };
      case 'busy':
        return { ...base, kind: 'busy' as const, label: 'Busy', title: 'Busy' };
    }
  });
}
