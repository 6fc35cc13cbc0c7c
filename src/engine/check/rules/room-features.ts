import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { violation } from '../violation.js';

/** Rule 6: a meeting's room offers every feature its request needs. */
export const roomFeatures: Rule = {
  name: 'room-features',
  meaning: "a meeting's room offers every feature its request needs",
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      if (!p.room) return [];
      const missing = p.request.needs.filter((n) => !p.room!.features.includes(n));
      if (missing.length === 0) return [];
      return [
        violation('room-features', `${p.room.id} lacks ${missing.join(', ')} for ${describePlaced(ctx, p)}`, {
          requests: [p.request.id],
          room: p.room.id,
        }),
      ];
    });
  },
};
