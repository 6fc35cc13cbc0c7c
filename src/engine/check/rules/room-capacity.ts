import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { seatsOf } from '../summit-index.js';
import { violation } from '../violation.js';

/** A room seats the request: capacity >= seats (default: one per attendee). */
export const roomCapacity: Rule = {
  name: 'room-capacity',
  meaning: 'a room has at least the seats the request needs (seats, else one per attendee)',
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      const seats = seatsOf(p.request);
      if (!p.room || p.room.capacity >= seats) return [];
      return [
        violation(
          'room-capacity',
          `${p.room.id} seats ${p.room.capacity}, ${describePlaced(ctx, p)} needs ${seats}`,
          { requests: [p.request.id], room: p.room.id },
        ),
      ];
    });
  },
};
