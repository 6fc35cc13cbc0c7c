// The single changes the re-plan measurement applies to a planned summit. The runner and the
// solver process both build the changed summit from here, so the checker judges exactly the
// summit the engine re-planned.
import type { BusyId, DelegationId, PersonId, RequestId } from '../../src/domain/ids.js';
import type { Request } from '../../src/domain/request/schema.js';
import type { SummitData } from '../../src/domain/summit/data.js';
import { dayWindows, formatSummitTime, parseSummitTime, type Instant } from '../../src/domain/time.js';
import type { Placement } from '../../src/engine/result.js';

/** The changes measured, in the order they are reported. */
export const CHANGES = ['add-request', 'presence-change'] as const;
/** One measured change. */
export type Change = (typeof CHANGES)[number];

/** What a change did, in words for the results. */
export interface ChangedSummit {
  data: SummitData;
  description: string;
}

/** Applies one change to a summit planned as `plan`. */
export function applyChange(data: SummitData, plan: readonly Placement[], change: Change): ChangedSummit {
  return change === 'add-request' ? addRequest(data, plan) : shortenPresence(data, plan);
}

/**
 * The published schedule: `plan`'s meetings as the summit's existing meetings, none pinned and none
 * confirmed (every one may move), as a host has it after accepting a plan.
 */
export function published(data: SummitData, plan: readonly Placement[]): SummitData {
  const placed = new Set<string>(plan.map((p) => p.request));
  return {
    ...data,
    requests: data.requests.map((r) =>
      placed.has(r.id)
        ? { ...r, status: 'scheduled' as const }
        : r.status === 'confirmed'
          ? { ...r, status: 'agreed' as const }
          : r,
    ),
    meetings: plan.map((p) => ({
      request: p.request,
      start: p.start,
      end: p.end,
      room: p.room,
      pinned: false,
      confirmedBy: [],
      announced: true,
      version: 1,
    })),
  };
}

/**
 * A principal loses an afternoon: the principal with the most meetings on one afternoon (from 13:00
 * local) gets a private commitment from 13:00 to the end of their third meeting there, so exactly
 * the meetings it overlaps (three or more) no longer fit.
 */
export function afternoonLost(data: SummitData, plan: readonly Placement[]): ChangedSummit {
  const zone = data.summit.timezone;
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const principals = new Set<string>(data.delegations.map((d) => d.principal));
  const afternoons = new Map<string, Placement[]>();
  for (const m of plan) {
    const local = formatSummitTime(m.start, zone);
    if (local.slice(11) < '13:00') continue;
    for (const p of requests.get(m.request)?.attendees ?? []) {
      if (!principals.has(p)) continue;
      const key = `${p} ${local.slice(0, 10)}`;
      afternoons.set(key, [...(afternoons.get(key) ?? []), m]);
    }
  }
  const [key, meetings] = [...afternoons].sort(
    (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
  )[0] ?? [null, []];
  if (key === null || meetings.length < 3) throw new Error('no principal has three meetings on an afternoon');
  const [person, date] = key.split(' ') as [string, string];
  const sorted = [...meetings].sort((a, b) => (a.start < b.start ? -1 : 1));
  const from = parseSummitTime(`${date}T13:00`, zone);
  const to = sorted[2]!.end;
  return {
    data: {
      ...data,
      busy: [
        ...data.busy,
        {
          id: 'bench-afternoon-lost' as BusyId,
          person: person as PersonId,
          from,
          to,
          venue: null,
          label: 'Called away',
          version: 1,
        },
      ],
    },
    description: `${person} is called away on ${date} from 13:00 to ${formatSummitTime(to, zone).slice(11)}`,
  };
}

/**
 * The busiest person of the plan (most meetings, ties by id) among those for whom `accept`
 * holds, given their meetings.
 */
function busiestPerson(
  data: SummitData,
  plan: readonly Placement[],
  accept: (meetings: Placement[]) => boolean = () => true,
): string {
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const theirs = new Map<string, Placement[]>();
  for (const m of plan) {
    for (const p of requests.get(m.request)?.attendees ?? []) theirs.set(p, [...(theirs.get(p) ?? []), m]);
  }
  const sorted = [...theirs].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const first = sorted.find(([, meetings]) => accept(meetings));
  if (!first) throw new Error('the plan has no meetings to change around');
  return first[0];
}

/**
 * A late, top-priority request: the busiest person's delegation is asked for a 30-minute
 * bilateral of the two principals by the delegation whose principal shares the most time at the
 * summit with theirs (so the request can be placed, if only by moving other meetings).
 */
function addRequest(data: SummitData, plan: readonly Placement[]): ChangedSummit {
  const person = data.persons.find((p) => p.id === busiestPerson(data, plan));
  if (!person) throw new Error('busiest person not found');
  const target = data.delegations.find((d) => d.id === person.delegation);
  if (!target) throw new Error('delegation of the busiest person not found');
  const presence = presenceOf(data);
  const theirs = presence(target.principal);
  const shared = (d: SummitData['delegations'][number]) => overlapMs(theirs, presence(d.principal));
  const asking = data.delegations
    .filter((d) => d.id !== target.id)
    .reduce<SummitData['delegations'][number] | null>(
      (a, d) => (a === null || shared(d) > shared(a) ? d : a),
      null,
    );
  if (!asking) throw new Error('need two delegations to add a request');
  const grain = data.summit.grainMinutes;
  const request: Request = {
    id: 'bench-late-request' as RequestId,
    from: asking.id,
    to: [target.id],
    format: 'bilateral',
    level: 'leaders',
    minutes: Math.ceil(30 / grain) * grain,
    priority: 5,
    topics: ['late addition'],
    needs: [],
    press: 'closed',
    attendees: [asking.principal, target.principal] as PersonId[],
    seats: null,
    venue: null,
    allowed: null,
    preferred: [],
    status: 'agreed',
    acceptedBy: [asking.id, target.id] as DelegationId[],
    downgrade: null,
    confidential: false,
    version: 1,
  };
  return {
    data: { ...data, requests: [...data.requests, request] },
    description: `add a priority-5 bilateral ${asking.id} → ${target.id} (principals)`,
  };
}

/** Each person's presence as [from, to) milliseconds; the whole summit when not given. */
function presenceOf(data: SummitData): (person: string) => [number, number][] {
  const days = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone);
  const whole: [number, number][] = [
    [Date.parse(days[0]?.from ?? ''), Date.parse(days[days.length - 1]?.to ?? '')],
  ];
  const delegations = new Map(data.delegations.map((d) => [d.id as string, d]));
  const persons = new Map(data.persons.map((p) => [p.id as string, p]));
  return (id) => {
    const p = persons.get(id);
    const windows = p?.presence ?? (p ? delegations.get(p.delegation)?.presence : null) ?? null;
    return windows === null ? whole : windows.map((w) => [Date.parse(w.from), Date.parse(w.to)]);
  };
}

function overlapMs(a: [number, number][], b: [number, number][]): number {
  let total = 0;
  for (const [f1, t1] of a)
    for (const [f2, t2] of b) total += Math.max(0, Math.min(t1, t2) - Math.max(f1, f2));
  return total;
}

/**
 * The busiest person leaves early: their presence now ends at the start of their last meeting
 * on the plan, so that meeting (at least) has to move or go.
 */
function shortenPresence(data: SummitData, plan: readonly Placement[]): ChangedSummit {
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const fixed = new Set(
    data.meetings
      .filter((m) => m.pinned || requests.get(m.request)?.status === 'confirmed')
      .map((m) => m.request as string),
  );
  const lastOf = (meetings: Placement[]) => meetings.reduce((a, m) => (m.start > a.start ? m : a));
  // Their last meeting must be movable: a confirmed or pinned one could not follow the change.
  const id = busiestPerson(data, plan, (meetings) => !fixed.has(lastOf(meetings).request));
  const theirs = plan.filter((m) => requests.get(m.request)?.attendees.includes(id as PersonId));
  const last = lastOf(theirs).start;
  const person = data.persons.find((p) => p.id === id);
  if (!person) throw new Error(`person ${id} not found`);
  const delegation = data.delegations.find((d) => d.id === person.delegation);
  const before = person.presence ?? delegation?.presence ?? null;
  const first = dayWindows(data.summit.days, data.summit.dayWindow, data.summit.timezone)[0];
  const from = (before?.[0]?.from ?? first?.from) as Instant;
  const persons = data.persons.map((p) =>
    p.id === id ? { ...p, presence: [{ from, to: last as Instant }] } : p,
  );
  return {
    data: { ...data, persons },
    description: `${id} (${theirs.length} meetings) leaves at the start of their last one, ${formatSummitTime(last, data.summit.timezone)}`,
  };
}
