import type { Rule } from '../plan-context.js';
import { describePlaced } from '../plan-context.js';
import { coveredBy } from '../spans.js';
import { formatSpans } from '../local-time.js';
import { violation } from '../violation.js';

/** Every attendee is present (own presence, else the delegation's) for the whole meeting. */
export const presence: Rule = {
  name: 'presence',
  meaning: 'every attendee is present for the whole meeting',
  check(ctx) {
    const { index } = ctx;
    return ctx.placed.flatMap((p) =>
      [...new Set<string>(p.request.attendees)].flatMap((person) => {
        const windows = index.presence(person);
        if (windows === null || coveredBy(p, windows)) return [];
        return [
          violation(
            'presence',
            `${person} is not present for ${describePlaced(ctx, p)}; present ${formatSpans(windows, index.zone)}`,
            { requests: [p.request.id], person },
          ),
        ];
      }),
    );
  },
};
