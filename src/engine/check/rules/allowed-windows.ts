import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { coveredBy, mergeSpans } from '../spans.js';
import { ms } from '../summit-index.js';
import { formatSpans } from '../local-time.js';
import { violation } from '../violation.js';

/** A meeting with allowed windows lies inside them (their union: touching windows join). */
export const allowedWindows: Rule = {
  name: 'allowed-windows',
  meaning: "a meeting lies inside its request's allowed windows, when it has any",
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      if (p.request.allowed === null) return [];
      const allowed = mergeSpans(p.request.allowed.map((w) => ({ from: ms(w.from), to: ms(w.to) })));
      if (coveredBy(p, allowed)) return [];
      return [
        violation(
          'allowed-windows',
          `${describePlaced(ctx, p)} is outside its allowed windows ${formatSpans(allowed, ctx.index.zone)}`,
          { requests: [p.request.id] },
        ),
      ];
    });
  },
};
