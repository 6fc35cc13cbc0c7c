import { DateTime } from 'luxon';
import type { Rule } from '../plan-context.js';
import { formatMoment } from '../local-time.js';
import { violation } from '../violation.js';

/**
 * A meeting starts on the grain grid counted from the day window's start (in elapsed minutes, so a
 * daylight-saving day keeps the grid). The day is the local date of the start.
 */
export const grid: Rule = {
  name: 'grid',
  meaning: 'a meeting starts on the grain grid, counted from the start of its day window',
  check({ index, placed }) {
    const { grainMs, zone } = index;
    const summit = index.data.summit;
    return placed.flatMap((p) => {
      const date = DateTime.fromMillis(p.from, { zone }).toISODate();
      const day = index.days.find((d) => d.date === date);
      // A start on no summit day is the day-window rule's to report.
      if (!day) return [];
      const offset = (((p.from - day.from) % grainMs) + grainMs) % grainMs;
      if (offset === 0) return [];
      return [
        violation(
          'grid',
          `${p.request.id} starts ${formatMoment(p.from, zone)}, off the ${summit.grainMinutes}-minute grid from ${summit.dayWindow.from}`,
          { requests: [p.request.id] },
        ),
      ];
    });
  },
};
