// Names for ids: one lookup every screen, feed and export uses, so a record is called the same
// everywhere. Built from whatever records the reader may see; an id it does not know stays an id
// (a screen waits for the names before it shows anything).
import { askLabel, meetingTitle, partiesTitle, type TitledRequest } from './meeting-title.js';

/** The records names are read from; each list is optional. */
export interface NameRecords {
  delegations?: readonly { id: string; name: string }[];
  persons?: readonly { id: string; name: string; title: string | null; delegation: string }[];
  rooms?: readonly { id: string; name: string; venue: string }[];
  venues?: readonly { id: string; name: string }[];
  programme?: readonly { id: string; title: string }[];
  requests?: readonly (TitledRequest & { id: string })[];
  busy?: readonly { id: string; label: string | null }[];
  users?: readonly { id: string; name: string }[];
  conditions?: readonly { id: string; request: string; text: string }[];
}

/** Names of a summit's records. */
export interface SummitNames {
  /** The summit's IANA zone, for times in sentences. */
  readonly zone: string;
  delegation(id: string): string;
  person(id: string): string;
  /** "Donald J. Trump, President". */
  personTitled(id: string): string;
  /** The person's delegation's name, or null when the person is unknown. */
  personDelegation(id: string): string | null;
  /** "Bilateral Room 1"; "no room" for a pull-aside (null). */
  room(id: string | null): string;
  /** "Bilateral Room 1, Ariyana Convention Centre". */
  roomAt(id: string | null): string;
  venue(id: string | null): string;
  /** A programme event's title. */
  event(id: string): string;
  /** A private commitment's label, or "a private commitment". */
  busy(id: string): string;
  /** "Bilateral meeting: United States – Japan", or the id of a request not known. */
  meeting(id: string): string;
  /** "United States – Japan". */
  parties(id: string): string;
  /** "United States → Japan". */
  ask(id: string): string;
  /** A user's display name; "an account no longer active" for one the records do not name. */
  user(id: string): string;
  /** A condition's text, quoted, or "a condition". */
  condition(request: string, id: string): string;
  /** True when `id` is a known request. */
  knowsRequest(id: string): boolean;
}

/** The account the system's own tools act as (imports, the command line). */
const SYSTEM_USERS = new Set(['operator', 'system']);

function table<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((x) => [x.id, x]));
}

/** The names of `records`; `zone` is the summit's. */
export function summitNames(records: NameRecords, zone: string): SummitNames {
  const delegations = table(records.delegations);
  const persons = table(records.persons);
  const rooms = table(records.rooms);
  const venues = table(records.venues);
  const programme = table(records.programme);
  const requests = table(records.requests);
  const busy = table(records.busy);
  const users = table(records.users);
  const conditions = new Map((records.conditions ?? []).map((c) => [`${c.request}|${c.id}`, c.text]));
  const delegation = (id: string) => delegations.get(id)?.name ?? id;
  const venue = (id: string | null) => (id === null ? 'no venue' : (venues.get(id)?.name ?? id));
  return {
    zone,
    delegation,
    person: (id) => persons.get(id)?.name ?? id,
    personTitled: (id) => {
      const p = persons.get(id);
      return p ? (p.title ? `${p.name}, ${p.title}` : p.name) : id;
    },
    personDelegation: (id) => {
      const p = persons.get(id);
      return p ? delegation(p.delegation) : null;
    },
    room: (id) => (id === null ? 'no room' : (rooms.get(id)?.name ?? id)),
    roomAt: (id) => {
      if (id === null) return 'no room (standing)';
      const r = rooms.get(id);
      return r ? `${r.name}, ${venue(r.venue)}` : id;
    },
    venue,
    event: (id) => programme.get(id)?.title ?? id,
    busy: (id) => busy.get(id)?.label ?? 'a private commitment',
    meeting: (id) => {
      const r = requests.get(id);
      return r ? meetingTitle(r, delegation) : id;
    },
    parties: (id) => {
      const r = requests.get(id);
      return r ? partiesTitle(r, delegation) : id;
    },
    ask: (id) => {
      const r = requests.get(id);
      return r ? askLabel(r, delegation) : id;
    },
    user: (id) =>
      users.get(id)?.name ?? (SYSTEM_USERS.has(id) ? 'Sideline (system)' : 'an account no longer active'),
    condition: (request, id) => {
      const text = conditions.get(`${request}|${id}`);
      return text === undefined ? 'a condition' : `“${text}”`;
    },
    knowsRequest: (id) => requests.has(id),
  };
}
