import type { Rule } from '../plan-context.js';
import { PLACEABLE } from '../summit-index.js';
import { violation } from '../violation.js';

/** Only existing requests in state agreed, scheduled or confirmed are placed. */
export const placeableState: Rule = {
  name: 'placeable-state',
  meaning: 'only requests in state agreed, scheduled or confirmed are placed',
  check({ index, placements }) {
    return placements.flatMap((p) => {
      const request = index.requests.get(p.request);
      if (!request) {
        return [
          violation('placeable-state', `${p.request} is not a request of this summit`, {
            requests: [p.request],
          }),
        ];
      }
      if (PLACEABLE.has(request.status)) return [];
      return [
        violation(
          'placeable-state',
          `${request.id} is ${request.status}; only agreed, scheduled or confirmed requests are placed`,
          { requests: [request.id] },
        ),
      ];
    });
  },
};
