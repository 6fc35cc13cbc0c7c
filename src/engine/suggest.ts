// Suggestions: the best free slots for one request inside the current plan, without re-planning.
import type { RequestId, RoomId } from '../domain/ids.js';
import type { SummitData } from '../domain/summit/data.js';
import { instantMillis, type Instant } from '../domain/time.js';
import type { CandidateOption, RequestModel } from './model/model.js';
import { startsPreferred } from './model/model.js';
import { instantOfMinute } from './model/timeline.js';
import { loadPlan, type LoadedPlan } from './plan-state.js';
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
 * preferred windows first, then earlier starts, then the better-fitting room; or, given `near` (an
 * instant), the starts nearest to it first, as where a meeting was dropped on a conflict. The
 * request's own meeting, if planned, is ignored. Works for requests in any state (a preview before
 * agreement).
 */
export function suggest(
  data: SummitData,
  plan: Plan,
  request: string,
  k = 5,
  near: Instant | null = null,
): Suggestion[] {
  return suggestEach(data, plan, [request], k, near).get(request) ?? [];
}

/**
 * The top `k` slots of each of `requests` (as suggest), compiling the summit once: for the meetings a
 * change moved or took off, each offered a slot of its own. Their own meetings are ignored; each
 * request's best slot is held while the next ones are looked for, so no two are offered the same
 * person's time or room at once.
 */
export function suggestEach(
  data: SummitData,
  plan: Plan,
  requests: readonly string[],
  k = 1,
  near: Instant | null = null,
): Map<string, Suggestion[]> {
  for (const request of requests) {
    if (!data.requests.some((q) => q.id === request)) throw new UnknownRequestError(request);
  }
  const asked = new Set(requests);
  // Their own meetings (fixed ones block like programme events) must not stand in their way.
  const others = { ...data, meetings: data.meetings.filter((mt) => !asked.has(mt.request)) };
  const { m, state } = loadPlan(others, { meetings: plan.meetings.filter((p) => !asked.has(p.request)) });
  const ranks = roomRanks(m);
  const words = new Uint32Array(m.RW);
  const out = new Map<string, Suggestion[]>();
  for (const request of requests) {
    const r = m.requestIndex.get(request)!;
    const req = m.requests[r]!;
    const found = slotsOf(state, req, req.options.length > 0 ? req.options : m.candidates.optionsFor(req), {
      ranks,
      words,
      near,
    });
    const best = found[0];
    if (best && state.start[r]! < 0) state.place(r, best.g, best.venue, best.room);
    out.set(request, suggestionsOf(m, req, found, k));
  }
  return out;
}

/** One start where a request fits: grid index, venue and room (-1 for a pull-aside). */
interface Found {
  g: number;
  venue: number;
  room: number;
  preferred: boolean;
}

/** Every start where `req` fits in `state`, best first (preferred, earlier, better-fitting room). */
function slotsOf(
  state: LoadedPlan['state'],
  req: RequestModel,
  options: readonly CandidateOption[],
  scratch: { ranks: Int32Array; words: Uint32Array; near: Instant | null },
): Found[] {
  const { ranks, words, near } = scratch;
  const m = state.m;
  const found: Found[] = [];
  for (const opt of options) {
    for (const g of opt.starts) {
      if (!state.personsFree(req, g, opt.venue) || !state.rulesFree(req, g)) continue;
      const room = opt.roomMask ? pickRoom(state, req, g, opt.rooms, opt.roomMask, words, ranks) : -1;
      if (opt.roomMask && room < 0) continue;
      found.push({ g, venue: opt.venue, room, preferred: startsPreferred(req, m.tl.gridMin[g]!) });
    }
  }
  const roomRank = (f: { room: number }) => (f.room < 0 ? 0 : ranks[f.room]!);
  if (near === null) {
    return found.sort(
      (a, b) => Number(b.preferred) - Number(a.preferred) || a.g - b.g || roomRank(a) - roomRank(b),
    );
  }
  // nearest to where a meeting was dropped first
  const at = instantMillis(near);
  const distance = (g: number) => Math.abs(instantMillis(instantOfMinute(m.tl, m.tl.gridMin[g]!)) - at);
  return found.sort((a, b) => distance(a.g) - distance(b.g) || a.g - b.g || roomRank(a) - roomRank(b));
}

/** The first `k` starts found, one room per start, as suggestions. */
function suggestionsOf(
  m: LoadedPlan['m'],
  req: RequestModel,
  found: readonly Found[],
  k: number,
): Suggestion[] {
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
