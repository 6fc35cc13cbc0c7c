// A fast-check generator of small valid summits for property tests: persons with presence, rooms
// (some lent, some with availability), venues and travel, programme events, busy blocks, requests
// in various states and formats (pull-asides included), and existing meetings, pinned or not, that
// a valid plan can keep. Time zones include a half-hour offset and both daylight-saving nights.
import fc from 'fast-check';
import type { SummitData } from '../../../src/domain/summit/data.js';
import {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Summit,
  Travel,
  Venue,
} from '../../../src/domain/summit/schema.js';
import { Format, Request, RequestStatus } from '../../../src/domain/request/schema.js';
import { dayWindows, instantFromMillis } from '../../../src/domain/time.js';
import { withExistingMeetings } from './arbitrary-meetings.js';
import { MINUTE_MS } from '../../../src/engine/check/spans.js';

/** Bounds on the generated summits (defaults in brackets). */
export interface SummitArbitraryOptions {
  /** Delegations, at least 2 [4]. */
  maxDelegations?: number;
  /** Requests, at least 1 [8]. */
  maxRequests?: number;
  /** Rooms, at least 1 [4]. */
  maxRooms?: number;
  /** Summit days, at least 1 [2]. */
  maxDays?: number;
  /** Grains to pick from [15, 30, 60]. */
  grains?: number[];
  /** Add existing meetings (pinned ones taken from a valid plan) [true]. */
  meetings?: boolean;
}

/** A zone, a first day and a day window; the New York ones cross a daylight-saving night. */
const CALENDARS = [
  { zone: 'Asia/Ho_Chi_Minh', date: '2017-11-10', window: { from: '07:00', to: '12:00' } },
  { zone: 'Asia/Kolkata', date: '2023-09-09', window: { from: '09:30', to: '13:30' } },
  { zone: 'America/New_York', date: '2024-03-10', window: { from: '00:00', to: '05:00' } },
  { zone: 'America/New_York', date: '2024-11-03', window: { from: '00:00', to: '03:00' } },
  { zone: 'UTC', date: '2024-01-01', window: { from: '20:00', to: '24:00' } },
] as const;

const STATUSES = RequestStatus.options;
const PLACEABLE_STATUSES = ['agreed', 'scheduled', 'confirmed'] as const;

/** `null` `nulls` times in `nulls + 1` (default 3 in 4), else a value of `arb`. */
const rarely = <T>(arb: fc.Arbitrary<T>, nulls = 3) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: nulls }, { arbitrary: arb, weight: 1 });

/** Small valid summits; every id reference resolves and every window is non-empty. */
export function summitDataArbitrary(options: SummitArbitraryOptions = {}): fc.Arbitrary<SummitData> {
  const maxDays = Math.max(1, options.maxDays ?? 2);
  const settings = fc.record({
    calendar: fc.constantFrom(...CALENDARS),
    days: fc.integer({ min: 1, max: maxDays }),
    grain: fc.constantFrom(...(options.grains ?? [15, 30, 60])),
    buffer: fc.constantFrom(0, 5, 15),
    delegations: fc.integer({ min: 2, max: Math.max(2, options.maxDelegations ?? 4) }),
    members: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
    venues: fc.integer({ min: 1, max: 3 }),
  });
  const data = settings.chain((s) => summitWith(s, options));
  return options.meetings === false ? data : data.chain(withExistingMeetings);
}

interface Settings {
  calendar: (typeof CALENDARS)[number];
  days: number;
  grain: number;
  buffer: number;
  delegations: number;
  members: number[];
  venues: number;
}

function summitWith(s: Settings, options: SummitArbitraryOptions): fc.Arbitrary<SummitData> {
  const last = new Date(Date.parse(`${s.calendar.date}T12:00:00Z`) + (s.days - 1) * 86_400_000);
  const summit = Summit.parse({
    id: 'prop-summit',
    name: 'Generated summit',
    timezone: s.calendar.zone,
    days: { from: s.calendar.date, to: last.toISOString().slice(0, 10) },
    dayWindow: s.calendar.window,
    grainMinutes: s.grain,
    bufferMinutes: s.buffer,
    version: 1,
  });
  const days = dayWindows(summit.days, summit.dayWindow, summit.timezone).map((d) => Date.parse(d.from));
  const delegationIds = Array.from({ length: s.delegations }, (_, i) => `d${i}`);
  const personsOf = (d: number) => [
    `d${d}-lead`,
    ...Array.from({ length: s.members[d] ?? 0 }, (_, m) => `d${d}-m${m}`),
  ];
  const personIds = delegationIds.flatMap((_, d) => personsOf(d));
  const venueIds = Array.from({ length: s.venues }, (_, i) => `v${i}`);

  // A window near the day windows: a day, a start 5-minute aligned from an hour before, a length.
  const window = (maxMinutes: number, minMinutes = 15) =>
    fc
      .record({
        day: fc.integer({ min: 0, max: days.length - 1 }),
        offset: fc.integer({ min: -12, max: 60 }),
        length: fc.integer({ min: minMinutes / 15, max: maxMinutes / 15 }),
      })
      .map(({ day, offset, length }) => {
        const from = (days[day] as number) + offset * 5 * MINUTE_MS;
        return { from: instantFromMillis(from), to: instantFromMillis(from + length * 15 * MINUTE_MS) };
      });
  const windows = (max: number, maxMinutes: number, minMinutes = 15) =>
    fc.array(window(maxMinutes, minMinutes), { minLength: 1, maxLength: max });

  const travel = fc
    .array(fc.constantFrom(null, 0, 15, 30, 60), { minLength: 3, maxLength: 3 })
    .map((minutes) =>
      venueIds.flatMap((a, i) =>
        venueIds.slice(i + 1).flatMap((b, j) => {
          const m = minutes[(i + j) % 3];
          return m === null || m === undefined ? [] : [Travel.parse({ a, b, minutes: m })];
        }),
      ),
    );
  const rooms = fc
    .array(
      fc.record({
        venue: fc.constantFrom(...venueIds),
        capacity: fc.integer({ min: 3, max: 12 }),
        available: rarely(windows(2, 300)),
        delegation: rarely(fc.constantFrom(...delegationIds)),
      }),
      { minLength: 1, maxLength: Math.max(1, options.maxRooms ?? 4) },
    )
    .map((list) => list.map((r, i) => Room.parse({ id: `r${i}`, name: `Room ${i}`, version: 1, ...r })));
  const presence = fc.record({
    delegations: fc.array(rarely(windows(2, 600, 180), 8), {
      minLength: s.delegations,
      maxLength: s.delegations,
    }),
    persons: fc.array(rarely(windows(2, 600, 180), 8), {
      minLength: personIds.length,
      maxLength: personIds.length,
    }),
  });
  const programme = fc.array(
    fc.record({
      window: window(90),
      venue: rarely(fc.constantFrom(...venueIds)),
      attendees: fc.oneof(
        { arbitrary: fc.constant('principals' as const), weight: 1 },
        {
          arbitrary: fc.subarray(personIds, { minLength: 1, maxLength: Math.min(3, personIds.length) }),
          weight: 2,
        },
      ),
      encounter: fc.boolean(),
    }),
    { maxLength: 2 },
  );
  const busy = fc.array(
    fc.record({
      person: fc.constantFrom(...personIds),
      window: window(60),
      venue: rarely(fc.constantFrom(...venueIds)),
    }),
    { maxLength: 3 },
  );
  const requests = fc.array(requestArbitrary(s, delegationIds, personsOf, venueIds, windows), {
    minLength: 1,
    maxLength: Math.max(1, options.maxRequests ?? 8),
  });

  return fc.record({ travel, rooms, presence, programme, busy, requests }).map((g) => ({
    summit,
    venues: venueIds.map((id) => Venue.parse({ id, name: `Venue ${id}`, version: 1 })),
    travel: g.travel,
    rooms: g.rooms,
    delegations: delegationIds.map((id, i) =>
      Delegation.parse({
        id,
        name: `Delegation ${id}`,
        principal: `${id}-lead`,
        presence: g.presence.delegations[i] ?? null,
        version: 1,
      }),
    ),
    persons: delegationIds.flatMap((d, i) =>
      personsOf(i).map((id, k) =>
        Person.parse({
          id,
          delegation: d,
          name: `Person ${id}`,
          title: null,
          role: k === 0 ? 'principal' : 'member',
          presence: g.presence.persons[personIds.indexOf(id)] ?? null,
          version: 1,
        }),
      ),
    ),
    programme: g.programme.map((e, i) =>
      ProgrammeEvent.parse({
        id: `e${i}`,
        title: `Event ${i}`,
        ...e.window,
        venue: e.venue,
        attendees: e.attendees,
        encounter: e.encounter,
        version: 1,
      }),
    ),
    busy: g.busy.map((b, i) =>
      Busy.parse({ id: `b${i}`, person: b.person, ...b.window, venue: b.venue, label: null, version: 1 }),
    ),
    requests: g.requests.map((r, i) => Request.parse({ ...r, id: `q${i}` })),
    conditions: [],
    meetings: [],
  }));
}

function requestArbitrary(
  s: Settings,
  delegationIds: string[],
  personsOf: (d: number) => string[],
  venueIds: string[],
  windows: (
    max: number,
    maxMinutes: number,
    minMinutes?: number,
  ) => fc.Arbitrary<{ from: string; to: string }[]>,
) {
  return fc
    .record({
      from: fc.integer({ min: 0, max: delegationIds.length - 1 }),
      others: fc.subarray(
        delegationIds.map((_, i) => i),
        { minLength: 1, maxLength: 2 },
      ),
      pick: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    })
    .filter(({ from, others }) => others.some((o) => o !== from))
    .chain(({ from, others, pick }) => {
      const to = others.filter((o) => o !== from);
      const candidates = [from, ...to].flatMap(personsOf);
      // Principals always attend; members when picked.
      const attendees = candidates.filter((p, i) => p.endsWith('-lead') || pick[i % pick.length]);
      return fc.record({
        from: fc.constant(delegationIds[from] as string),
        to: fc.constant(to.map((o) => delegationIds[o] as string)),
        format: fc.constantFrom(...Format.options),
        level: fc.constant('leaders' as const),
        minutes: fc.integer({ min: 1, max: 2 }).map((k) => k * s.grain),
        priority: fc.integer({ min: 1, max: 5 }),
        topics: fc.constant([]),
        attendees: fc.constant(attendees),
        seats: rarely(fc.integer({ min: 1, max: 8 })),
        venue: rarely(fc.constantFrom(...venueIds), 5),
        allowed: rarely(windows(2, 240, 60)),
        preferred: fc.oneof(fc.constant([]), windows(2, 120)),
        status: fc.oneof(
          { arbitrary: fc.constantFrom(...PLACEABLE_STATUSES), weight: 4 },
          { arbitrary: fc.constantFrom(...STATUSES), weight: 1 },
        ),
        acceptedBy: fc.constant([]),
        downgrade: fc.constant(null),
        confidential: fc.constant(false),
        version: fc.constant(1),
      });
    });
}
