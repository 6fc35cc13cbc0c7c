import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { existingMeetings } from '../existing.js';
import { formatMoment, formatSpan } from '../local-time.js';
import { ms } from '../summit-index.js';
import { violation, type Violation } from '../violation.js';

/** planning.freezeHours: an existing meeting starting before now + freezeHours keeps its start and room. */
export const frozenMeetingsKept: Rule = {
  name: 'frozen-meetings-kept',
  meaning: 'existing meetings starting before now + freezeHours keep their start and room',
  check(ctx) {
    const out: Violation[] = [];
    for (const e of existingMeetings(ctx.index)) {
      // Pinned and confirmed meetings are fixed-meetings-kept's; only the freeze's own here.
      if (e.fixed !== 'frozen') continue;
      const m = e.meeting;
      const was = `${formatSpan({ from: ms(m.start), to: ms(e.placement.end) }, ctx.index.zone)} in ${m.room ?? 'no room'}`;
      const placed = ctx.placed.filter((p) => p.request.id === m.request);
      if (placed.length === 0) {
        out.push(
          violation('frozen-meetings-kept', `${m.request} is frozen at ${was} but is not placed`, {
            requests: [m.request],
          }),
        );
      }
      for (const p of placed) {
        if (p.from === ms(m.start) && p.placement.room === m.room) continue;
        const now = `${describePlaced(ctx, p)} in ${p.placement.room ?? 'no room'}`;
        out.push(
          violation('frozen-meetings-kept', `${m.request} is frozen at ${was} but placed at ${now}`, {
            requests: [m.request],
          }),
        );
      }
    }
    return out;
  },
};

/** planning.now: no meeting starts before the moment of planning, unless it is an existing one left where it was. */
export const noStartBeforeNow: Rule = {
  name: 'no-start-before-now',
  meaning: 'no new or moved meeting starts before the moment of planning',
  check(ctx) {
    const now = ctx.index.nowMs;
    if (now === null) return [];
    const existing = new Map(ctx.index.data.meetings.map((m) => [m.request as string, m]));
    const out: Violation[] = [];
    for (const p of ctx.placed) {
      if (p.from >= now) continue;
      const m = existing.get(p.request.id);
      if (m && ms(m.start) === p.from && m.room === p.placement.room) continue;
      out.push(
        violation(
          'no-start-before-now',
          `${describePlaced(ctx, p)} starts before the moment of planning, ${formatMoment(now, ctx.index.zone)}`,
          { requests: [p.request.id] },
        ),
      );
    }
    return out;
  },
};
