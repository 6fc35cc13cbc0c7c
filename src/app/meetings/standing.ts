// Which meetings stand on the calendar and which rules they break as it is: the facts the guard on
// logistics writes, plan acceptance and notices share.
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { checkPlan } from '../../engine/check/check-plan.js';
import { formatSpan } from '../../engine/check/local-time.js';
import type { Violation } from '../../engine/check/violation.js';
import type { Placement } from '../../engine/result.js';
import { instantMillis, type Instant } from '../../domain/time.js';
import { insideNoticePeriod } from '../../domain/meeting/notice-period.js';
import type { Summit } from '../../domain/summit/schema.js';

/** States whose meetings are still to take place: placed, not yet held. */
const IN_FORCE: ReadonlySet<string> = new Set(['scheduled', 'confirmed']);

/** Rules that judge a plan against the stored meetings, not whether a meeting can take place. */
const NOT_ABOUT_TAKING_PLACE: ReadonlySet<string> = new Set(['placeable-state', 'fixed-meetings-kept']);

/** A meeting as the checker takes it. */
export function placementOf(m: Pick<Meeting, 'request' | 'start' | 'end' | 'room'>): Placement {
  return { request: m.request, start: m.start, end: m.end, room: m.room };
}

/** The meetings still to take place (their requests scheduled or confirmed), each with its request. */
export function meetingsInForce(data: SummitData): { meeting: Meeting; request: Request }[] {
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  return data.meetings.flatMap((meeting) => {
    const request = requests.get(meeting.request);
    return request && IN_FORCE.has(request.status) ? [{ meeting, request }] : [];
  });
}

/** Why a meeting keeps its slot: confirmed, pinned, or inside the summit's notice period. */
export type Fixed = 'confirmed' | 'pinned' | 'notice-period';

/** When, and under which notice period, a meeting is judged (no period: confirmed and pinned only). */
export interface NoticeAt {
  summit: Pick<Summit, 'planning'>;
  now: Instant;
}

/** Why a meeting keeps its slot whatever the planner wants, or null when it may be moved. */
export function fixedBy(meeting: Meeting, request: Request, notice?: NoticeAt): Fixed | null {
  if (request.status === 'confirmed') return 'confirmed';
  if (meeting.pinned) return 'pinned';
  return notice && insideNoticePeriod(notice.summit, meeting.start, notice.now) ? 'notice-period' : null;
}

const FIXED_WORDS: Readonly<Record<Fixed, string>> = {
  confirmed: 'confirmed meeting',
  pinned: 'pinned meeting',
  'notice-period': 'meeting inside the notice period,',
};

/** A violation's identity, to tell one found before a change from one found after it. */
export function violationKey(v: Violation): string {
  return `${v.rule}|${v.requests.join(',')}|${v.person ?? ''}|${v.room ?? ''}|${v.message}`;
}

/**
 * Every rule the given meetings break where they stand, among themselves and against the summit's
 * logistics (presence, programme, busy blocks, rooms). Meetings not given are not looked at.
 */
export function standingViolations(data: SummitData, meetings: readonly Meeting[]): Violation[] {
  const { violations } = checkPlan(data, meetings.map(placementOf));
  return violations.filter((v) => !NOT_ABOUT_TAKING_PLACE.has(v.rule));
}

/** `confirmed meeting rus-vnm (11 Nov 15:00–15:30)`, in the summit's zone. */
export function describeMeeting(
  data: SummitData,
  meeting: Pick<Meeting, 'request' | 'start' | 'end' | 'pinned'>,
  request: Request,
  notice?: NoticeAt,
): string {
  const fixed = fixedBy(meeting as Meeting, request, notice);
  return `${fixed ? FIXED_WORDS[fixed] : 'meeting'} ${meeting.request} (${spanOf(data, meeting)})`;
}

/** `11 Nov 15:00–15:30`, in the summit's zone. */
export function spanOf(data: Pick<SummitData, 'summit'>, slot: { start: Instant; end: Instant }): string {
  return formatSpan({ from: instantMillis(slot.start), to: instantMillis(slot.end) }, data.summit.timezone);
}
