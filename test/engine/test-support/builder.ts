// A small builder of SummitData for tests: local times in the summit zone, sensible defaults.
import { emptySummitData, type SummitData } from '../../../src/domain/summit/data.js';
import { NO_PLANNING_LIMITS, type Quota, type Rank } from '../../../src/domain/summit/practice.js';
import type { Busy, Delegation, Person, ProgrammeEvent, Room } from '../../../src/domain/summit/schema.js';
import type { Condition, Request, RequestStatus, Format } from '../../../src/domain/request/schema.js';
import type { Meeting } from '../../../src/domain/meeting/schema.js';
import { parseSummitTime, type Instant, type Window } from '../../../src/domain/time.js';
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

/** Local window as a pair of local times `YYYY-MM-DDTHH:MM`. */
export type LocalWindow = readonly [string, string];

/** Options of the summit itself. */
export interface SummitOptions {
  id?: string;
  zone?: string;
  days?: readonly [string, string];
  dayWindow?: readonly [string, string];
  grain?: number;
  buffer?: number;
  /** Version 2: room turnover minutes (rule 5). */
  turnover?: number;
  /** Version 2: quotas (rule 7). */
  quotas?: Quota[];
}

/** Options of one request (defaults: bilateral, 30 minutes, priority 3, agreed, no windows). */
export interface RequestOptions {
  from: string;
  to: string[];
  attendees: string[];
  minutes?: number;
  priority?: number;
  status?: RequestStatus;
  format?: Format;
  seats?: number;
  venue?: string;
  allowed?: LocalWindow[];
  preferred?: LocalWindow[];
  acceptedBy?: string[];
  /** Version 2: room features the meeting requires (rule 6). */
  needs?: string[];
}

/** Builds SummitData step by step; `build()` returns a fresh copy. */
export class SummitBuilder {
  private readonly data: SummitData;
  private readonly zone: string;

  constructor(o: SummitOptions = {}) {
    this.zone = o.zone ?? 'UTC';
    const days = o.days ?? ['2030-05-06', '2030-05-06'];
    const dw = o.dayWindow ?? ['09:00', '13:00'];
    this.data = emptySummitData({
      id: (o.id ?? 'test-summit') as SummitId,
      name: 'Test summit',
      timezone: this.zone,
      days: { from: days[0], to: days[1] },
      dayWindow: { from: dw[0], to: dw[1] },
      grainMinutes: o.grain ?? 15,
      bufferMinutes: o.buffer ?? 0,
      roomTurnoverMinutes: o.turnover ?? 0,
      rankParity: 'warn',
      planning: NO_PLANNING_LIMITS,
      quotas: o.quotas ?? [],
      confirmation: null,
      version: 1,
    });
  }

  /** A local time in the summit zone as an instant. */
  at(local: string): Instant {
    return parseSummitTime(local, this.zone);
  }

  private window([from, to]: LocalWindow): Window {
    return { from: this.at(from), to: this.at(to) } as Window;
  }

  venue(id: string, name = id): this {
    this.data.venues.push({ id: id as VenueId, name, version: 1 });
    return this;
  }

  travel(a: string, b: string, minutes: number): this {
    this.data.travel.push({ a: a as VenueId, b: b as VenueId, minutes });
    return this;
  }

  room(
    id: string,
    o: {
      venue: string;
      capacity?: number;
      available?: LocalWindow[];
      delegation?: string;
      name?: string;
      features?: string[];
    },
  ): this {
    const room: Room = {
      id: id as RoomId,
      venue: o.venue as VenueId,
      name: o.name ?? id,
      capacity: o.capacity ?? 10,
      available: o.available ? o.available.map((w) => this.window(w)) : null,
      delegation: (o.delegation ?? null) as DelegationId | null,
      features: o.features ?? [],
      version: 1,
    };
    this.data.rooms.push(room);
    return this;
  }

  /** A delegation with its principal `${id}-p` unless named, and members. */
  delegation(
    id: string,
    o: {
      principal?: string;
      members?: string[];
      presence?: LocalWindow[];
      /** Version 2: working languages and interpreters (rule 8). */
      languages?: string[];
      interpreters?: number;
      /** Version 2: a rank per person id. */
      ranks?: Record<string, Rank>;
      /** Version 2: languages per person id, overriding the delegation's. */
      personLanguages?: Record<string, string[]>;
    } = {},
  ): this {
    const principal = o.principal ?? `${id}-p`;
    const d: Delegation = {
      id: id as DelegationId,
      name: id.toUpperCase(),
      principal: principal as PersonId,
      presence: o.presence ? o.presence.map((w) => this.window(w)) : null,
      languages: o.languages ?? null,
      interpreters: o.interpreters ?? null,
      version: 1,
    };
    this.data.delegations.push(d);
    for (const [i, pid] of [principal, ...(o.members ?? [])].entries()) {
      const p: Person = {
        id: pid as PersonId,
        delegation: id as DelegationId,
        name: pid,
        title: null,
        role: i === 0 ? 'principal' : 'member',
        presence: null,
        languages: o.personLanguages?.[pid] ?? null,
        rank: o.ranks?.[pid] ?? null,
        version: 1,
      };
      this.data.persons.push(p);
    }
    return this;
  }

  /** Overrides one person's presence. */
  presence(person: string, windows: LocalWindow[]): this {
    const p = this.data.persons.find((x) => x.id === person);
    if (!p) throw new Error(`unknown person ${person}`);
    p.presence = windows.map((w) => this.window(w));
    return this;
  }

  event(
    id: string,
    o: {
      from: string;
      to: string;
      attendees: string[] | 'principals';
      venue?: string;
      title?: string;
      encounter?: boolean;
    },
  ): this {
    const e: ProgrammeEvent = {
      id: id as ProgrammeEventId,
      title: o.title ?? id,
      venue: (o.venue ?? null) as VenueId | null,
      from: this.at(o.from),
      to: this.at(o.to),
      attendees: o.attendees === 'principals' ? 'principals' : (o.attendees as PersonId[]),
      encounter: o.encounter ?? false,
      version: 1,
    };
    this.data.programme.push(e);
    return this;
  }

  busy(
    id: string,
    person: string,
    from: string,
    to: string,
    o: { venue?: string; label?: string } = {},
  ): this {
    const b: Busy = {
      id: id as BusyId,
      person: person as PersonId,
      from: this.at(from),
      to: this.at(to),
      venue: (o.venue ?? null) as VenueId | null,
      label: o.label ?? null,
      version: 1,
    };
    this.data.busy.push(b);
    return this;
  }

  request(id: string, o: RequestOptions): this {
    const q: Request = {
      id: id as RequestId,
      from: o.from as DelegationId,
      to: o.to as DelegationId[],
      format: o.format ?? (o.to.length > 1 ? 'multilateral' : 'bilateral'),
      level: 'leaders',
      minutes: o.minutes ?? 30,
      priority: o.priority ?? 3,
      topics: [],
      attendees: o.attendees as PersonId[],
      seats: o.seats ?? null,
      venue: (o.venue ?? null) as VenueId | null,
      allowed: o.allowed ? o.allowed.map((w) => this.window(w)) : null,
      preferred: (o.preferred ?? []).map((w) => this.window(w)),
      status: o.status ?? 'agreed',
      acceptedBy: (o.acceptedBy ?? [o.from, ...o.to]) as DelegationId[],
      downgrade: null,
      confidential: false,
      needs: o.needs ?? [],
      press: 'closed',
      version: 1,
    };
    this.data.requests.push(q);
    return this;
  }

  condition(
    id: string,
    request: string,
    by: string,
    text = 'a term',
    status: Condition['status'] = 'open',
  ): this {
    this.data.conditions.push({
      id: id as ConditionId,
      request: request as RequestId,
      by: by as DelegationId,
      kind: 'other',
      text,
      status,
      counters: null,
      version: 1,
    });
    return this;
  }

  meeting(request: string, start: string, room: string | null, o: { pinned?: boolean } = {}): this {
    const q = this.data.requests.find((r) => r.id === request);
    if (!q) throw new Error(`unknown request ${request}`);
    const s = this.at(start);
    const m: Meeting = {
      request: request as RequestId,
      start: s,
      end: new Date(Date.parse(s) + q.minutes * 60_000).toISOString() as Instant,
      room: room as RoomId | null,
      pinned: o.pinned ?? false,
      confirmedBy: [],
      announced: false,
      version: 1,
    };
    this.data.meetings.push(m);
    return this;
  }

  /** A deep copy of the data built so far. */
  build(): SummitData {
    return structuredClone(this.data);
  }
}
