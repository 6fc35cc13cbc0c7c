// A fast-check generator of small valid SummitData, for property tests of the summit file and of
// anything else that consumes summits. Times are whole minutes around daylight-saving changes and
// in half-hour zones; names include strings that YAML readers are known to misread.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type {
  BusyId,
  ConditionId,
  DelegationId,
  PersonId,
  ProgrammeEventId,
  RequestId,
  RoomId,
  SummitId,
  VenueId,
} from '../../../src/domain/ids.js';
import type { Meeting } from '../../../src/domain/meeting/schema.js';
import {
  ConditionKind,
  ConditionStatus,
  Format,
  Level,
  RequestStatus,
  type Condition,
  type Request,
} from '../../../src/domain/request/schema.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { checkRankParity } from '../../../src/domain/request/rank-parity.js';
import {
  NO_PLANNING_LIMITS,
  PressAccess,
  QuotaPeriod,
  QuotaRole,
  Rank,
  RankParity,
  type Planning,
  type Quota,
} from '../../../src/domain/summit/practice.js';
import type {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Travel,
  Venue,
} from '../../../src/domain/summit/schema.js';
import { addMinutes, instantFromMillis, type Instant, type Window } from '../../../src/domain/time.js';

/** Zones and first days that exercise half-hour offsets and both daylight-saving changes. */
const SETTINGS = [
  { zone: 'Asia/Kolkata', from: '2023-09-08' },
  { zone: 'America/New_York', from: '2024-03-09' }, // clocks go forward on the 10th
  { zone: 'America/New_York', from: '2024-11-02' }, // clocks go back on the 3rd
  { zone: 'Asia/Ho_Chi_Minh', from: '2017-11-08' },
  { zone: 'Australia/Lord_Howe', from: '2024-04-06' }, // a half-hour change on the 7th
] as const;

const TRICKY = [
  'yes',
  'No',
  'on',
  'null',
  '~',
  '07:00',
  '2017-11-08',
  '1e3',
  '0o17',
  '017',
  '- dash',
  '#hash',
  'Syria: talks',
  'a, b',
  '[x]',
  '{y}',
  '"quoted"',
  "it's",
  '  padded  ',
  'line\nbreak',
  'Đà Nẵng',
  '🇺🇸 USA',
];

type G = fc.GeneratorValue;

const text = (g: G, max = 30): string =>
  g(() => fc.oneof(fc.string({ minLength: 1, maxLength: max }), fc.constantFrom(...TRICKY)));
const int = (g: G, min: number, max: number): number => g(fc.integer, { min, max });
const bool = (g: G): boolean => g(fc.boolean);
const pick = <T>(g: G, items: readonly T[]): T => items[int(g, 0, items.length - 1)] as T;
const some = <T>(g: G, items: readonly T[], min = 0): T[] =>
  g(() => fc.subarray([...items], { minLength: Math.min(min, items.length) }));
const times = <T>(g: G, min: number, max: number, make: (i: number) => T): T[] =>
  Array.from({ length: int(g, min, max) }, (_, i) => make(i + 1));

const FEATURES = ['flags', 'press', 'interpretation', 'catering', 'step-and-repeat'];
const LANGUAGES = ['en', 'ru', 'zh', 'es', 'vi', 'zh-hant'];

/** Arbitrary small summits that a summit file can hold. */
export function summitDataArbitrary(): fc.Arbitrary<SummitData> {
  // Shrinking an imperative generator explores a large tree; a bounded number of steps still
  // gives a small counterexample and keeps a failing run to seconds.
  return fc.limitShrink(fc.gen().map(buildSummit), 100);
}

function buildSummit(g: G): SummitData {
  const setting = pick(g, SETTINGS);
  const days = int(g, 1, 3);
  const grain = pick(g, [5, 10, 15, 30]);
  const start = DateTime.fromISO(setting.from, { zone: setting.zone });
  const spanMinutes = (days + 1) * 24 * 60;
  const time = (): Instant => instantFromMillis(start.toMillis() + int(g, 0, spanMinutes) * 60_000);
  const window = (): Window => {
    const from = time();
    return { from, to: addMinutes(from, int(g, 1, 600)) };
  };
  const windows = (): Window[] => times(g, 0, 2, window);
  const maybe = <T>(make: () => T): T | null => (bool(g) ? make() : null);

  const venues: Venue[] = times(g, 0, 3, (i) => ({ id: `v${i}` as VenueId, name: text(g), version: 1 }));
  const venueIds = venues.map((v) => v.id);
  const travel: Travel[] = [];
  venueIds.forEach((a, i) =>
    venueIds.slice(i + 1).forEach((b) => {
      if (bool(g))
        travel.push(bool(g) ? { a, b, minutes: int(g, 0, 90) } : { a: b, b: a, minutes: int(g, 0, 90) });
    }),
  );

  const delegations: Delegation[] = [];
  const persons: Person[] = [];
  times(g, 2, 4, (i) => {
    const id = `d${i}` as DelegationId;
    const person = (pid: string, role: Person['role']): Person => ({
      id: pid as PersonId,
      delegation: id,
      name: text(g),
      title: maybe(() => (bool(g) ? '' : text(g))),
      role,
      presence: maybe(windows),
      languages: maybe(() => some(g, LANGUAGES)),
      rank: maybe(() => pick(g, Rank.options)),
      version: 1,
    });
    persons.push(person(`${id}-p`, 'principal'), ...times(g, 0, 2, (j) => person(`${id}-m${j}`, 'member')));
    delegations.push({
      id,
      name: text(g),
      principal: `${id}-p` as PersonId,
      presence: maybe(windows),
      languages: maybe(() => some(g, LANGUAGES)),
      interpreters: maybe(() => int(g, 0, 4)),
      version: 1,
    });
  });
  const delegationIds = delegations.map((d) => d.id);
  const personIds = persons.map((p) => p.id);

  const rooms: Room[] =
    venueIds.length === 0
      ? []
      : times(g, 0, 3, (i) => ({
          id: `r${i}` as RoomId,
          venue: pick(g, venueIds),
          name: text(g),
          capacity: int(g, 1, 30),
          available: maybe(windows),
          delegation: maybe(() => pick(g, delegationIds)),
          features: some(g, FEATURES),
          version: 1,
        }));

  const programme: ProgrammeEvent[] = times(g, 0, 2, (i) => {
    const w = window();
    return {
      id: `e${i}` as ProgrammeEventId,
      title: text(g),
      venue: venueIds.length > 0 ? maybe(() => pick(g, venueIds)) : null,
      from: w.from,
      to: w.to,
      attendees: bool(g) ? 'principals' : some(g, personIds),
      encounter: bool(g),
      version: 1,
    };
  });

  const perPerson = new Map<string, number>();
  const busy: Busy[] = times(g, 0, 4, (i) => {
    const person = pick(g, personIds);
    const n = (perPerson.get(person) ?? 0) + 1;
    perPerson.set(person, n);
    const w = window();
    return {
      id: (bool(g) ? `busy-${person}-${n}` : `b${i}`) as BusyId,
      person,
      from: w.from,
      to: w.to,
      venue: venueIds.length > 0 ? maybe(() => pick(g, venueIds)) : null,
      label: maybe(() => text(g)),
      version: 1,
    };
  });

  const conditions: Condition[] = [];
  const requests: Request[] = times(g, 0, 4, (i) => {
    const id = `q${i}` as RequestId;
    const from = pick(g, delegationIds);
    const to = some(
      g,
      delegationIds.filter((d) => d !== from),
      1,
    );
    const parties = [from, ...to];
    const status = pick(g, RequestStatus.options);
    const formats = parties.length >= 3 ? Format.options : Format.options.filter((f) => f !== 'multilateral');
    times(g, 0, 2, (j) =>
      conditions.push({
        id: `c${j}` as ConditionId,
        request: id,
        by: pick(g, parties),
        kind: pick(g, ConditionKind.options),
        text: text(g, 100),
        status: pick(g, ConditionStatus.options),
        counters: null,
        version: 1,
      }),
    );
    const format = pick(g, formats);
    return {
      id,
      from,
      to,
      format,
      level: pick(g, Level.options),
      minutes: grain * int(g, 1, 6),
      priority: int(g, 1, 5),
      topics: times(g, 0, 3, () => text(g, 20)),
      // the request rules: every attendee belongs to a party
      attendees: some(
        g,
        persons.filter((p) => parties.includes(p.delegation)).map((p) => p.id),
      ),
      seats: maybe(() => int(g, 1, 20)),
      venue: venueIds.length > 0 ? maybe(() => pick(g, venueIds)) : null,
      allowed: maybe(windows),
      preferred: windows(),
      status,
      acceptedBy: ['agreed', 'scheduled', 'confirmed', 'held'].includes(status)
        ? parties
        : status === 'draft'
          ? []
          : parties.slice(0, 1),
      downgrade: null,
      confidential: bool(g),
      needs: format === 'pull-aside' ? [] : some(g, FEATURES),
      press: pick(g, PressAccess.options),
      version: 1,
    };
  });

  const meetings: Meeting[] = [];
  for (const r of some(g, requests)) {
    const pullAside = r.format === 'pull-aside';
    if (!pullAside && rooms.length === 0) continue;
    const start = time();
    meetings.push({
      request: r.id,
      start,
      end: addMinutes(start, r.minutes),
      room: pullAside ? null : pick(g, rooms).id,
      pinned: bool(g),
      confirmedBy: r.status === 'confirmed' || r.status === 'held' ? [r.from, ...r.to] : [],
      announced: bool(g),
      version: 1,
    });
  }

  const quotas: Quota[] = times(g, 0, 2, () => {
    const meetings = maybe(() => int(g, 0, 8));
    return {
      delegation: bool(g) ? '*' : pick(g, delegationIds),
      per: pick(g, QuotaPeriod.options),
      meetings,
      minutes: meetings === null || bool(g) ? int(g, 0, 900) : null,
      as: pick(g, QuotaRole.options),
    };
  });
  const planning: Planning = bool(g)
    ? NO_PLANNING_LIMITS
    : { maxMoves: maybe(() => int(g, 0, 10)), now: maybe(time), freezeHours: maybe(() => int(g, 0, 48)) };
  // A summit that refuses rank mismatches holds none: a file with one does not read.
  const people = new Map(persons.map((p) => [p.id as string, p]));
  const mismatched = requests.some((r) => checkRankParity(r, (id) => people.get(id)) !== null);
  const parity = pick(g, RankParity.options);

  return {
    summit: {
      id: 'summit-1' as SummitId,
      name: text(g),
      timezone: setting.zone,
      days: { from: setting.from, to: start.plus({ days: days - 1 }).toISODate() as string },
      dayWindow: pick(g, [
        { from: '00:00', to: '24:00' },
        { from: '07:00', to: '23:00' },
        { from: '08:30', to: '18:00' },
      ]),
      grainMinutes: grain,
      bufferMinutes: int(g, 0, 30),
      roomTurnoverMinutes: bool(g) ? 0 : int(g, 0, 30),
      rankParity: parity === 'refuse' && mismatched ? 'warn' : parity,
      planning,
      quotas,
      confirmation: bool(g)
        ? null
        : {
            at: pick(g, ['08:00', '18:00', '23:30']),
            daysBefore: int(g, 0, 2),
            lapse: pick(g, ['keep', 'release'] as const),
          },
      version: 1,
    },
    venues,
    travel,
    rooms,
    delegations,
    persons,
    programme,
    busy,
    requests,
    conditions,
    meetings,
  };
}
