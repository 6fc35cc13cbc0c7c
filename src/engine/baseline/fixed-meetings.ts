// The existing meetings a plan must keep as they are: pinned ones, those of confirmed requests, and
// those inside the freeze.
import type { SummitIndex } from '../check/summit-index.js';
import { fixedBecause, isPlaceable, ms } from '../check/summit-index.js';
import type { Placement } from '../result.js';
import { MINUTE_MS } from '../check/spans.js';
import { instantFromMillis } from '../../domain/time.js';

/** One placement per request whose existing meeting is fixed, at its start and room, lasting the request's minutes. */
export function fixedPlacements(index: SummitIndex): Placement[] {
  const out = new Map<string, Placement>();
  for (const m of index.data.meetings) {
    const request = index.requests.get(m.request);
    if (!request || !isPlaceable(request) || out.has(m.request)) continue;
    if (fixedBecause(index, m, request) === null) continue;
    const start = ms(m.start);
    out.set(m.request, {
      request: m.request,
      start: m.start,
      end: instantFromMillis(start + request.minutes * MINUTE_MS),
      room: m.room,
    });
  }
  return [...out.values()];
}
