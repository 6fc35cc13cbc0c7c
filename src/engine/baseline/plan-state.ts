// The calendars of a growing plan: each attendee's engagements and each room's bookings, with the
// search for the earliest start and room a request can still take.
import type { Request } from '../../domain/request/schema.js';
import type { Placement } from '../result.js';
import type { SummitIndex } from '../check/summit-index.js';
import type { Engagement } from '../check/engagements.js';
import { MINUTE_MS, coveredBy, lowerBound, nextWindowStart } from '../check/spans.js';
import type { RoomGroup } from './slots.js';
import { Timeline } from './timeline.js';
import { planContext, type PlacedRequest } from '../check/plan-context.js';
import { practiceAllows } from '../check/practice-set.js';
import { instantFromMillis } from '../../domain/time.js';

/** A start and room (null: no room) found for a request. */
export interface Slot {
  start: number;
  room: string | null;
}

/** Persons' and rooms' timelines of the plan built so far. */
export class PlanState {
  private readonly persons = new Map<string, Timeline>();
  private readonly rooms = new Map<string, Timeline>();
  /** Every placement so far, for the rules that judge sets (quotas, interpreters). */
  private readonly placed: PlacedRequest[] = [];

  constructor(private readonly index: SummitIndex) {}

  /** Books `request` at `slot`: its attendees and its room are taken from then on. */
  place(request: Request, slot: Slot): void {
    const venue =
      slot.room === null ? request.venue : (this.index.rooms.get(slot.room)?.venue ?? request.venue);
    const e = this.engagement(request, slot.start, venue);
    for (const person of new Set<string>(request.attendees)) this.person(person).add(e);
    if (slot.room !== null) this.room(slot.room).add(e);
    const p = this.placedAt(request, slot);
    if (p) this.placed.push(p);
  }

  /** The placement of `request` at `slot` as the checker reads it. */
  private placedAt(request: Request, slot: Slot): PlacedRequest | undefined {
    const placement = {
      request: request.id,
      start: instantFromMillis(slot.start),
      end: instantFromMillis(slot.start + request.minutes * MINUTE_MS),
      room: slot.room as Placement['room'],
    };
    return planContext(this.index, [placement]).placed[0];
  }

  /** True when `slot` keeps the plan within the quotas and interpreter limits (rules 7 and 8). */
  private practiceAllows(request: Request, slot: Slot): boolean {
    const p = this.placedAt(request, slot);
    return p !== undefined && practiceAllows(this.index, this.placed, p);
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
      if (next === -Infinity && !this.practiceAllows(request, { start, room: null })) {
        // Quotas and interpreters do not depend on the room: this start is out.
        i++;
        continue;
      }
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
      // Only the room turnover (rule 5) between two bookings of a room.
      const turnover = this.index.data.summit.roomTurnoverMinutes * MINUTE_MS;
      t = new Timeline({ travelMs: () => 0, bufferMs: turnover }, turnover);
      this.rooms.set(id, t);
    }
    return t;
  }
}
