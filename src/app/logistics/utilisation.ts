// How full each room is, day by day: the host's view for balancing rooms.
import type { Actor } from '../../domain/actor/schema.js';
import type { RoomId, SummitId } from '../../domain/ids.js';
import { intersectSpans, toSpans, type Span } from '../../domain/summit/presence.js';
import type { Room } from '../../domain/summit/schema.js';
import { dayWindows } from '../../domain/time.js';
import { requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';

/** One room on one summit day. */
export interface RoomDay {
  room: RoomId;
  /** The summit day, `YYYY-MM-DD` in the summit's zone. */
  date: string;
  /** Minutes of the day window the room is available. */
  availableMinutes: number;
  /** Of those, minutes taken by meetings (overlapping meetings count once). */
  bookedMinutes: number;
  /** bookedMinutes / availableMinutes, or null when the room is not available that day. */
  ratio: number | null;
}

/** Merges overlapping spans, so a double-booked minute is counted once. */
function union(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

const minutes = (spans: readonly Span[]) => spans.reduce((sum, s) => sum + (s.to - s.from), 0) / 60_000;

/** Per room and summit day, booked minutes against available minutes; the host's staff may read it. */
export async function roomUtilisation(ctx: AppContext, actor: Actor, summit: SummitId): Promise<RoomDay[]> {
  requireParticipant(actor, summit);
  requireCapability(actor, summit, 'read-logistics');
  return ctx.store.read(async (tx) => {
    const data = await loadSummitData(tx, summit);
    const days = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone);
    const availability = (room: Room, day: Span) =>
      union(room.available === null ? [day] : intersectSpans(toSpans(room.available), [day]));
    const out: RoomDay[] = [];
    for (const room of [...data.rooms].sort((a, b) => a.id.localeCompare(b.id))) {
      const booked = data.meetings
        .filter((m) => m.room === room.id)
        .map((m) => ({ from: Date.parse(m.start), to: Date.parse(m.end) }));
      for (const day of days) {
        const open = availability(room, { from: Date.parse(day.from), to: Date.parse(day.to) });
        const availableMinutes = minutes(open);
        const bookedMinutes = minutes(union(intersectSpans(booked, open)));
        out.push({
          room: room.id,
          date: day.date,
          availableMinutes,
          bookedMinutes,
          ratio: availableMinutes === 0 ? null : bookedMinutes / availableMinutes,
        });
      }
    }
    return out;
  });
}
