// What-if: the best slot a request would get if one named blocker were moved or removed.
import type { RequestId } from '../domain/ids.js';
import type { SummitData } from '../domain/summit/data.js';
import type { PersonId, RoomId, VenueId } from '../domain/ids.js';
import { dayWindows, instantMillis, type Window } from '../domain/time.js';
import type { Blocker, Placement, Plan } from './result.js';
import { suggest, type Suggestion } from './suggest.js';
import { loadPlan } from './plan-state.js';
import { ConstraintExplainer } from './explain/constraints.js';

/** The answer to "what if this blocker went away": the slot, and the planned meetings it displaces. */
export interface WhatIf {
  blocker: Blocker;
  /**
   * What else had to go for a slot, when the blocker was not alone in the way at any start (its
   * explanation names these too): empty when lifting the blocker alone frees a slot.
   */
  also: Blocker[];
  /** The best slot then, or null when the request has none even so. */
  slot: Suggestion | null;
  /** Planned meetings that would have to move for that slot (when the blocker is one, or a room's bookings). */
  displaces: RequestId[];
  /** What was assumed, in words. */
  assumption: string;
}

/**
 * Answers for `request` what the best slot would be if `blocker` (as named in an explanation) were
 * moved or removed, within the current plan otherwise. When no start is free of everything but that
 * blocker, the other obstacles at the start it leaves least blocked are lifted too and listed in
 * `also`: an explanation names every blocker of at least one start with each blocker it names
 * (explain/constraints.ts completeCover), so a named blocker always leads to a slot. Neither `data`
 * nor `plan` is changed.
 */
export function whatIf(data: SummitData, plan: Plan, request: string, blocker: Blocker): WhatIf {
  let w = without(data, plan, request, blocker);
  let [slot] = suggest(w.data, w.plan, request, 1);
  let also: Blocker[] = [];
  if (!slot) {
    also = othersAtBestStart(w.data, w.plan, request);
    w = liftAll(w, request, also);
    [slot] = also.length > 0 ? suggest(w.data, w.plan, request, 1) : [];
  }
  const { removed, assumption } = w;
  if (!slot) return { blocker, also, slot: null, displaces: [], assumption };
  const s = instantMillis(slot.start);
  const e = instantMillis(slot.end);
  const q = data.requests.find((x) => x.id === request)!;
  const named = new Set([blocker, ...also].flatMap((b) => (b.kind === 'meeting' ? [b.request] : [])));
  const displaces = removed
    .filter((mt) => {
      const overlaps = instantMillis(mt.start) < e && s < instantMillis(mt.end);
      const other = data.requests.find((x) => x.id === mt.request);
      const shared = other?.attendees.some((a) => q.attendees.includes(a)) ?? false;
      // A removed meeting must move if it shares the room or an attendee at overlapping times
      // (or, for a named meeting, whenever it was the blocker: travel and buffer count too).
      return named.has(mt.request) || (overlaps && (mt.room === slot.room || shared));
    })
    .map((mt) => mt.request);
  return { blocker, also, slot, displaces: [...new Set(displaces)], assumption };
}

/**
 * The blockers of the start where the fewest things stand in `request`'s way (ties: the earliest),
 * judged as suggest judges (the request's own meeting set aside). Empty when no start exists.
 */
function othersAtBestStart(data: SummitData, plan: Plan, request: string): Blocker[] {
  const own = (mt: { request: string }) => mt.request !== request;
  const { m, state } = loadPlan(
    { ...data, meetings: data.meetings.filter(own) },
    { meetings: plan.meetings.filter(own) },
  );
  const r = m.requestIndex.get(request);
  if (r === undefined) return [];
  const a = new ConstraintExplainer(m, state).analyse(r);
  if ('fixed' in a) return a.fixed.blockers.filter((b) => b.kind !== 'window');
  let best = a.starts[0];
  for (const s of a.starts) if (best && s.keys.length < best.keys.length) best = s;
  if (!best) return [];
  const start = best;
  return start.keys.flatMap((k) => a.blockersOf(k, [start]));
}

/** A summit and plan with blockers taken away, the meetings that had to go, and what was assumed. */
export interface Without {
  data: SummitData;
  plan: Plan;
  removed: Placement[];
  assumption: string;
}

/** `w` with each of `blockers` taken away in turn (for `request`, as an explanation names them). */
export function liftAll(w: Without, request: string, blockers: readonly Blocker[]): Without {
  return blockers.reduce((acc, b) => {
    const next = without(acc.data, acc.plan, request, b);
    return {
      data: next.data,
      plan: next.plan,
      removed: [...acc.removed, ...next.removed],
      assumption: acc.assumption === '' ? next.assumption : `${acc.assumption}; ${next.assumption}`,
    };
  }, w);
}

/** The summit and plan with one blocker taken away (shallow copies; the inputs stay as they are). */
function without(data: SummitData, plan: Plan, request: string, b: Blocker): Without {
  const keep = (d: SummitData, assumption: string): Without => ({ data: d, plan, removed: [], assumption });
  switch (b.kind) {
    case 'programme': {
      const principals = data.delegations.map((x) => x.principal);
      return keep(
        {
          ...data,
          programme: data.programme.map((e) => {
            if (e.id !== b.event) return e;
            const who = e.attendees === 'principals' ? principals : e.attendees;
            return { ...e, attendees: who.filter((x) => x !== b.person) };
          }),
        },
        `${b.person} skips ${b.title}`,
      );
    }
    case 'busy':
      return keep(
        {
          ...data,
          busy: data.busy.filter((x) => !(x.person === b.person && x.from === b.from && x.to === b.to)),
        },
        `${b.person}'s ${b.label ?? 'commitment'} moves`,
      );
    case 'presence': {
      const days = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone);
      const whole = { from: days[0]!.from, to: days[days.length - 1]!.to } as Window;
      return keep(
        {
          ...data,
          persons: data.persons.map((x) =>
            x.id === (b.person as PersonId) ? { ...x, presence: [whole] } : x,
          ),
        },
        `${b.person} is present for the whole summit`,
      );
    }
    case 'meeting': {
      if (b.request === request) return keep(data, 'nothing changes');
      const removed = plan.meetings.filter((mt) => mt.request === b.request);
      return {
        data: { ...data, meetings: data.meetings.filter((mt) => mt.request !== b.request) },
        plan: { ...plan, meetings: plan.meetings.filter((mt) => mt.request !== b.request) },
        removed,
        assumption: `meeting ${b.request} moves`,
      };
    }
    case 'rooms': {
      const atVenue = new Set(
        data.rooms.filter((r) => b.venue === null || r.venue === b.venue).map((r) => r.id as string),
      );
      if (b.reason === 'taken') {
        const from = b.from ? instantMillis(b.from) : -Infinity;
        const to = b.to ? instantMillis(b.to) : Infinity;
        // Every booking of those rooms then moves, pinned and confirmed ones too (it is a question).
        const removed = plan.meetings.filter(
          (mt) =>
            mt.request !== request &&
            mt.room !== null &&
            atVenue.has(mt.room) &&
            instantMillis(mt.start) < to &&
            from < instantMillis(mt.end),
        );
        const gone = new Set(removed.map((mt) => mt.request as string));
        return {
          data: { ...data, meetings: data.meetings.filter((mt) => !gone.has(mt.request)) },
          plan: { ...plan, meetings: plan.meetings.filter((mt) => !gone.has(mt.request)) },
          removed,
          assumption: `meetings in ${b.venue ?? 'the'} rooms at those times move`,
        };
      }
      const q = data.requests.find((x) => x.id === request);
      const seats = q?.seats ?? q?.attendees.length ?? 1;
      const where = b.venue ?? data.venues[0]?.id ?? null;
      if (b.reason === 'too-small' && atVenue.size === 0 && where !== null) {
        // The venue has no room at all: the question is what a room there would give.
        const room = {
          id: 'what-if-room' as RoomId,
          venue: where as VenueId,
          name: `A room at ${where}`,
          capacity: seats,
          available: null,
          delegation: null,
          features: q?.needs ?? [],
          version: 1,
        };
        return keep(
          { ...data, rooms: [...data.rooms, room] },
          `a room seating ${seats} is added at ${where}`,
        );
      }
      return keep(
        {
          ...data,
          rooms: data.rooms.map((r) => {
            if (!atVenue.has(r.id)) return r;
            if (b.reason === 'unavailable') return { ...r, available: null };
            if (b.reason === 'lent') return { ...r, delegation: null };
            return { ...r, capacity: Math.max(r.capacity, seats) };
          }),
        },
        b.reason === 'unavailable'
          ? `the ${b.venue ?? ''} rooms are available all summit`
          : b.reason === 'lent'
            ? `the ${b.venue ?? ''} rooms lent to delegations are opened to all`
            : `a ${b.venue ?? ''} room is large enough`,
      );
    }
    case 'travel':
      return keep(
        {
          ...data,
          travel: data.travel.filter(
            (t) =>
              !((t.a === b.fromVenue && t.b === b.toVenue) || (t.a === b.toVenue && t.b === b.fromVenue)),
          ),
        },
        `no travel time between ${b.fromVenue} and ${b.toVenue}`,
      );
    case 'window':
      return keep(
        { ...data, requests: data.requests.map((q) => (q.id === request ? { ...q, allowed: null } : q)) },
        'the request has no allowed windows',
      );
    case 'quota': {
      // The quotas that count this delegation's meetings that way are lifted (for the question only).
      const lifted = data.summit.quotas.filter(
        (q) =>
          (q.delegation === '*' || q.delegation === b.delegation) &&
          q.per === b.per &&
          (q.as === 'requester') === b.requester &&
          (b.measure === 'meetings' ? q.meetings : q.minutes) === b.limit,
      );
      return keep(
        {
          ...data,
          summit: { ...data.summit, quotas: data.summit.quotas.filter((q) => !lifted.includes(q)) },
        },
        `${b.delegation}'s quota per ${b.per} is lifted`,
      );
    }
    case 'interpreters':
      return keep(
        {
          ...data,
          delegations: data.delegations.map((d) =>
            d.id === b.delegation && d.interpreters !== null ? { ...d, interpreters: d.interpreters + 1 } : d,
          ),
        },
        `${b.delegation} brings one more interpreter`,
      );
    case 'features': {
      const atVenue = (r: SummitData['rooms'][number]) => b.venue === null || r.venue === b.venue;
      if (b.from && b.to) {
        // The rooms with those features are taken then: their bookings move.
        const from = instantMillis(b.from);
        const to = instantMillis(b.to);
        const suited = new Set(
          data.rooms
            .filter((r) => atVenue(r) && b.needs.every((n) => r.features.includes(n)))
            .map((r) => r.id as string),
        );
        const removed = plan.meetings.filter(
          (mt) =>
            mt.request !== request &&
            mt.room !== null &&
            suited.has(mt.room) &&
            instantMillis(mt.start) < to &&
            from < instantMillis(mt.end),
        );
        const gone = new Set(removed.map((mt) => mt.request as string));
        return {
          data: { ...data, meetings: data.meetings.filter((mt) => !gone.has(mt.request)) },
          plan: { ...plan, meetings: plan.meetings.filter((mt) => !gone.has(mt.request)) },
          removed,
          assumption: `meetings in rooms with ${b.needs.join(' and ')} at those times move`,
        };
      }
      return keep(
        {
          ...data,
          rooms: data.rooms.map((r) =>
            atVenue(r) ? { ...r, features: [...new Set([...r.features, ...b.needs])] } : r,
          ),
        },
        `the ${b.venue === null ? '' : `${b.venue} `}rooms have ${b.needs.join(' and ')}`,
      );
    }
    case 'turnover':
      return keep(
        { ...data, summit: { ...data.summit, roomTurnoverMinutes: 0 } },
        'rooms need no turnover between meetings',
      );
  }
}
