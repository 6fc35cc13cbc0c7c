// Whether two placements can stand in one plan: the pairwise part of the hard rules.
import type { PlacedRequest } from './plan-context.js';
import type { SummitIndex } from './summit-index.js';
import { engagementClash } from './engagements.js';
import { meetingEngagement } from './rules/person-overlap-and-travel.js';
import { MINUTE_MS, spansOverlap } from './spans.js';

/**
 * True when two placements of different requests break a rule together: a shared attendee
 * without the time to go from one to the other (person-overlap, person-travel), or one room
 * holding both at once or without the turnover between them (room-exclusive, room-turnover).
 * Quotas and interpreters judge a set of placements (practice-set.ts); every other rule judges a
 * placement on its own.
 */
export function placementsClash(index: SummitIndex, a: PlacedRequest, b: PlacedRequest): boolean {
  if (a.room && b.room && a.room.id === b.room.id) {
    const turnover = index.data.summit.roomTurnoverMinutes * MINUTE_MS;
    if (spansOverlap({ from: a.from, to: a.to + turnover }, { from: b.from, to: b.to + turnover }))
      return true;
  }
  const shared = a.request.attendees.some((person) => b.request.attendees.includes(person));
  return shared && engagementClash(meetingEngagement(a), meetingEngagement(b), index) !== null;
}
