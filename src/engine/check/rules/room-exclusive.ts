import type { PlacedRequest, Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { spansOverlap } from '../spans.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** A room holds at most one meeting at a time. */
export const roomExclusive: Rule = {
  name: 'room-exclusive',
  meaning: 'a room holds at most one meeting at a time',
  check(ctx) {
    const byRoom = new Map<string, PlacedRequest[]>();
    for (const p of ctx.placed) {
      if (p.room) byRoom.set(p.room.id, [...(byRoom.get(p.room.id) ?? []), p]);
    }
    const out: Violation[] = [];
    for (const [room, list] of byRoom) {
      const sorted = [...list].sort((a, b) => a.from - b.from);
      sorted.forEach((a, i) => {
        for (const b of sorted.slice(i + 1)) {
          if (b.from >= a.to) break;
          if (!spansOverlap(a, b)) continue;
          out.push(
            violation(
              'room-exclusive',
              `${room} holds ${describePlaced(ctx, a)} and ${describePlaced(ctx, b)} at once`,
              { requests: [a.request.id, b.request.id], room },
            ),
          );
        }
      });
    }
    return out;
  },
};
