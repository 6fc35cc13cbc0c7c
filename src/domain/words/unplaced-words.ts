// Why a plan leaves a request out, in names and grouped by what would have to happen: a decision,
// a room, an attendee's presence, a free slot in busy calendars. Closed requests are set apart.
import type { SummitNames } from './names.js';
import { clockSpan, dayLabel, momentLabel } from './summit-time.js';

/** What stands in a request's way, as the engine reports it. */
export type BlockerLike = { kind: string; [detail: string]: unknown };

/** An unplaced request as a plan reports it. */
export interface UnplacedLike {
  request: string;
  reason: string;
  detail: string;
  blockers: readonly BlockerLike[];
}

/** The groups of unplaced requests, in the order a planner works through them. */
export const UNPLACED_GROUPS = [
  { id: 'decision', title: 'Needs a decision', actionable: true },
  { id: 'absent', title: 'An attendee is away', actionable: true },
  { id: 'room', title: 'No room that fits', actionable: true },
  { id: 'busy', title: 'Attendees are busy at every possible time', actionable: true },
  { id: 'window', title: 'No time inside its allowed windows', actionable: true },
  { id: 'time', title: 'The search ran out of time', actionable: true },
  { id: 'closed', title: 'Closed or already held', actionable: false },
] as const;

/** A group's id. */
export type UnplacedGroup = (typeof UNPLACED_GROUPS)[number]['id'];

const NEEDS_DECISION = new Set(['draft', 'requested', 'under-consideration', 'conditions-pending']);
const CLOSED = new Set(['declined', 'withdrawn', 'downgraded', 'lapsed', 'held', 'not-held']);

/** The group of an unplaced request: its state first, then the kind of blocker that weighs most. */
export function unplacedGroup(u: UnplacedLike): UnplacedGroup {
  if (NEEDS_DECISION.has(u.reason)) return 'decision';
  if (CLOSED.has(u.reason)) return 'closed';
  const kinds = new Set(u.blockers.map((b) => b.kind));
  if (kinds.size === 0) return 'time';
  if (kinds.has('presence')) return 'absent';
  if ([...kinds].every((k) => k === 'rooms')) return 'room';
  if ([...kinds].every((k) => k === 'window')) return 'window';
  return 'busy';
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** When a blocker is: "Fri 10 Nov 12:30–13:30". */
function when(b: BlockerLike, zone: string): string {
  const from = s(b.from);
  const to = s(b.to);
  if (!from || !to) return '';
  return ` ${dayLabel(from, zone)} ${clockSpan(from, to, zone)}`;
}

/** One blocker as a phrase in names: "Donald J. Trump: “APEC CEO Summit” Fri 10 Nov 12:30–13:30". */
export function blockerWords(b: BlockerLike, names: SummitNames): string {
  const who = s(b.person) ? names.person(s(b.person)!) : '';
  switch (b.kind) {
    case 'programme':
      return `${who} is at “${s(b.title) ?? names.event(s(b.event) ?? '')}”${when(b, names.zone)}`;
    case 'busy':
      return `${who} has ${s(b.label) ? `“${s(b.label)}”` : 'a private commitment'}${when(b, names.zone)}`;
    case 'meeting':
      return `${who} meets in ${names.meeting(s(b.request) ?? '')}${when(b, names.zone)}`;
    case 'presence': {
      const parts: string[] = [];
      if (s(b.arrives)) parts.push(`arrives ${momentLabel(s(b.arrives)!, names.zone)}`);
      if (s(b.departs)) parts.push(`leaves ${momentLabel(s(b.departs)!, names.zone)}`);
      return `${who} ${parts.length ? parts.join(' and ') : 'is not at the summit'}`;
    }
    case 'rooms': {
      const where = b.venue === null || b.venue === undefined ? '' : ` at ${names.venue(s(b.venue))}`;
      switch (b.reason) {
        case 'taken':
          return `every room${where} is taken${when(b, names.zone)}`;
        case 'too-small':
          return typeof b.seats === 'number'
            ? `no room${where} seats ${b.seats}${typeof b.largest === 'number' && b.largest > 0 ? ` (the largest seats ${b.largest})` : ''}`
            : `the rooms${where} are too small`;
        case 'lent':
          return `the rooms${where} are lent to other delegations`;
        case 'unavailable':
          return `the rooms${where} are closed${when(b, names.zone)}`;
        default:
          return `no room${where} fits${typeof b.reason === 'string' ? ` (${b.reason.replace(/-/g, ' ')})` : ''}`;
      }
    }
    case 'travel':
      return `${who} needs ${typeof b.minutes === 'number' ? b.minutes : '?'} minutes from ${names.venue(s(b.fromVenue))} to ${names.venue(s(b.toVenue))}`;
    case 'window':
      return s(b.detail) ?? 'outside its allowed windows';
    default:
      return b.kind.replace(/-/g, ' ');
  }
}

/** The waiting parties of a request in words: "Russia and Japan". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The request fields the state reasons speak of. */
export interface RequestState {
  from: string;
  to: readonly string[];
  acceptedBy: readonly string[];
  downgrade?: string | null;
}

/**
 * Why a request is left out, in a sentence of names: its state (who must still decide), or what
 * blocks every slot (the first few blockers). `request` is the request when the reader has it.
 */
export function unplacedWords(u: UnplacedLike, names: SummitNames, request?: RequestState): string {
  const waiting = request
    ? [request.from, ...request.to].filter((d) => !request.acceptedBy.includes(d)).map(names.delegation)
    : [];
  switch (u.reason) {
    case 'draft':
      return `A draft of ${request ? names.delegation(request.from) : 'its requester'}: not yet sent.`;
    case 'requested':
      return waiting.length ? `Waiting for ${list(waiting)} to accept.` : 'Requested; not yet agreed.';
    case 'under-consideration':
      return waiting.length ? `Under consideration by ${list(waiting)}.` : 'Under consideration.';
    case 'conditions-pending':
      return 'Conditions are still open: the parties must settle them first.';
    case 'declined':
      return 'Declined: nothing to place.';
    case 'withdrawn':
      return 'Withdrawn: nothing to place.';
    case 'downgraded':
      return request?.downgrade === 'encounter'
        ? 'Downgraded to an informal encounter: no meeting to place.'
        : 'Downgraded to a pull-aside.';
    case 'lapsed':
      return 'Lapsed: the summit ended first.';
    case 'held':
      return 'Already held.';
    default: {
      if (u.blockers.length === 0) {
        // the engine's own sentence names a free time and no ids ("A slot at 10 Nov 14:00 is free…")
        return u.detail;
      }
      const phrases = u.blockers.slice(0, 4).map((b) => blockerWords(b, names));
      const more = u.blockers.length > 4 ? `; and ${u.blockers.length - 4} more` : '';
      const lead = u.reason === 'displaced' ? 'Every possible slot is taken' : 'No slot fits';
      return `${lead}: ${phrases.join('; ')}${more}.`;
    }
  }
}
