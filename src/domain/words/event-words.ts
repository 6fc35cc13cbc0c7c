// A log event as a line of a request's history: what happened, in names and summit time, and who
// did it. The app's history and any other reader of the log word events the same way.
import type { SummitNames } from './names.js';
import { momentLabel, spanLabel } from './summit-time.js';

/** The parts of a log event that are worded. */
export interface LoggedEvent {
  at: string;
  actor: string;
  type: string;
  payload: Record<string, unknown>;
}

/** An event in words: what happened and who did it (the actor, or "the planner" for a plan's change). */
export interface EventWords {
  text: string;
  by: string;
}

/** What each request transition says happened. */
const TRANSITION_WORDS: Readonly<Record<string, string>> = {
  submit: 'Sent the request',
  consider: 'Took the request under consideration',
  setConditionsPending: 'Conditions are now pending',
  accept: 'Accepted the request',
  agree: 'Agreement reached: every party accepted',
  settleConditions: 'Every condition is settled',
  schedule: 'Put on the calendar',
  unschedule: 'Taken off the calendar',
  confirm: 'Slot confirmed by every party',
  hold: 'Recorded as held',
  decline: 'Declined the request',
  withdraw: 'Withdrew the request',
  downgrade: 'Downgraded',
  lapse: 'Lapsed: the summit ended first',
  reopen: 'Reopened the request',
};

/** What each decision outcome says. */
const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  pursue: 'pursue',
  decline: 'decline',
  defer: 'defer',
  'downgrade-pull-aside': 'downgrade to a pull-aside',
  'downgrade-encounter': 'downgrade to an informal encounter',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** "working-meal" → "working meal". */
function words(value: string): string {
  return value.replace(/-/g, ' ');
}

/** "Placed on Fri 10 Nov, 15:30–16:00 GMT+7 in Bilateral Room 1". */
function slotWords(p: Record<string, unknown>, names: SummitNames): string {
  const start = str(p.start);
  const end = str(p.end);
  const room = p.room === null ? null : str(p.room);
  const when = start && end ? spanLabel(start, end, names.zone) : start ? momentLabel(start, names.zone) : '';
  return `${when}${p.room === undefined ? '' : room === null ? ', standing (no room)' : ` in ${names.room(room)}`}`;
}

function conditionWords(type: string, p: Record<string, unknown>, names: SummitNames): string {
  const request = str(p.request) ?? '';
  const list = Array.isArray(p.conditions) ? (p.conditions as { id?: unknown; status?: unknown }[]) : [];
  const first = list[0];
  const id = first && typeof first.id === 'string' ? first.id : null;
  const what = id ? names.condition(request, id) : 'a condition';
  switch (type) {
    case 'condition.proposed':
      return `Set the condition ${what}`;
    case 'condition.accepted':
      return `Accepted the condition ${what}`;
    case 'condition.rejected':
      return `Rejected the condition ${what}`;
    case 'condition.withdrawn':
      return `Withdrew the condition ${what}`;
    case 'condition.countered': {
      const next = list[1];
      const counter = next && typeof next.id === 'string' ? names.condition(request, next.id) : null;
      return `Countered the condition ${what}${counter ? ` with ${counter}` : ''}`;
    }
    default:
      return `Changed the condition ${what}`;
  }
}

/** The sentence for an event's type and payload. */
function text(e: LoggedEvent, names: SummitNames): string {
  const p = e.payload;
  if (e.type.startsWith('condition.')) return conditionWords(e.type, p, names);
  if (e.type.startsWith('request.')) {
    const name = e.type.slice('request.'.length);
    if (name === 'created') {
      const to = Array.isArray(p.to) ? (p.to as unknown[]).flatMap((d) => str(d) ?? []) : [];
      const asked = to.length ? ` of ${to.map(names.delegation).join(', ')}` : '';
      return p.status === 'draft' ? `Drafted a request${asked}` : `Requested a meeting${asked}`;
    }
    if (name === 'downgrade' && str(p.to) === 'downgraded') return 'Downgraded to an informal meeting';
    return TRANSITION_WORDS[name] ?? `Request ${words(name)}`;
  }
  switch (e.type) {
    case 'thread.posted':
      return `Posted to the thread${str(p.delegation) ? ` on behalf of ${names.delegation(str(p.delegation)!)}` : ''}`;
    case 'position.recorded':
    case 'position.amended': {
      const stance = str(p.stance);
      const verb = e.type === 'position.recorded' ? 'Recorded' : 'Amended';
      return `${verb} a position${stance ? ` (${stance === 'undecided' ? 'undecided' : stance})` : ''}`;
    }
    case 'decision.taken': {
      const outcome = str(p.outcome);
      return `Decided: ${outcome ? (OUTCOME_WORDS[outcome] ?? words(outcome)) : 'a decision'}`;
    }
    case 'public-line.drafted':
      return 'Drafted the public line';
    case 'public-line.published': {
      const claim = str(p.claim);
      const quote = str(p.text);
      return `Published the public line${claim ? `: ${words(claim)}` : ''}${quote ? ` — “${quote}”` : ''}`;
    }
    case 'meeting.placed':
      return `Placed on ${slotWords(p, names)}`;
    case 'meeting.moved': {
      const previous = (p.previous ?? {}) as Record<string, unknown>;
      const was = str(previous.start);
      const wasRoom = previous.room === null ? null : str(previous.room);
      const from = was
        ? ` from ${momentLabel(was, names.zone).replace(/ \S+$/u, '')}${previous.room === undefined ? '' : wasRoom === null ? ' (standing)' : ` (${names.room(wasRoom)})`}`
        : '';
      return `Moved${from} to ${slotWords(p, names)}`;
    }
    case 'meeting.removed':
      return 'Taken off the calendar';
    case 'meeting.pinned':
      return 'Pinned: the planner keeps it where it is';
    case 'meeting.unpinned':
      return 'Unpinned: the planner may move it';
    case 'meeting.slot-accepted':
      return `Accepted the slot${str(p.delegation) ? ` for ${names.delegation(str(p.delegation)!)}` : ''}`;
    case 'meeting.announced':
      return 'Announced: every participant sees it';
    case 'plan.accepted':
      return 'Accepted a plan';
    default: {
      const [what = e.type, how = ''] = e.type.split('.');
      const sentence = `${words(what)} ${words(how)}`.trim();
      return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    }
  }
}

/** The event in words, for a history line. */
export function describeEvent(e: LoggedEvent, names: SummitNames): EventWords {
  const planner = e.payload.by === 'planner';
  return {
    text: text(e, names),
    by: planner ? `the planner (plan accepted by ${names.user(e.actor)})` : names.user(e.actor),
  };
}
