import type { PlacedRequest, Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { violation } from '../violation.js';

/** A request is placed at most once. */
export const atMostOnce: Rule = {
  name: 'at-most-once',
  meaning: 'a request is placed at most once',
  check(ctx) {
    const byRequest = new Map<string, PlacedRequest[]>();
    for (const p of ctx.placed) byRequest.set(p.request.id, [...(byRequest.get(p.request.id) ?? []), p]);
    return [...byRequest.values()]
      .filter((list) => list.length > 1)
      .map((list) => {
        const id = (list[0] as PlacedRequest).request.id;
        const where = list.map((p) => describePlaced(ctx, p)).join(', ');
        return violation('at-most-once', `${id} is placed ${list.length} times: ${where}`, {
          requests: [id],
        });
      });
  },
};
