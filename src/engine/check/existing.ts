// The existing meetings as rules 1, 9 and 10 see them: which must stay, and which of the others
// still fit where they are (moving or dropping one of those counts against planning.maxMoves).
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import { instantFromMillis } from '../../domain/time.js';
import type { Placement } from '../result.js';
import { PLACEMENT_RULES } from './rules/index.js';
import { placementsClash } from './pair-clash.js';
import { practiceAllows } from './practice-set.js';
import { planContext, type PlacedRequest } from './plan-context.js';
import { MINUTE_MS } from './spans.js';
import { fixedBecause, isPlaceable, ms, type SummitIndex } from './summit-index.js';

/** One existing meeting of a placeable request, as a placement lasting the request's minutes. */
export interface ExistingMeeting {
  meeting: Meeting;
  request: Request;
  placement: Placement;
  /** Why it keeps start and room (pinned, confirmed, frozen), or null when it may move. */
  fixed: ReturnType<typeof fixedBecause>;
}

/** The first existing meeting of each placeable request, in the order of data.meetings. */
export function existingMeetings(index: SummitIndex): ExistingMeeting[] {
  const out = new Map<string, ExistingMeeting>();
  for (const m of index.data.meetings) {
    const request = index.requests.get(m.request);
    if (!request || !isPlaceable(request) || out.has(m.request)) continue;
    const placement: Placement = {
      request: m.request,
      start: m.start,
      end: instantFromMillis(ms(m.start) + request.minutes * MINUTE_MS),
      room: m.room,
    };
    out.set(m.request, { meeting: m, request, placement, fixed: fixedBecause(index, m, request) });
  }
  return [...out.values()];
}

/**
 * The movable existing meetings that still fit: in order of priority (ties: the request listed first
 * in data.requests), each that breaks no rule on its own or together with the fixed meetings and the
 * movable ones kept before it. The engine decides the same way (search/construct.ts markFitting).
 */
export function fittingExisting(index: SummitIndex): Set<string> {
  const all = existingMeetings(index);
  const order = new Map(index.data.requests.map((r, i) => [r.id as string, i]));
  const movable = all
    .filter((e) => e.fixed === null)
    .sort(
      (a, b) =>
        b.request.priority - a.request.priority || order.get(a.request.id)! - order.get(b.request.id)!,
    );
  // What stands already, indexed by attendee and room so each candidate meets only its neighbours.
  const byKey = new Map<string, PlacedRequest[]>();
  const keysOf = (p: PlacedRequest): string[] => [
    ...p.request.attendees.map((a) => `p:${a}`),
    ...(p.room ? [`r:${p.room.id}`] : []),
  ];
  const standing: PlacedRequest[] = [];
  const stand = (p: PlacedRequest): void => {
    standing.push(p);
    for (const k of keysOf(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
  };
  for (const p of planContext(
    index,
    all.filter((e) => e.fixed !== null).map((e) => e.placement),
  ).placed)
    stand(p);
  const fits = new Set<string>();
  for (const e of movable) {
    // Rules about one meeting (and its attendees' programme and busy blocks) first.
    const alone = planContext(index, [e.placement]);
    const broken = PLACEMENT_RULES.some((rule) =>
      rule.check(alone).some((v) => v.requests.includes(e.request.id)),
    );
    const [p] = alone.placed;
    if (broken || !p) continue;
    const clash = keysOf(p).some((k) => (byKey.get(k) ?? []).some((o) => placementsClash(index, p, o)));
    if (clash || !practiceAllows(index, standing, p)) continue;
    fits.add(e.request.id);
    stand(p);
  }
  return fits;
}
