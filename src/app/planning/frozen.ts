// The notice period, as planning keeps it: a meeting that starts inside it keeps its start and room,
// as if pinned (the engine freezes it: run-settings.ts gives the run the period as freezeHours); a
// plan that would move it or leave it off is refused when it is accepted.
import { insideNoticePeriod, noticeHours } from '../../domain/meeting/notice-period.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Instant } from '../../domain/time.js';
import { violation, type Violation } from '../../engine/check/violation.js';
import type { Plan } from '../../engine/result.js';
import { meetingsInForce, spanOf } from '../meetings/standing.js';

/** The moment a plan is made at: the summit's `planning.now` if it sets one, else `now`. */
export function planningMoment(data: Pick<SummitData, 'summit'>, now: Instant): Instant {
  return data.summit.planning.now ?? now;
}

/** A rule for each meeting inside the notice period at `now` that `plan` moves or leaves off. */
export function noticePeriodBroken(
  data: SummitData,
  plan: Pick<Plan, 'meetings'>,
  now: Instant,
): Violation[] {
  const hours = noticeHours(data.summit);
  if (hours === null) return [];
  const planned = new Map(plan.meetings.map((p) => [p.request as string, p]));
  return meetingsInForce(data).flatMap(({ meeting }) => {
    if (!insideNoticePeriod(data.summit, meeting.start, now)) return [];
    const p = planned.get(meeting.request);
    if (p && p.start === meeting.start && p.room === meeting.room) return [];
    return [
      // the period keeps a meeting where it is, as a pin does: the same rule
      violation(
        'fixed-meetings-kept',
        `${meeting.request} (${spanOf(data, meeting)}) lies inside the summit's notice period of ${hours} hours: a plan may not move it`,
        { requests: [meeting.request] },
      ),
    ];
  });
}
