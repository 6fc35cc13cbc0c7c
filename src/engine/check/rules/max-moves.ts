import type { Rule } from '../plan-context.js';
import { existingMeetings, fittingExisting } from '../existing.js';
import { ms } from '../summit-index.js';
import { violation } from '../violation.js';

/**
 * planning.maxMoves: at most that many existing unpinned meetings that still fit (check/existing.ts)
 * change start or room or are left off the plan. Meetings that no longer fit move freely.
 */
export const maxMoves: Rule = {
  name: 'max-moves',
  meaning: 'at most maxMoves existing meetings that still fit move or are left off',
  check(ctx) {
    const limit = ctx.index.policy.maxMoves;
    if (limit === null) return [];
    const fits = fittingExisting(ctx.index);
    const first = new Map<string, (typeof ctx.placed)[number]>();
    for (const p of ctx.placed) if (!first.has(p.request.id)) first.set(p.request.id, p);
    const moved: string[] = [];
    for (const e of existingMeetings(ctx.index)) {
      if (e.fixed !== null || !fits.has(e.request.id)) continue;
      const p = first.get(e.request.id);
      if (!p || p.from !== ms(e.meeting.start) || p.placement.room !== e.meeting.room)
        moved.push(e.request.id);
    }
    if (moved.length <= limit) return [];
    const shown = moved.slice(0, 10).join(', ');
    return [
      violation(
        'max-moves',
        `${moved.length} meetings that still fit moved or left off, at most ${limit} allowed: ${shown}${moved.length > 10 ? ', …' : ''}`,
        { requests: moved },
      ),
    ];
  },
};
