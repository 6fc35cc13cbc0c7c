import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { partiesOf } from '../summit-index.js';
import { violation } from '../violation.js';

/** A room lent to a delegation holds only meetings that delegation is a party of. */
export const roomDelegation: Rule = {
  name: 'room-delegation',
  meaning: 'a room lent to a delegation holds only requests with that delegation as a party',
  check(ctx) {
    return ctx.placed.flatMap((p) => {
      const lentTo = p.room?.delegation ?? null;
      if (!p.room || lentTo === null || partiesOf(p.request).includes(lentTo)) return [];
      return [
        violation(
          'room-delegation',
          `${p.room.id} is lent to ${lentTo}, which is not a party of ${describePlaced(ctx, p)}`,
          { requests: [p.request.id], room: p.room.id },
        ),
      ];
    });
  },
};
