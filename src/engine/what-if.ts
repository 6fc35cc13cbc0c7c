// What-if: the best slot a request would get if one named blocker were moved or removed.
import type { RequestId } from '../domain/ids.js';
import type { SummitData } from '../domain/summit/data.js';
import type { PersonId } from '../domain/ids.js';
import { dayWindows, instantMillis, type Window } from '../domain/time.js';
import type { Blocker, Placement, Plan } from './result.js';
import { suggest, type Suggestion } from './suggest.js';

/** The answer to "what if this blocker went away": the slot, and the planned meetings it displaces. */
export interface WhatIf {
  blocker: Blocker;
  /** The best slot then, or null when the request still has none. */
  slot: Suggestion | null;
  /** Planned meetings that would have to move for that slot (when the blocker is one, or a room's bookings). */
  displaces: RequestId[];
  /** What was assumed, in words. */
  assumption: string;
}

/**
 * Answers for `request` what the best slot would be if `blocker` (as named in an explanation) were
 * moved or removed, within the current plan otherwise. Neither `data` nor `plan` is changed.
 */
export function whatIf(data: SummitData, plan: Plan, request: string, blocker: Blocker): WhatIf {
  const { data: d, plan: p, removed, assumption } = without(data, plan, request, blocker);
  const [slot] = suggest(d, p, request, 1);
  if (!slot) return { blocker, slot: null, displaces: [], assumption };
  const s = instantMillis(slot.start);
  const e = instantMillis(slot.end);
  const q = data.requests.find((x) => x.id === request)!;
  const displaces = removed
    .filter((mt) => {
      const overlaps = instantMillis(mt.start) < e && s < instantMillis(mt.end);
      const other = data.requests.find((x) => x.id === mt.request);
      const shared = other?.attendees.some((a) => q.attendees.includes(a)) ?? false;
      // A removed meeting must move if it shares the room or an attendee at overlapping times
      // (or, for a named meeting, whenever it was the blocker: travel and buffer count too).
      return blocker.kind === 'meeting' || (overlaps && (mt.room === slot.room || shared));
    })
    .map((mt) => mt.request);
  return { blocker, slot, displaces, assumption };
}

interface Without {
  data: SummitData;
  plan: Plan;
  removed: Placement[];
  assumption: string;
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
        const fixed = new Set(data.meetings.filter((mt) => mt.pinned).map((mt) => mt.request as string));
        const removed = plan.meetings.filter(
          (mt) =>
            mt.room !== null &&
            atVenue.has(mt.room) &&
            !fixed.has(mt.request) &&
            instantMillis(mt.start) < to &&
            from < instantMillis(mt.end),
        );
        const gone = new Set(removed.map((mt) => mt.request as string));
        return {
          data,
          plan: { ...plan, meetings: plan.meetings.filter((mt) => !gone.has(mt.request)) },
          removed,
          assumption: `meetings in ${b.venue ?? 'the'} rooms at those times move`,
        };
      }
      const q = data.requests.find((x) => x.id === request);
      return keep(
        {
          ...data,
          rooms: data.rooms.map((r) => {
            if (!atVenue.has(r.id)) return r;
            if (b.reason === 'unavailable') return { ...r, available: null };
            if (b.reason === 'lent') return { ...r, delegation: null };
            return { ...r, capacity: Math.max(r.capacity, q?.seats ?? q?.attendees.length ?? 1) };
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
  }
}
