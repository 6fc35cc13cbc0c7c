// Requests a planner may not see, turned into what they are to the planner: time taken, nothing more.
import type { BusyId, PersonId, VenueId } from '../../domain/ids.js';
import type { Room, Busy } from '../../domain/summit/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import {
  dayWindows,
  instantFromMillis,
  instantMillis,
  type Instant,
  type Window,
} from '../../domain/time.js';
import { PLACEABLE_STATES } from '../../engine/model/compile.js';

const DAY = 86_400_000;

/** A span of instants in milliseconds. */
type Span = [from: number, to: number];

/** The windows of `windows` with `taken` cut out. */
function cut(windows: readonly Window[], taken: Span): Window[] {
  const out: Window[] = [];
  for (const w of windows) {
    const from = instantMillis(w.from);
    const to = instantMillis(w.to);
    if (taken[1] <= from || to <= taken[0]) {
      out.push(w);
      continue;
    }
    if (from < taken[0]) out.push({ from: w.from, to: instantFromMillis(taken[0]) } as Window);
    if (taken[1] < to) out.push({ from: instantFromMillis(taken[1]), to: w.to } as Window);
  }
  return out;
}

/** A room's availability as windows; "always" becomes the summit's days with a day either side. */
function windowsOf(room: Room, always: Span): Window[] {
  if (room.available !== null) return room.available;
  return [{ from: instantFromMillis(always[0]), to: instantFromMillis(always[1]) } as Window];
}

/**
 * The summit without the requests of `hidden`, whose meetings stay as fixed occupancy: each
 * attendee is busy then (at the meeting's venue, with no label and an id no record can have) and
 * the room is unavailable then, with the summit's room turnover either side. The engine works around them, but cannot move, count, place or
 * name them. Meetings of requests the engine would not plan (held ones) block nothing, as before.
 */
export function withHiddenAsOccupancy(data: SummitData, hidden: ReadonlySet<string>): SummitData {
  if (hidden.size === 0) return data;
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const rooms = new Map(data.rooms.map((r) => [r.id as string, r]));
  const busy: Busy[] = [];
  const taken = new Map<string, Span[]>();
  for (const m of data.meetings) {
    const request = requests.get(m.request);
    if (!request || !hidden.has(request.id) || !PLACEABLE_STATES.has(request.status)) continue;
    const room = m.room === null ? undefined : rooms.get(m.room);
    const venue = (room?.venue ?? request.venue) as VenueId | null;
    for (const person of request.attendees) {
      busy.push({
        id: `~occupied-${busy.length + 1}` as BusyId,
        person: person as PersonId,
        from: m.start,
        to: m.end,
        venue,
        label: null,
        version: 1,
      });
    }
    // The room's turnover either side is taken too, as it would be next to a meeting one may see.
    const turnover = data.summit.roomTurnoverMinutes * 60_000;
    const span: Span = [instantMillis(m.start) - turnover, instantMillis(m.end) + turnover];
    if (room) taken.set(room.id, [...(taken.get(room.id) ?? []), span]);
  }
  const days = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone);
  const spans = [...taken.values()].flat();
  const always: Span = [
    Math.min(instantMillis(days[0]!.from as Instant), ...spans.map((s) => s[0])) - DAY,
    Math.max(instantMillis(days[days.length - 1]!.to as Instant), ...spans.map((s) => s[1])) + DAY,
  ];
  return {
    ...data,
    requests: data.requests.filter((r) => !hidden.has(r.id)),
    conditions: data.conditions.filter((c) => !hidden.has(c.request)),
    meetings: data.meetings.filter((m) => !hidden.has(m.request)),
    busy: [...data.busy, ...busy],
    rooms: data.rooms.map((room) => {
      const blocks = taken.get(room.id);
      return blocks ? { ...room, available: blocks.reduce(cut, windowsOf(room, always)) } : room;
    }),
  };
}
