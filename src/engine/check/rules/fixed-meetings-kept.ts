import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { isPlaceable, ms } from '../summit-index.js';
import { formatSpan } from '../local-time.js';
import { violation } from '../violation.js';

/** An existing meeting that is pinned, or whose request is confirmed, keeps its start and room. */
export const fixedMeetingsKept: Rule = {
  name: 'fixed-meetings-kept',
  meaning: 'confirmed and pinned meetings keep their start and room',
  check(ctx) {
    const { index } = ctx;
    const out = [];
    for (const m of index.data.meetings) {
      const request = index.requests.get(m.request);
      // A meeting whose request may no longer be placed cannot be kept; placeable-state governs it.
      if (!request || !isPlaceable(request)) continue;
      const why = m.pinned ? 'pinned' : request.status === 'confirmed' ? 'confirmed' : null;
      if (why === null) continue;
      const room = m.room ?? 'no room';
      const was = `${formatSpan({ from: ms(m.start), to: ms(m.end) }, index.zone)} in ${room}`;
      const placed = ctx.placed.filter((p) => p.request.id === m.request);
      if (placed.length === 0) {
        out.push(
          violation('fixed-meetings-kept', `${m.request} is ${why} at ${was} but is not placed`, {
            requests: [m.request],
          }),
        );
      }
      for (const p of placed) {
        if (p.from === ms(m.start) && p.placement.room === m.room) continue;
        const now = `${describePlaced(ctx, p)} in ${p.placement.room ?? 'no room'}`;
        out.push(
          violation('fixed-meetings-kept', `${m.request} is ${why} at ${was} but placed at ${now}`, {
            requests: [m.request],
          }),
        );
      }
    }
    return out;
  },
};
