// Lookups over one summit's data, built once per check: ids to records, day windows, presence,
// each person's fixed engagements and the travel table, all in epoch milliseconds.
import type { SummitData } from '../../domain/summit/data.js';
import type { Person, Room } from '../../domain/summit/schema.js';
import type { Request, RequestStatus } from '../../domain/request/schema.js';
import { dayWindows } from '../../domain/time.js';
import type { Engagement, GapRule } from './engagements.js';
import type { Span } from './spans.js';
import { MINUTE_MS, mergeSpans } from './spans.js';
import type { AppliedPolicy } from '../result.js';
import { NO_POLICY } from '../policy.js';

/** One summit day's meeting window. */
export interface DaySpan extends Span {
  date: string;
}

/** Read-only lookups over a summit, shared by the rules and the baseline solvers. */
export interface SummitIndex extends GapRule {
  data: SummitData;
  zone: string;
  grainMs: number;
  days: readonly DaySpan[];
  requests: ReadonlyMap<string, Request>;
  rooms: ReadonlyMap<string, Room>;
  /** A room's position in data.rooms: the order in which ties between rooms are broken. */
  roomOrder: ReadonlyMap<string, number>;
  persons: ReadonlyMap<string, Person>;
  /** The largest travel time of the table, for searches that need a bound. */
  maxTravelMs: number;
  /** A person's presence as merged spans; null when present for the whole summit. */
  presence(person: string): readonly Span[] | null;
  /** A person's programme events and busy blocks, sorted by start. */
  fixedEngagements(person: string): readonly Engagement[];
  /** The move policy the plan is judged under (summit-file.md rules 9 and 10). */
  policy: AppliedPolicy;
  /** The moment of planning in epoch milliseconds, or null. */
  nowMs: number | null;
  /** Existing meetings starting before this keep start and room (epoch ms), or null. */
  freezeUntilMs: number | null;
}

/** The states in which a request may be placed (summit-file.md, hard rule 1). */
export const PLACEABLE: ReadonlySet<RequestStatus> = new Set(['agreed', 'scheduled', 'confirmed']);

/** True when the request may be placed. */
export function isPlaceable(request: Request): boolean {
  return PLACEABLE.has(request.status);
}

/** The requesting delegation and its counterparts. */
export function partiesOf(request: Request): string[] {
  return [request.from, ...request.to];
}

/** Seats a request needs: `seats`, else one per attendee. */
export function seatsOf(request: Request): number {
  return request.seats ?? request.attendees.length;
}

/** Epoch milliseconds of an instant string. */
export function ms(instant: string): number {
  return Date.parse(instant);
}

/** Builds the lookups for `data`, judged under `policy` (default: none). */
export function indexSummit(data: SummitData, policy: AppliedPolicy = NO_POLICY): SummitIndex {
  const zone = data.summit.timezone;
  const days = dayWindows(data.summit.days, data.summit.dayWindow, zone).map((d) => ({
    date: d.date,
    from: ms(d.from),
    to: ms(d.to),
  }));
  const byId = <T extends { id: string }>(rows: readonly T[]) =>
    new Map(rows.map((r) => [r.id as string, r]));
  const delegations = byId(data.delegations);

  const travel = new Map<string, number>();
  let maxTravelMs = 0;
  for (const t of data.travel) {
    const m = t.minutes * MINUTE_MS;
    travel.set(`${t.a}\n${t.b}`, m);
    travel.set(`${t.b}\n${t.a}`, m);
    if (t.a !== t.b) maxTravelMs = Math.max(maxTravelMs, m);
  }
  const travelMs = (a: string | null, b: string | null) =>
    a === null || b === null || a === b ? 0 : (travel.get(`${a}\n${b}`) ?? 0);

  const presence = new Map<string, Span[] | null>();
  for (const p of data.persons) {
    const windows = p.presence ?? delegations.get(p.delegation)?.presence ?? null;
    presence.set(
      p.id,
      windows === null ? null : mergeSpans(windows.map((w) => ({ from: ms(w.from), to: ms(w.to) }))),
    );
  }

  const fixed = new Map<string, Engagement[]>();
  const add = (person: string, e: Engagement) => {
    const list = fixed.get(person);
    if (list) list.push(e);
    else fixed.set(person, [e]);
  };
  const principals = data.delegations.map((d) => d.principal as string);
  for (const ev of data.programme) {
    const who = ev.attendees === 'principals' ? principals : ev.attendees;
    const e: Engagement = {
      kind: 'programme',
      ref: ev.id,
      from: ms(ev.from),
      to: ms(ev.to),
      venue: ev.venue,
    };
    for (const person of new Set<string>(who)) add(person, e);
  }
  for (const b of data.busy) {
    add(b.person, { kind: 'busy', ref: b.id, from: ms(b.from), to: ms(b.to), venue: b.venue });
  }
  for (const list of fixed.values()) list.sort((a, b) => a.from - b.from);
  const nowMs = policy.now === null ? null : ms(policy.now);

  return {
    data,
    zone,
    grainMs: data.summit.grainMinutes * MINUTE_MS,
    bufferMs: data.summit.bufferMinutes * MINUTE_MS,
    days,
    requests: byId(data.requests),
    rooms: byId(data.rooms),
    roomOrder: new Map(data.rooms.map((r, i) => [r.id as string, i])),
    persons: byId(data.persons),
    maxTravelMs,
    travelMs,
    presence: (person) => presence.get(person) ?? null,
    fixedEngagements: (person) => fixed.get(person) ?? [],
    policy,
    nowMs,
    freezeUntilMs: nowMs === null ? null : nowMs + (policy.freezeHours ?? 0) * 3_600_000,
  };
}

/**
 * Why an existing meeting must keep its start and room, or null when it may move: it is pinned, its
 * request is confirmed, or it starts inside the freeze (summit-file.md rules 1 and 9).
 */
export function fixedBecause(
  index: SummitIndex,
  meeting: { start: string; pinned: boolean },
  request: Request,
): 'pinned' | 'confirmed' | 'frozen' | null {
  if (meeting.pinned) return 'pinned';
  if (request.status === 'confirmed') return 'confirmed';
  if (index.freezeUntilMs !== null && ms(meeting.start) < index.freezeUntilMs) return 'frozen';
  return null;
}
