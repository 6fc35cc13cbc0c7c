// Suggestions: the best free slots for one request inside the current plan, without re-planning.
import type { RequestId, RoomId } from '../domain/ids.js';
import type { SummitData } from '../domain/summit/data.js';
import type { Instant } from '../domain/time.js';
import { startsPreferred } from './model/model.js';
import { instantOfMinute } from './model/timeline.js';
import { loadPlan } from './plan-state.js';
import type { Plan } from './result.js';
import { pickRoom, roomRanks } from './search/insert.js';

/** A slot a request could take now. */
export interface Suggestion {
  request: RequestId;
  start: Instant;
  end: Instant;
  /** null for a pull-aside. */
  room: RoomId | null;
  /** The start lies in one of the request's preferred windows. */
  preferred: boolean;
}

/** Thrown when a request id names no request of the summit. */
export class UnknownRequestError extends Error {
  constructor(readonly request: string) {
    super(`no request "${request}" in this summit`);
    this.name = 'UnknownRequestError';
  }
}

/**
 * The top `k` slots (one room per start) where `request` fits among the plan's other meetings,
 * preferred windows first, then earlier starts, then the better-fitting room. The request's own
 * meeting, if planned, is ignored. Works for requests in any state (a preview before agreement).
 */
export function suggest(data: SummitData, plan: Plan, request: string, k = 5): Suggestion[] {
  if (!data.requests.some((q) => q.id === request)) throw new UnknownRequestError(request);
  if (data.meetings.some((mt) => mt.request === request)) {
    // Its own meeting (fixed ones block like programme events) must not stand in its way.
    return suggest(
      { ...data, meetings: data.meetings.filter((mt) => mt.request !== request) },
      { ...plan, meetings: plan.meetings.filter((p) => p.request !== request) },
      request,
      k,
    );
  }
  const { m, state } = loadPlan(data, { meetings: plan.meetings.filter((p) => p.request !== request) });
  const r = m.requestIndex.get(request)!;
  const req = m.requests[r]!;
  const options = req.options.length > 0 ? req.options : m.candidates.optionsFor(req);
  const ranks = roomRanks(m);
  const words = new Uint32Array(m.RW);
  const found: { g: number; room: number; preferred: boolean }[] = [];
  for (const opt of options) {
    for (const g of opt.starts) {
      if (!state.personsFree(req, g, opt.venue)) continue;
      const room = opt.roomMask ? pickRoom(state, req, g, opt.rooms, opt.roomMask, words, ranks) : -1;
      if (opt.roomMask && room < 0) continue;
      found.push({ g, room, preferred: startsPreferred(req, m.tl.gridMin[g]!) });
    }
  }
  found.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      a.g - b.g ||
      (a.room < 0 ? 0 : ranks[a.room]!) - (b.room < 0 ? 0 : ranks[b.room]!),
  );
  const seen = new Set<number>();
  const out: Suggestion[] = [];
  for (const f of found) {
    if (out.length >= k) break;
    if (seen.has(f.g)) continue;
    seen.add(f.g);
    const t = m.tl.gridMin[f.g]!;
    out.push({
      request: req.id as RequestId,
      start: instantOfMinute(m.tl, t),
      end: instantOfMinute(m.tl, t + req.minutes),
      room: f.room >= 0 ? (m.rooms[f.room]!.id as RoomId) : null,
      preferred: f.preferred,
    });
  }
  return out;
}
