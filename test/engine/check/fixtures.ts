// A builder of small summits for tests: times are written as local summit time (`2017-11-10T08:00`)
// and every record gets sensible defaults, so a test states only what it is about.
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
import type { Format, Level, RequestStatus } from '../../../src/domain/request/schema.js';
import { Request } from '../../../src/domain/request/schema.js';
import { Meeting } from '../../../src/domain/meeting/schema.js';
import type { Instant } from '../../../src/domain/time.js';
import { addMinutes, parseSummitTime } from '../../../src/domain/time.js';
import type { Placement } from '../../../src/engine/result.js';
import type { RequestId, RoomId } from '../../../src/domain/ids.js';

/** A window in local summit time. */
export interface LocalWindow {
  from: string;
  to: string;
}

/** The summit's own settings; each defaults to a one-day summit in Da Nang, 07:00–23:00, 15-minute grid. */
export interface SummitOptions {
  id?: string;
  timezone?: string;
  days?: { from: string; to: string };
  dayWindow?: { from: string; to: string };
  grainMinutes?: number;
  bufferMinutes?: number;
  /** Version 2 (rules 5 and 7). */
  roomTurnoverMinutes?: number;
  quotas?: unknown[];
}

/** A request's fields; parties default to their principals as attendees, the state to `agreed`. */
export interface RequestOptions {
  from: string;
  to: string[];
  attendees?: string[];
  format?: Format;
  level?: Level;
  minutes?: number;
  priority?: number;
  seats?: number | null;
  venue?: string | null;
  allowed?: LocalWindow[] | null;
  preferred?: LocalWindow[];
  status?: RequestStatus;
  /** Version 2: room features the meeting requires (rule 6). */
  needs?: string[];
}

/** Builds SummitData step by step; `build()` validates every record against the domain schemas. */
export class SummitFixture {
  private readonly summit: Summit;
  private readonly venues: unknown[] = [];
  private readonly travels: unknown[] = [];
  private readonly rooms: unknown[] = [];
  private readonly delegations: unknown[] = [];
  private readonly persons: unknown[] = [];
  private readonly programmeEvents: unknown[] = [];
  private readonly busyBlocks: unknown[] = [];
  private readonly requests: Request[] = [];
  private readonly meetings: unknown[] = [];

  constructor(options: SummitOptions = {}) {
    this.summit = Summit.parse({
      id: options.id ?? 'test-summit',
      name: 'Test summit',
      timezone: options.timezone ?? 'Asia/Ho_Chi_Minh',
      days: options.days ?? { from: '2017-11-10', to: '2017-11-10' },
      dayWindow: options.dayWindow ?? { from: '07:00', to: '23:00' },
      grainMinutes: options.grainMinutes ?? 15,
      bufferMinutes: options.bufferMinutes ?? 0,
      roomTurnoverMinutes: options.roomTurnoverMinutes ?? 0,
      quotas: options.quotas ?? [],
      version: 1,
    });
  }

  /** The instant of a local summit time. */
  time(local: string): Instant {
    return parseSummitTime(local, this.summit.timezone);
  }

  venue(id: string): this {
    this.venues.push({ id, name: `Venue ${id}`, version: 1 });
    return this;
  }

  travel(a: string, b: string, minutes: number): this {
    this.travels.push({ a, b, minutes });
    return this;
  }

  /** A room; its venue defaults to the first venue (one named `main` is added when there is none). */
  room(
    id: string,
    options: {
      venue?: string;
      capacity?: number;
      available?: LocalWindow[] | null;
      delegation?: string | null;
      features?: string[];
    } = {},
  ): this {
    if (options.venue === undefined && this.venues.length === 0) this.venue('main');
    const venue = options.venue ?? (this.venues[0] as { id: string }).id;
    this.rooms.push({
      id,
      venue,
      name: `Room ${id}`,
      capacity: options.capacity ?? 10,
      available: this.windows(options.available ?? null),
      delegation: options.delegation ?? null,
      features: options.features ?? [],
      version: 1,
    });
    return this;
  }

  /** A delegation with its principal (default `<id>-leader`) and members, each present as given. */
  delegation(
    id: string,
    options: {
      principal?: string;
      members?: string[];
      presence?: LocalWindow[] | null;
      personPresence?: Record<string, LocalWindow[]>;
      /** Version 2 (rule 8): working languages, per person too, and interpreters. */
      languages?: string[];
      personLanguages?: Record<string, string[]>;
      interpreters?: number;
    } = {},
  ): this {
    const principal = options.principal ?? `${id}-leader`;
    this.delegations.push({
      id,
      name: `Delegation ${id}`,
      principal,
      presence: this.windows(options.presence ?? null),
      languages: options.languages ?? null,
      interpreters: options.interpreters ?? null,
      version: 1,
    });
    const members = options.members ?? [];
    for (const [person, role] of [[principal, 'principal'], ...members.map((m) => [m, 'member'])] as const) {
      this.persons.push({
        id: person,
        delegation: id,
        name: `Person ${person}`,
        title: null,
        role,
        presence: this.windows(options.personPresence?.[person] ?? null),
        languages: options.personLanguages?.[person] ?? null,
        version: 1,
      });
    }
    return this;
  }

  programme(
    id: string,
    options: LocalWindow & {
      attendees?: string[] | 'principals';
      venue?: string | null;
      encounter?: boolean;
    },
  ): this {
    this.programmeEvents.push({
      id,
      title: `Event ${id}`,
      venue: options.venue ?? null,
      from: this.time(options.from),
      to: this.time(options.to),
      attendees: options.attendees ?? 'principals',
      encounter: options.encounter ?? false,
      version: 1,
    });
    return this;
  }

  busy(
    id: string,
    options: LocalWindow & { person: string; venue?: string | null; label?: string | null },
  ): this {
    this.busyBlocks.push({
      id,
      person: options.person,
      from: this.time(options.from),
      to: this.time(options.to),
      venue: options.venue ?? null,
      label: options.label ?? null,
      version: 1,
    });
    return this;
  }

  request(id: string, options: RequestOptions): this {
    const parties = [options.from, ...options.to];
    const principalOf = (d: string) =>
      (this.delegations as { id: string; principal: string }[]).find((x) => x.id === d)?.principal;
    this.requests.push(
      Request.parse({
        id,
        from: options.from,
        to: options.to,
        format: options.format ?? 'bilateral',
        level: options.level ?? 'leaders',
        minutes: options.minutes ?? 30,
        priority: options.priority ?? 3,
        topics: [],
        attendees: options.attendees ?? parties.map((d) => principalOf(d) ?? `${d}-leader`),
        seats: options.seats ?? null,
        venue: options.venue ?? null,
        allowed: this.windows(options.allowed ?? null),
        preferred: this.windows(options.preferred ?? []),
        status: options.status ?? 'agreed',
        acceptedBy: parties,
        downgrade: null,
        confidential: false,
        needs: options.needs ?? [],
        version: 1,
      }),
    );
    return this;
  }

  /** An existing meeting of a request added earlier; it ends after the request's minutes unless told. */
  meeting(
    request: string,
    options: { start: string; room?: string | null; pinned?: boolean; end?: string },
  ): this {
    const minutes = this.requests.find((r) => r.id === request)?.minutes ?? 30;
    const start = this.time(options.start);
    this.meetings.push({
      request,
      start,
      end: options.end ? this.time(options.end) : addMinutes(start, minutes),
      room: options.room ?? null,
      pinned: options.pinned ?? false,
      confirmedBy: [],
      announced: false,
      version: 1,
    });
    return this;
  }

  build(): SummitData {
    return {
      summit: this.summit,
      venues: this.venues.map((v) => Venue.parse(v)),
      travel: this.travels.map((t) => Travel.parse(t)),
      rooms: this.rooms.map((r) => Room.parse(r)),
      delegations: this.delegations.map((d) => Delegation.parse(d)),
      persons: this.persons.map((p) => Person.parse(p)),
      programme: this.programmeEvents.map((e) => ProgrammeEvent.parse(e)),
      busy: this.busyBlocks.map((b) => Busy.parse(b)),
      requests: [...this.requests],
      conditions: [],
      meetings: this.meetings.map((m) => Meeting.parse(m)),
    };
  }

  private windows(list: LocalWindow[] | null) {
    return list === null ? null : list.map((w) => ({ from: this.time(w.from), to: this.time(w.to) }));
  }
}

/** Starts a summit fixture. */
export function summitFixture(options: SummitOptions = {}): SummitFixture {
  return new SummitFixture(options);
}

/** A placement of `request` at a local start, lasting `minutes` (default: the request's own). */
export function placement(
  data: SummitData,
  request: string,
  localStart: string,
  room: string | null,
  minutes?: number,
): Placement {
  const start = parseSummitTime(localStart, data.summit.timezone);
  const length = minutes ?? data.requests.find((r) => r.id === request)?.minutes ?? 30;
  return {
    request: request as RequestId,
    start,
    end: addMinutes(start, length),
    room: room as RoomId | null,
  };
}
