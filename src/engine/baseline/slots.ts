// The parts of a request's search that never change while a plan grows: the starts its time
// rules allow, and the rooms that could hold it, grouped by venue.
import type { Request } from '../../domain/request/schema.js';
import type { Room } from '../../domain/summit/schema.js';
import type { SummitIndex } from '../check/summit-index.js';
import { ms, partiesOf, seatsOf } from '../check/summit-index.js';
import type { Span } from '../check/spans.js';
import { MINUTE_MS, coveredBy, mergeSpans } from '../check/spans.js';

/** Every start on the grid, in time order, where the request fits a day window, its allowed windows and every attendee's presence. */
export function allowedStarts(index: SummitIndex, request: Request): number[] {
  const length = request.minutes * MINUTE_MS;
  const allowed =
    request.allowed === null
      ? null
      : mergeSpans(request.allowed.map((w) => ({ from: ms(w.from), to: ms(w.to) })));
  const presences = [...new Set<string>(request.attendees)]
    .map((p) => index.presence(p))
    .filter((w): w is readonly Span[] => w !== null);
  const out: number[] = [];
  for (const day of index.days) {
    for (let s = day.from; s + length <= day.to; s += index.grainMs) {
      const span = { from: s, to: s + length };
      if (allowed && !coveredBy(span, allowed)) continue;
      if (presences.some((w) => !coveredBy(span, w))) continue;
      out.push(s);
    }
  }
  return out;
}

/** Rooms at one venue that could hold the request, in the summit's room order, with their merged availability. */
export interface RoomGroup {
  venue: string | null;
  rooms: { room: Room; available: Span[] | null }[];
}

/**
 * Where the request may take place: for a pull-aside, one group without rooms at its venue (if any);
 * otherwise the rooms that suit its venue, seats and lending, grouped by venue.
 */
export function roomGroups(index: SummitIndex, request: Request): RoomGroup[] {
  if (request.format === 'pull-aside') return [{ venue: request.venue, rooms: [] }];
  const parties = partiesOf(request);
  const seats = seatsOf(request);
  const groups = new Map<string, RoomGroup>();
  for (const room of index.data.rooms) {
    if (request.venue !== null && room.venue !== request.venue) continue;
    if (room.capacity < seats) continue;
    if (room.delegation !== null && !parties.includes(room.delegation)) continue;
    if (!request.needs.every((n) => room.features.includes(n))) continue;
    const available =
      room.available === null
        ? null
        : mergeSpans(room.available.map((w) => ({ from: ms(w.from), to: ms(w.to) })));
    const group = groups.get(room.venue) ?? { venue: room.venue, rooms: [] };
    group.rooms.push({ room, available });
    groups.set(room.venue, group);
  }
  return [...groups.values()];
}
