import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { violation } from '../violation.js';

/** A meeting lies inside one summit day's day window. */
export const dayWindow: Rule = {
  name: 'day-window',
  meaning: "a meeting lies inside one summit day's window",
  check(ctx) {
    const { index } = ctx;
    const { days, dayWindow: w } = index.data.summit;
    return ctx.placed
      .filter((p) => !index.days.some((d) => d.from <= p.from && p.to <= d.to))
      .map((p) =>
        violation(
          'day-window',
          `${describePlaced(ctx, p)} is not inside one day's window ${w.from}–${w.to} (${days.from} to ${days.to})`,
          { requests: [p.request.id] },
        ),
      );
  },
};
