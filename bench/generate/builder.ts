// Assembles one summit file while remembering who is where, so that the meetings it places
// up front (pinned or confirmed) are themselves valid: inside presence and the day window,
// clear of every attendee's other engagements (with travel and buffer) and of their room.
import { Clock, DAY, hhmm, type Span } from './clock.js';
import type {
  FileDelegation,
  FileMeeting,
  FilePerson,
  FileProgrammeEvent,
  FileRequest,
  FileRoom,
  SummitFile,
} from './file.js';
import type { Rng } from './prng.js';

/** What the builder needs to know of the summit before anything is added. */
export interface SummitFrame {
  id: string;
  name: string;
  timezone: string;
  firstDate: string;
  days: number;
  /** Minutes after midnight. */
  dayFrom: number;
  dayTo: number;
  grain: number;
  buffer: number;
  venues: { id: string; name: string }[];
  travel: [string, string, number][];
}

interface Engagement extends Span {
  venue: string | null;
}

/** A person the builder knows, with their presence in summit-relative minutes. */
export interface KnownPerson {
  id: string;
  delegation: string;
  principal: boolean;
  presence: Span;
}

/** Builds one summit file. */
export class SummitBuilder {
  readonly clock: Clock;
  readonly file: SummitFile;
  readonly persons = new Map<string, KnownPerson>();
  private readonly engagements = new Map<string, Engagement[]>();
  private readonly roomUse = new Map<string, Span[]>();
  private readonly roomById = new Map<string, FileRoom>();
  private readonly travel = new Map<string, number>();

  constructor(
    readonly frame: SummitFrame,
    readonly rng: Rng,
  ) {
    this.clock = new Clock(frame.firstDate);
    for (const [a, b, m] of frame.travel) {
      this.travel.set(`${a}|${b}`, m);
      this.travel.set(`${b}|${a}`, m);
    }
    this.file = {
      summit: {
        id: frame.id,
        name: frame.name,
        timezone: frame.timezone,
        days: { from: this.clock.date(0), to: this.clock.date(frame.days - 1) },
        dayWindow: { from: hhmm(frame.dayFrom), to: hhmm(frame.dayTo) },
        grainMinutes: frame.grain,
        bufferMinutes: frame.buffer,
      },
      venues: frame.venues,
      ...(frame.travel.length > 0 ? { travelMinutes: frame.travel } : {}),
      rooms: [],
      delegations: [],
      programme: [],
      busy: [],
      requests: [],
      meetings: [],
    };
  }

  /** The whole summit as one span: the first day's window start to the last day's window end. */
  get whole(): Span {
    return { from: this.frame.dayFrom, to: (this.frame.days - 1) * DAY + this.frame.dayTo };
  }

  /** The meeting window of day `d`. */
  dayWindow(d: number): Span {
    return { from: d * DAY + this.frame.dayFrom, to: d * DAY + this.frame.dayTo };
  }

  /** Adds a room. */
  addRoom(room: FileRoom): void {
    this.file.rooms.push(room);
    this.roomById.set(room.id, room);
    this.roomUse.set(room.id, []);
  }

  /**
   * Adds a delegation. `presence` is the delegation's; a person's own span, when given, is
   * written as that person's override.
   */
  addDelegation(
    d: { id: string; name: string; presence: Span | null },
    principal: { id: string; name: string; title: string; presence?: Span },
    members: { id: string; name: string; title: string; presence?: Span }[],
  ): void {
    const toFile = (p: { id: string; name: string; title: string; presence?: Span }): FilePerson => ({
      id: p.id,
      name: p.name,
      title: p.title,
      ...(p.presence ? { presence: [this.clock.window(p.presence.from, p.presence.to)] } : {}),
    });
    const entry: FileDelegation = {
      id: d.id,
      name: d.name,
      principal: toFile(principal),
      members: members.map(toFile),
      ...(d.presence ? { presence: [this.clock.window(d.presence.from, d.presence.to)] } : {}),
    };
    this.file.delegations.push(entry);
    const fallback = d.presence ?? { from: 0, to: this.frame.days * DAY };
    for (const [p, isPrincipal] of [[principal, true], ...members.map((m) => [m, false] as const)] as const) {
      this.persons.set(p.id, {
        id: p.id,
        delegation: d.id,
        principal: isPrincipal,
        presence: p.presence ?? fallback,
      });
      this.engagements.set(p.id, []);
    }
  }

  /** Adds a programme event; `attendees` is a list of person ids or every principal. */
  addProgramme(e: {
    id: string;
    title: string;
    venue: string | null;
    span: Span;
    attendees: string[] | 'principals';
    encounter?: boolean;
  }): void {
    const event: FileProgrammeEvent = {
      id: e.id,
      title: e.title,
      ...(e.venue ? { venue: e.venue } : {}),
      ...this.clock.window(e.span.from, e.span.to),
      attendees: e.attendees,
      ...(e.encounter ? { encounter: true } : {}),
    };
    this.file.programme?.push(event);
    const who =
      e.attendees === 'principals'
        ? [...this.persons.values()].filter((p) => p.principal).map((p) => p.id)
        : e.attendees;
    for (const p of who) this.engage(p, { ...e.span, venue: e.venue });
  }

  /** Adds a busy block for one person. */
  addBusy(person: string, span: Span, venue: string | null, label: string): void {
    this.file.busy?.push({
      person,
      ...this.clock.window(span.from, span.to),
      ...(venue ? { venue } : {}),
      label,
    });
    this.engage(person, { ...span, venue });
  }

  /** Adds a request. */
  addRequest(r: FileRequest): void {
    this.file.requests.push(r);
  }

  /** True when a person has no engagement within the required gap of [from, to) at `venue`. */
  personFree(person: string, span: Span, venue: string | null): boolean {
    const p = this.persons.get(person);
    if (!p || span.from < p.presence.from || span.to > p.presence.to) return false;
    for (const e of this.engagements.get(person) ?? []) {
      const gap = this.frame.buffer + this.travelMinutes(venue, e.venue);
      if (span.from < e.to + gap && e.from < span.to + gap) return false;
    }
    return true;
  }

  /** True when a room is available, unused and holds `seats` over [from, to). */
  roomFree(roomId: string, span: Span, seats: number, parties: string[]): boolean {
    const room = this.roomById.get(roomId);
    if (!room || room.capacity < seats) return false;
    if (room.delegation && !parties.includes(room.delegation)) return false;
    const open =
      !room.available ||
      room.available.some(
        (w) => this.minutesOfLocal(w.from) <= span.from && span.to <= this.minutesOfLocal(w.to),
      );
    return open && (this.roomUse.get(roomId) ?? []).every((u) => span.to <= u.from || u.to <= span.from);
  }

  /**
   * Places an existing meeting for `request` at the first start (from a random point on) where
   * all its rules hold, and records it. Returns false when none is found.
   */
  placeExisting(request: FileRequest, pinned: boolean): boolean {
    const { grain } = this.frame;
    const starts: number[] = [];
    for (let d = 0; d < this.frame.days; d++) {
      const w = this.dayWindow(d);
      for (let s = w.from; s + request.minutes <= w.to; s += grain) starts.push(s);
    }
    const offset = this.rng.int(0, starts.length - 1);
    const parties = [request.from, ...request.to];
    const seats = request.seats ?? request.attendees.length;
    const rooms =
      request.format === 'pull-aside'
        ? [null]
        : // First fit in the file's order, as a protocol office fills its rooms.
          this.file.rooms.filter((r) => !request.venue || r.venue === request.venue);
    for (let k = 0; k < starts.length; k++) {
      const s = starts[(k + offset) % starts.length] as number;
      const span = { from: s, to: s + request.minutes };
      if (!this.insideAllowed(request, span)) continue;
      for (const room of rooms) {
        if (room && !this.roomFree(room.id, span, seats, parties)) continue;
        const venue = room ? room.venue : (request.venue ?? null);
        if (!request.attendees.every((p) => this.personFree(p, span, venue))) continue;
        const meeting: FileMeeting = {
          request: request.id,
          start: this.clock.local(s),
          ...(room ? { room: room.id } : {}),
          ...(pinned ? { pinned: true } : {}),
        };
        this.file.meetings?.push(meeting);
        if (room) this.roomUse.get(room.id)?.push(span);
        for (const p of request.attendees) this.engage(p, { ...span, venue });
        return true;
      }
    }
    return false;
  }

  /** Summit-relative minutes of a local time written by this builder. */
  minutesOfLocal(text: string): number {
    const date = text.slice(0, 10);
    const first = Date.parse(`${this.frame.firstDate}T00:00:00Z`);
    const day = Math.round((Date.parse(`${date}T00:00:00Z`) - first) / 86_400_000);
    return day * DAY + Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
  }

  private insideAllowed(request: FileRequest, span: Span): boolean {
    if (!request.allowed) return true;
    return request.allowed.some(
      (w) => this.minutesOfLocal(w.from) <= span.from && span.to <= this.minutesOfLocal(w.to),
    );
  }

  private travelMinutes(a: string | null, b: string | null): number {
    if (!a || !b || a === b) return 0;
    return this.travel.get(`${a}|${b}`) ?? 0;
  }

  private engage(person: string, e: Engagement): void {
    this.engagements.get(person)?.push(e);
  }
}
