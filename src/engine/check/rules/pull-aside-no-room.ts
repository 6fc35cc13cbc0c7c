import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** A pull-aside takes no room; every other format takes one room that the summit has. */
export const pullAsideNoRoom: Rule = {
  name: 'pull-aside-no-room',
  meaning: 'a pull-aside takes no room; every other format takes one known room',
  check(ctx) {
    return ctx.placed.flatMap((p): Violation[] => {
      const id = p.request.id;
      const room = p.placement.room;
      const about = room === null ? { requests: [id] } : { requests: [id], room };
      if (p.request.format === 'pull-aside') {
        return room === null
          ? []
          : [
              violation(
                'pull-aside-no-room',
                `${describePlaced(ctx, p)} is a pull-aside but takes room ${room}`,
                about,
              ),
            ];
      }
      if (room === null) {
        return [
          violation(
            'pull-aside-no-room',
            `${describePlaced(ctx, p)} is a ${p.request.format} and needs a room`,
            about,
          ),
        ];
      }
      if (p.room === null) {
        return [
          violation(
            'pull-aside-no-room',
            `${describePlaced(ctx, p)} takes ${room}, which is not a room of this summit`,
            about,
          ),
        ];
      }
      return [];
    });
  },
};
