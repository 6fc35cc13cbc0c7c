import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { violation } from '../violation.js';

/** A request with a venue meets only in rooms at that venue. */
export const roomVenue: Rule = {
  name: 'room-venue',
  meaning: 'a request with a venue meets only in a room at that venue',
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      const wanted = p.request.venue;
      if (!p.room || wanted === null || p.room.venue === wanted) return [];
      return [
        violation(
          'room-venue',
          `${describePlaced(ctx, p)} must meet at ${wanted} but ${p.room.id} is at ${p.room.venue}`,
          { requests: [p.request.id], room: p.room.id },
        ),
      ];
    });
  },
};
