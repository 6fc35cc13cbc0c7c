// Delegations of states and the meeting requests between them, shared by the APEC, G20 and
// UNGA generators: principals in Zipf-like demand, a mix of levels and formats, hard and soft
// windows, priorities 1–5, most requests agreed and a few already placed (some pinned).
import type { SummitBuilder } from './builder.js';
import type { Span } from './clock.js';
import { placeExistingMeetings } from './existing.js';
import type { FileRequest } from './file.js';
import { WeightedPicker, zipfWeights } from './prng.js';
import { hardWindow, halfDay, mealWindow, presenceOverlap, PRIORITY_MIX } from './windows.js';

/** The persons of one state delegation, by the levels they meet at. */
export interface StateDelegation {
  id: string;
  principal: string;
  ministers: string[];
  officials: string[];
}

const MINISTER_TITLES = ['Minister of Foreign Affairs', 'Minister of Trade', 'Minister of Finance'];

/**
 * Adds a state delegation: a principal, `ministers` ministers and `officials` officials.
 * `presence` is the delegation's; `principalPresence`, when given, overrides it for the principal.
 */
export function addStateDelegation(
  b: SummitBuilder,
  d: { id: string; name: string; ministers: number; officials: number },
  presence: Span | null,
  principalPresence?: Span,
): StateDelegation {
  const principal = `${d.id}-leader`;
  const ministers = Array.from({ length: d.ministers }, (_, i) => `${d.id}-min${i + 1}`);
  const officials = Array.from({ length: d.officials }, (_, i) => `${d.id}-off${i + 1}`);
  b.addDelegation(
    { id: d.id, name: d.name, presence },
    {
      id: principal,
      name: `Leader of ${d.name}`,
      title: 'Head of State or Government',
      ...(principalPresence ? { presence: principalPresence } : {}),
    },
    [
      ...ministers.map((id, i) => ({
        id,
        name: `${MINISTER_TITLES[i % MINISTER_TITLES.length]} of ${d.name}`,
        title: MINISTER_TITLES[i % MINISTER_TITLES.length] as string,
      })),
      ...officials.map((id, i) => ({
        id,
        name: `${i === 0 ? 'Sherpa' : 'Senior official'} of ${d.name}`,
        title: i === 0 ? 'Sherpa' : 'Senior Official',
      })),
    ],
  );
  return { id: d.id, principal, ministers, officials };
}

type Format = FileRequest['format'];
type Level = FileRequest['level'];

/** How much and what kind of demand a summit sees. */
export interface DemandSpec {
  requests: number;
  /** Zipf exponent of who is asked (higher = a few principals in heavy demand). */
  targetSkew: number;
  /** Zipf exponent of who asks. */
  requesterSkew: number;
  formats: [Format, number][];
  levels: [Level, number][];
  /** Minutes by format, as `[minutes, weight]` pairs. */
  minutes: Record<Format, [number, number][]>;
  /** Counterparts of a multilateral, besides the requester. */
  multilateralParties: [number, number];
  /** Share of requests with one hard window. */
  allowedShare: number;
  /** Share of requests with a preferred window. */
  preferredShare: number;
  /** Venues where a pull-aside may be set (empty: never). */
  pullAsideVenues: string[];
  /** Share of bilaterals restricted to one venue. */
  venueShare: number;
  /** Requests to place up front as existing meetings: scheduled ones and confirmed ones. */
  existing: { scheduled: number; confirmed: number; pinnedShare: number };
  topics: string[];
}

const STATUS_MIX: [string, number][] = [
  ['agreed', 86],
  ['requested', 4],
  ['under-consideration', 3],
  ['conditions-pending', 3],
  ['declined', 2],
  ['withdrawn', 1],
  ['draft', 1],
];

/**
 * Adds `spec.requests` requests among `delegations`, which are given in order of demand
 * (the first is the most sought after), then places a few of them as existing meetings.
 */
export function addDiplomaticDemand(
  b: SummitBuilder,
  delegations: StateDelegation[],
  spec: DemandSpec,
): void {
  const { rng } = b;
  const targets = new WeightedPicker(delegations, zipfWeights(delegations.length, spec.targetSkew));
  const requesters = new WeightedPicker(delegations, zipfWeights(delegations.length, spec.requesterSkew));
  const maxSeats = Math.max(...b.file.rooms.map((r) => r.capacity));
  const seen = new Set<string>();
  const made: FileRequest[] = [];
  let guard = 0;
  while (made.length < spec.requests && guard++ < spec.requests * 50) {
    const from = requesters.pick(rng);
    const format = rng.mix(spec.formats);
    const level: Level =
      format === 'pull-aside' ? 'leaders' : format === 'courtesy-call' ? 'ministers' : rng.mix(spec.levels);
    const counterparts = Math.min(
      delegations.length - 1,
      format === 'multilateral' ? rng.int(spec.multilateralParties[0], spec.multilateralParties[1]) : 1,
    );
    const to: StateDelegation[] = [];
    while (to.length < counterparts) {
      const t = targets.pick(rng);
      if (t.id !== from.id && !to.includes(t)) to.push(t);
    }
    const key = `${from.id}>${to
      .map((t) => t.id)
      .sort()
      .join(',')}/${level}/${format}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const attendees = chooseAttendees(b, format, level, from, to);
    const minutes = rng.mix(spec.minutes[format]);
    const id = `r${String(made.length + 1).padStart(5, '0')}-${from.id}-${to[0]?.id ?? ''}`;
    const parties = [from, ...to];
    const overlap = presenceOverlap(b, attendees);
    const extraSeats = format === 'pull-aside' ? 0 : rng.int(0, 2 * parties.length);
    const seats = Math.min(maxSeats, attendees.length + extraSeats);
    const request: FileRequest = {
      id,
      from: from.id,
      to: to.map((t) => t.id),
      format,
      level,
      minutes,
      priority: rng.mix(PRIORITY_MIX),
      topics: rng.sample(spec.topics, rng.int(1, 3)),
      attendees,
      ...(seats !== attendees.length ? { seats } : {}),
    };
    if (format === 'pull-aside' && spec.pullAsideVenues.length > 0 && rng.chance(0.5)) {
      request.venue = rng.pick(spec.pullAsideVenues);
    } else if (format !== 'pull-aside' && b.file.venues.length > 1 && rng.chance(spec.venueShare)) {
      request.venue = rng.pick(b.file.venues).id;
    }
    if (format === 'working-meal') {
      request.allowed = [mealWindow(b, overlap)];
    } else if (rng.chance(spec.allowedShare)) {
      request.allowed = [hardWindow(b, overlap)];
    }
    if (rng.chance(spec.preferredShare)) request.preferred = [halfDay(b, overlap)];
    // The file's default state is `requested`, so the state is always written.
    const status = rng.mix(STATUS_MIX);
    request.status = status;
    if (status === 'conditions-pending') {
      request.conditions = [
        { id: 'c1', by: rng.pick(parties).id, text: 'Agreed outcome document to announce', status: 'open' },
      ];
    }
    b.addRequest(request);
    made.push(request);
  }
  placeExistingMeetings(b, made, spec.existing);
}

function chooseAttendees(
  b: SummitBuilder,
  format: Format,
  level: Level,
  from: StateDelegation,
  to: StateDelegation[],
): string[] {
  const { rng } = b;
  const parties = [from, ...to];
  if (format === 'courtesy-call') {
    return [
      rng.pick(from.ministers.length > 0 ? from.ministers : [from.principal]),
      (to[0] as StateDelegation).principal,
    ];
  }
  if (level === 'leaders') {
    const out = parties.map((p) => p.principal);
    // Leaders often bring their foreign minister to a bilateral.
    if (format !== 'pull-aside' && format !== 'multilateral') {
      for (const p of parties) if (p.ministers[0] && rng.chance(0.4)) out.push(p.ministers[0]);
    }
    return out;
  }
  const pool = (p: StateDelegation) => (level === 'ministers' ? p.ministers : p.officials);
  // Ministers meet their counterparts: same portfolio on every side when there is one.
  const portfolio = rng.int(0, Math.max(0, ...parties.map((p) => pool(p).length - 1)));
  return parties.map((p) => {
    const list = pool(p);
    if (list.length === 0) return p.principal;
    return list[Math.min(portfolio, list.length - 1)] as string;
  });
}
