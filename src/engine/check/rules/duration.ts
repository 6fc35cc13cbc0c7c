import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { MINUTE_MS } from '../spans.js';
import { ms } from '../summit-index.js';
import { violation } from '../violation.js';

/** A meeting lasts exactly its request's minutes (and its start and end are instants). */
export const duration: Rule = {
  name: 'duration',
  meaning: "a meeting lasts its request's minutes",
  check(ctx) {
    const bad = ctx.placements
      .filter((p) => Number.isNaN(ms(p.start)) || Number.isNaN(ms(p.end)))
      .map((p) =>
        violation('duration', `${p.request} has start "${p.start}" and end "${p.end}", not both instants`, {
          requests: [p.request],
        }),
      );
    const wrong = ctx.placed
      .filter((p) => p.to - p.from !== p.request.minutes * MINUTE_MS)
      .map((p) =>
        violation(
          'duration',
          `${describePlaced(ctx, p)} lasts ${(p.to - p.from) / MINUTE_MS} min; the request asks ${p.request.minutes}`,
          { requests: [p.request.id] },
        ),
      );
    return [...bad, ...wrong];
  },
};
