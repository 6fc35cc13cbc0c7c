import type { PlacedRequest, Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { MINUTE_MS } from '../spans.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** Rule 5: between two meetings in one room there are at least the summit's roomTurnoverMinutes. */
export const roomTurnover: Rule = {
  name: 'room-turnover',
  meaning: 'between two meetings in one room there are at least roomTurnoverMinutes',
  check(ctx) {
    const minutes = ctx.index.data.summit.roomTurnoverMinutes;
    if (minutes <= 0) return [];
    const gap = minutes * MINUTE_MS;
    const byRoom = new Map<string, PlacedRequest[]>();
    for (const p of ctx.placed) if (p.room) byRoom.set(p.room.id, [...(byRoom.get(p.room.id) ?? []), p]);
    const out: Violation[] = [];
    for (const [room, list] of byRoom) {
      const sorted = [...list].sort((a, b) => a.from - b.from || a.to - b.to);
      sorted.forEach((a, i) => {
        for (const b of sorted.slice(i + 1)) {
          if (b.from >= a.to + gap) break;
          // Meetings that overlap break room-exclusive; this rule is about the time between them.
          if (b.from < a.to) continue;
          const apart = Math.round((b.from - a.to) / MINUTE_MS);
          out.push(
            violation(
              'room-turnover',
              `${room} holds ${describePlaced(ctx, a)} and ${describePlaced(ctx, b)} ${apart} min apart (turnover ${minutes} min)`,
              { requests: [a.request.id, b.request.id], room },
            ),
          );
        }
      });
    }
    return out;
  },
};
