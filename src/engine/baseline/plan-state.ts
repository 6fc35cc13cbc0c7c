// The calendars of a growing plan: each attendee's engagements and each room's bookings, with the
// search for the earliest start and room a request can still take.
import type { Request } from '../../domain/request/schema.js';
import type { SummitIndex } from '../check/summit-index.js';
import type { Engagement } from '../check/engagements.js';
import { MINUTE_MS, coveredBy, lowerBound, nextWindowStart } from '../check/spans.js';
import type { RoomGroup } from './slots.js';
import { NO_GAP, Timeline } from './timeline.js';

/** A start and room (null: no room) found for a request. */
export interface Slot {
  start: number;
  room: string | null;
}

/** Persons' and rooms' timelines of the plan built so far. */
export class PlanState {
  private readonly persons = new Map<string, Timeline>();
  private readonly rooms = new Map<string, Timeline>();

  constructor(private readonly index: SummitIndex) {}

  /** Books `request` at `slot`: its attendees and its room are taken from then on. */
  place(request: Request, slot: Slot): void {
    const venue =
      slot.room === null ? request.venue : (this.index.rooms.get(slot.room)?.venue ?? request.venue);
    const e = this.engagement(request, slot.start, venue);
    for (const person of new Set<string>(request.attendees)) this.person(person).add(e);
    if (slot.room !== null) this.room(slot.room).add(e);
  }

  /**
   * The earliest slot in `starts` (sorted) at which `request` fits one of `groups`: time first,
   * then the summit's room order.
   */
  earliest(request: Request, starts: readonly number[], groups: readonly RoomGroup[]): Slot | null {
    let best: Slot | null = null;
    for (const group of groups) {
      const found = this.earliestIn(request, starts, group, best?.start ?? Infinity);
      if (!found) continue;
      const earlier = !best || found.start < best.start;
      if (earlier || (found.start === best?.start && this.roomRank(found) < this.roomRank(best)))
        best = found;
    }
    return best;
  }

  private earliestIn(
    request: Request,
    starts: readonly number[],
    group: RoomGroup,
    before: number,
  ): Slot | null {
    const attendees = [...new Set<string>(request.attendees)];
    let i = 0;
    while (i < starts.length) {
      const start = starts[i] as number;
      if (start > before) return null;
      const e = this.engagement(request, start, group.venue);
      let next = -Infinity;
      for (const person of attendees) next = Math.max(next, this.person(person).clash(e) ?? -Infinity);
      if (next === -Infinity) {
        if (request.format === 'pull-aside') return { start, room: null };
        next = Infinity;
        for (const { room, available } of group.rooms) {
          if (available && !coveredBy(e, available)) {
            next = Math.min(next, nextWindowStart(start, available) ?? Infinity);
            continue;
          }
          const clear = this.room(room.id).clash(e);
          if (clear === null) return { start, room: room.id };
          next = Math.min(next, clear);
        }
      }
      i = Math.max(i + 1, lowerBound(starts, next));
    }
    return null;
  }

  private engagement(request: Request, start: number, venue: string | null): Engagement {
    return { kind: 'meeting', ref: request.id, from: start, to: start + request.minutes * MINUTE_MS, venue };
  }

  private roomRank(slot: Slot): number {
    return slot.room === null ? -1 : (this.index.roomOrder.get(slot.room) ?? Infinity);
  }

  private person(id: string): Timeline {
    let t = this.persons.get(id);
    if (!t) {
      t = new Timeline(
        this.index,
        this.index.maxTravelMs + this.index.bufferMs,
        this.index.fixedEngagements(id),
      );
      this.persons.set(id, t);
    }
    return t;
  }

  private room(id: string): Timeline {
    let t = this.rooms.get(id);
    if (!t) {
      t = new Timeline(NO_GAP, 0);
      this.rooms.set(id, t);
    }
    return t;
  }
}
