// Writing SummitData as a summit file: local wall-clock times in the summit's zone, keys in the
// order of summit-file.md, optional keys left out when they hold their default.
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Busy, Delegation, Person, ProgrammeEvent, Room } from '../../domain/summit/schema.js';
import type { Instant, Window } from '../../domain/time.js';
import { isUnlimitedPlanning, type Planning, type Quota } from '../../domain/summit/practice.js';
import { fileTimeIn } from './file-time.js';
import { generatedBusyId } from './read-people.js';
import type {
  FileBusy,
  FileCondition,
  FileDelegation,
  FileMeeting,
  FilePerson,
  FilePlanning,
  FileQuota,
  FileProgrammeEvent,
  FileRequest,
  FileRoom,
  FileWindow,
  SummitFile,
} from './schema.js';
import type { SummitFileFormat } from './syntax.js';
import { renderYaml } from './yaml-style.js';

/** The text of a summit file holding `data`, in YAML or JSON. */
export function writeSummitFile(data: SummitData, format: SummitFileFormat): string {
  const file = toSummitFileObject(data);
  return format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : renderYaml(file);
}

/** The plain object of a summit file holding `data` (what YAML and JSON both render). */
export function toSummitFileObject(data: SummitData): SummitFile {
  const time = fileTimeIn(data.summit.timezone);
  const windows = (ws: readonly Window[]): FileWindow[] =>
    ws.map((w) => ({ from: time(w.from), to: time(w.to) }));
  const { summit } = data;
  const file: SummitFile = {
    summit: {
      id: summit.id,
      name: summit.name,
      timezone: summit.timezone,
      days: { from: summit.days.from, to: summit.days.to },
      dayWindow: { from: summit.dayWindow.from, to: summit.dayWindow.to },
      grainMinutes: summit.grainMinutes,
      bufferMinutes: summit.bufferMinutes,
      ...(summit.roomTurnoverMinutes !== 0 && { roomTurnoverMinutes: summit.roomTurnoverMinutes }),
      ...(summit.rankParity !== 'warn' && { rankParity: summit.rankParity }),
      ...(summit.confirmation !== null && { confirmation: { ...summit.confirmation } }),
    },
    ...(!isUnlimitedPlanning(summit.planning) && { planning: planningOf(summit.planning, time) }),
  };
  const sections: Omit<SummitFile, 'summit' | 'planning'> = {
    quotas: summit.quotas.map(quotaOf),
    venues: data.venues.map((v) => ({ id: v.id, name: v.name })),
    travelMinutes: data.travel.map((t) => [t.a, t.b, t.minutes]),
    rooms: data.rooms.map((r) => roomOf(r, windows)),
    delegations: data.delegations.map((d) => delegationOf(d, data.persons, windows)),
    programme: data.programme.map((e) => eventOf(e, time)),
    busy: busyOf(data.busy, time),
    requests: data.requests.map((r) => requestOf(r, data.conditions, windows)),
    meetings: data.meetings.map((m) => meetingOf(m, time)),
  };
  for (const [key, list] of Object.entries(sections) as [keyof typeof sections, unknown[]][]) {
    if (list.length > 0) Object.assign(file, { [key]: list });
  }
  return file;
}

type Windows = (ws: readonly Window[]) => FileWindow[];
type Time = (i: Instant) => string;

function planningOf(p: Planning, time: Time): FilePlanning {
  return {
    ...(p.maxMoves !== null && { maxMoves: p.maxMoves }),
    ...(p.now !== null && { now: time(p.now) }),
    ...(p.freezeHours !== null && { freezeHours: p.freezeHours }),
  };
}

function quotaOf(q: Quota): FileQuota {
  return {
    delegation: q.delegation,
    per: q.per,
    ...(q.meetings !== null && { meetings: q.meetings }),
    ...(q.minutes !== null && { minutes: q.minutes }),
    ...(q.as !== 'party' && { as: q.as }),
  };
}

function roomOf(r: Room, windows: Windows): FileRoom {
  return {
    id: r.id,
    venue: r.venue,
    name: r.name,
    capacity: r.capacity,
    ...(r.available !== null && { available: windows(r.available) }),
    ...(r.delegation !== null && { delegation: r.delegation }),
    ...(r.features.length > 0 && { features: [...r.features] }),
  };
}

function personOf(p: Person, windows: Windows): FilePerson {
  return {
    id: p.id,
    name: p.name,
    ...(p.title !== null && { title: p.title }),
    ...(p.presence !== null && { presence: windows(p.presence) }),
    ...(p.languages !== null && { languages: [...p.languages] }),
    ...(p.rank !== null && { rank: p.rank }),
  };
}

function delegationOf(d: Delegation, persons: readonly Person[], windows: Windows): FileDelegation {
  const own = persons.filter((p) => p.delegation === d.id);
  const principal = own.find((p) => p.id === d.principal);
  if (!principal)
    throw new Error(`delegation ${d.id}: its principal ${d.principal} is not among the persons`);
  const members = own.filter((p) => p !== principal).map((p) => personOf(p, windows));
  return {
    id: d.id,
    name: d.name,
    principal: personOf(principal, windows),
    ...(members.length > 0 && { members }),
    ...(d.presence !== null && { presence: windows(d.presence) }),
    ...(d.languages !== null && { languages: [...d.languages] }),
    ...(d.interpreters !== null && { interpreters: d.interpreters }),
  };
}

function eventOf(e: ProgrammeEvent, time: Time): FileProgrammeEvent {
  return {
    id: e.id,
    title: e.title,
    ...(e.venue !== null && { venue: e.venue }),
    from: time(e.from),
    to: time(e.to),
    attendees: e.attendees === 'principals' ? 'principals' : [...e.attendees],
    ...(e.encounter && { encounter: true }),
  };
}

/** A block's id is written only when it is not the one a reader would generate at its place. */
function busyOf(blocks: readonly Busy[], time: Time): FileBusy[] {
  const counts = new Map<string, number>();
  return blocks.map((b) => {
    const n = (counts.get(b.person) ?? 0) + 1;
    counts.set(b.person, n);
    return {
      ...(b.id !== generatedBusyId(b.person, n) && { id: b.id }),
      person: b.person,
      from: time(b.from),
      to: time(b.to),
      ...(b.venue !== null && { venue: b.venue }),
      ...(b.label !== null && { label: b.label }),
    };
  });
}

function requestOf(r: Request, conditions: readonly Condition[], windows: Windows): FileRequest {
  const own = conditions.filter((c) => c.request === r.id).map(conditionOf);
  return {
    id: r.id,
    from: r.from,
    to: [...r.to],
    format: r.format,
    level: r.level,
    minutes: r.minutes,
    priority: r.priority,
    ...(r.topics.length > 0 && { topics: [...r.topics] }),
    attendees: [...r.attendees],
    ...(r.seats !== null && { seats: r.seats }),
    ...(r.venue !== null && { venue: r.venue }),
    ...(r.allowed !== null && { allowed: windows(r.allowed) }),
    ...(r.preferred.length > 0 && { preferred: windows(r.preferred) }),
    ...(r.status !== 'requested' && { status: r.status }),
    ...(r.confidential && { confidential: true }),
    ...(r.needs.length > 0 && { needs: [...r.needs] }),
    ...(r.press !== 'closed' && { press: r.press }),
    ...(own.length > 0 && { conditions: own }),
  };
}

function conditionOf(c: Condition): FileCondition {
  return {
    id: c.id,
    by: c.by,
    ...(c.kind !== 'other' && { kind: c.kind }),
    text: c.text,
    status: c.status,
  };
}

function meetingOf(m: Meeting, time: Time): FileMeeting {
  return {
    request: m.request,
    start: time(m.start),
    ...(m.room !== null && { room: m.room }),
    ...(m.pinned && { pinned: true }),
    ...(m.announced && { announced: true }),
  };
}
