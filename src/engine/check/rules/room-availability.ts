import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { coveredBy, mergeSpans } from '../spans.js';
import { ms } from '../summit-index.js';
import { formatSpans } from '../local-time.js';
import { violation } from '../violation.js';

/** A meeting lies inside its room's available windows, when the room has any. */
export const roomAvailability: Rule = {
  name: 'room-availability',
  meaning: "a meeting lies inside its room's available windows",
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      if (!p.room || p.room.available === null) return [];
      const windows = mergeSpans(p.room.available.map((w) => ({ from: ms(w.from), to: ms(w.to) })));
      if (coveredBy(p, windows)) return [];
      return [
        violation(
          'room-availability',
          `${p.room.id} is not available for ${describePlaced(ctx, p)}; available ${formatSpans(windows, ctx.index.zone)}`,
          { requests: [p.request.id], room: p.room.id },
        ),
      ];
    });
  },
};
