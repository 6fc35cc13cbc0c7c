// Builds the grid's rows and blocks from API records: rooms with their meetings for the host, a
// delegation's persons with their agendas for its members.
import type {
  CalendarEntry,
  Delegation,
  Engagement,
  MeetingRequest,
  Person,
  Room,
  Venue,
} from '../../api/models';
import type { Span } from './grid-model';
import type { GridBlock, GridRow } from './TimeGrid';

/** The row that holds pull-asides (meetings without a room). */
export const NO_ROOM = '__no-room__';

/** A short label for a meeting: "USA–RUS". */
export function meetingLabel(requestId: string, request: MeetingRequest | undefined): string {
  if (!request) return requestId;
  return [request.from, ...request.to].map((d) => d.toUpperCase()).join('–');
}

/** Rooms by venue then name, with a row for pull-asides when there are any. */
export function roomRows(
  rooms: readonly Room[],
  venues: ReadonlyMap<string, Venue>,
  withPullAsides: boolean,
): GridRow[] {
  const rows = [...rooms]
    .sort((a, b) => a.venue.localeCompare(b.venue) || a.name.localeCompare(b.name))
    .map((r) => ({
      id: r.id,
      label: r.name,
      sub: `${venues.get(r.venue)?.name ?? r.venue} · ${r.capacity} seats${r.delegation ? ` · lent to ${r.delegation.toUpperCase()}` : ''}`,
    }));
  return withPullAsides ? [{ id: NO_ROOM, label: 'No room', sub: 'Pull-asides' }, ...rows] : rows;
}

/**
 * The calendar as blocks on room rows: meetings (movable unless pinned or confirmed) and the busy
 * time of meetings the viewer may not read (a confidential one booking a room shows as busy there).
 */
export function calendarBlocks(entries: readonly CalendarEntry[], canMove: boolean): GridBlock[] {
  const out: GridBlock[] = [];
  entries.forEach((e, n) => {
    if (e.kind === 'meeting') {
      const confirmed = e.status === 'confirmed' || e.status === 'held';
      out.push({
        key: `m:${e.request}`,
        row: e.room ?? NO_ROOM,
        from: Date.parse(e.start),
        to: Date.parse(e.end),
        kind: 'meeting',
        label: e.parties.map((d) => d.toUpperCase()).join('–'),
        request: e.request,
        movable: canMove && !e.pinned && !confirmed,
        confirmed,
        pinned: e.pinned,
      });
    } else if (e.room) {
      out.push({
        key: `b:${e.room}:${e.start}:${n}`,
        row: e.room,
        from: Date.parse(e.start),
        to: Date.parse(e.end),
        kind: 'busy',
        label: 'Busy',
        movable: false,
      });
    }
  });
  return out;
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
  requests: ReadonlyMap<string, MeetingRequest>,
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
        const r = requests.get(e.request);
        return {
          ...base,
          kind: 'meeting' as const,
          label: meetingLabel(e.request, r),
          request: e.request,
          confirmed: r ? r.status === 'confirmed' || r.status === 'held' : false,
        };
      }
      case 'programme':
        return { ...base, kind: 'programme' as const, label: e.title };
      case 'private':
        return { ...base, kind: 'private' as const, label: e.label ?? 'Private' };
      case 'busy':
        return { ...base, kind: 'busy' as const, label: 'Busy' };
    }
  });
}
