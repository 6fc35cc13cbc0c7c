// A broken rule in words: what a protocol officer reads where they dropped a meeting. The checker's
// own message names ids (it is also read by scripts and `sideline check`); this says the same in
// names, with a headline per rule.
import type { SummitNames } from './names.js';
import { wholeWord } from './whole-word.js';

/** A rule a placement breaks, as the checker reports it. */
export interface CheckedViolation {
  rule: string;
  message: string;
  requests: readonly string[];
  person?: string;
  room?: string;
}

/** A conflict in words: a short headline and the detail. */
export interface ConflictWords {
  title: string;
  detail: string;
}

/** The headline of each rule, given the person and room it names. */
function headline(v: CheckedViolation, names: SummitNames): string {
  const who = v.person ? names.person(v.person) : 'An attendee';
  const room = v.room ? names.room(v.room) : 'The room';
  switch (v.rule) {
    case 'person-overlap':
      return `${who} is already busy then`;
    case 'person-travel':
      return `${who} cannot get there in time`;
    case 'presence':
      return `${who} is not at the summit then`;
    case 'room-exclusive':
      return `${room} is taken then`;
    case 'room-capacity':
      return `${room} is too small`;
    case 'room-availability':
      return `${room} is closed then`;
    case 'room-delegation':
      return `${room} is lent to another delegation`;
    case 'room-venue':
      return `${room} is at another venue than the request asks`;
    case 'pull-aside-no-room':
      return 'Pull-asides take no room; other meetings need one';
    case 'allowed-windows':
      return "Outside the request's allowed times";
    case 'day-window':
      return "Outside the summit's daily hours";
    case 'grid':
      return "Off the summit's time grid";
    case 'duration':
      return 'The slot is not as long as the meeting';
    case 'at-most-once':
      return 'The meeting is placed twice';
    default:
      return 'A scheduling rule is broken';
  }
}

/** Replaces every whole-word `id` of `ids` in `text` by `name(id)`, longest ids first. */
function replaceIds(text: string, ids: Iterable<string>, name: (id: string) => string): string {
  let out = text;
  for (const id of [...new Set(ids)].sort((a, b) => b.length - a.length)) {
    out = out.replace(wholeWord(id, 'gu'), () => name(id));
  }
  return out;
}

/** The ids a message may name, found as tokens of the text. */
function tokens(text: string): string[] {
  return text.match(/[a-z0-9][a-z0-9_-]*/gu) ?? [];
}

/**
 * The detail of a violation in names: programme events and private commitments by their titles,
 * requests by their meeting titles, persons, rooms, venues and delegations by name. Ids a reader
 * may not see were already replaced by the server ("a private engagement").
 */
export function conflictDetail(v: CheckedViolation, names: SummitNames): string {
  let text = v.message.startsWith(`${v.rule}: `) ? v.message.slice(v.rule.length + 2) : v.message;
  text = text.replace(/\bprogramme ([a-z0-9][a-z0-9_-]*)/gu, (_, id: string) => `“${names.event(id)}”`);
  text = text.replace(/\bbusy ([a-z0-9][a-z0-9_-]*)/gu, (_, id: string) => names.busy(id));
  const found = tokens(text);
  text = replaceIds(
    text,
    found.filter((t) => names.knowsRequest(t)),
    (id) => names.parties(id),
  );
  // what is left that names know: persons, rooms, venues, delegations (each lookup returns the id
  // itself when it does not know it)
  const lookups: ((id: string) => string)[] = [
    names.person,
    (id) => names.room(id),
    (id) => names.venue(id),
    names.delegation,
  ];
  text = replaceIds(
    text,
    tokens(text).filter((t) => lookups.some((f) => f(t) !== t)),
    (id) => lookups.map((f) => f(id)).find((n) => n !== id) ?? id,
  );
  return text
    .replace(/ min from /gu, ' minutes to get from ')
    .replace(/; needs (\d+) travel \+ (\d+) buffer$/u, '; it needs $1 minutes of travel and $2 of buffer')
    .replace(/ at no venue/gu, '');
}

/** A violation in words. */
export function describeConflict(v: CheckedViolation, names: SummitNames): ConflictWords {
  return { title: headline(v, names), detail: conflictDetail(v, names) };
}
