// What each event of the log tells whom, in words: one row per event type. An event type without a
// row makes no notice. A row reads only the event, the request it is about (with its conditions) and
// names everyone in the summit reads, and every recipient has passed the same read guards as the
// app's own reads of those records, so a notice holds nothing its reader could not read in the app.
import type { DomainEvent } from '../../domain/event/schema.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import type { NotificationKind } from '../../store/store.js';

/** The kinds a user chooses what to hear of, in the order screens list them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'requests',
  'conditions',
  'schedule',
  'deliberation',
  'webhooks',
];

/**
 * Who hears an event, among those who may read it: the protocol officers and leads of the request's
 * parties; with `host`, the host's staff too (logistics: the schedule); `own`, the members of the
 * delegation a private record belongs to who take part in its deliberation (lead, protocol officer,
 * adviser).
 */
export type Audience = 'parties' | 'parties-and-host' | 'own';

/** What a row may read to put an event into words. */
export interface Said {
  event: DomainEvent;
  /** Who acted, by name: a delegation ("Russia"), "The host" or "Sideline". */
  who: string;
  /** The request the event is about, when it is about one. */
  request: Request | undefined;
  conditions: readonly Condition[];
  /** A delegation's name. */
  delegation(id: unknown): string;
  /** A room's name, or "no room". */
  room(id: unknown): string;
  /** An instant in summit time, e.g. "Fri 10 Nov 14:30 (Asia/Ho_Chi_Minh)". */
  when(instant: unknown): string;
}

/** A notice's words. */
export interface Words {
  title: string;
  body: string;
}

/** One row of the table: the kind users choose by, who hears it, and the words (null: no notice). */
export interface NoticeSpec {
  kind: NotificationKind;
  audience: Audience;
  say(s: Said): Words | null;
}

/** "United States → Russia, bilateral (leaders): Syria, trade" */
export function describeRequest(s: Said): string {
  const r = s.request;
  if (!r) return 'a request';
  const topics = r.topics.length > 0 ? `: ${r.topics.join(', ')}` : '';
  return `${s.delegation(r.from)} → ${r.to.map((d) => s.delegation(d)).join(', ')}, ${r.format} (${r.level})${topics}`;
}

function conditionText(s: Said, id: unknown): string {
  const c = s.conditions.find((x) => x.id === id);
  return c ? `'${c.text}'` : 'a condition';
}

/** The conditions an event names, as {id, status, by}. */
function named(s: Said): { id: string; status: string; by: string }[] {
  const list = s.event.payload.conditions;
  return Array.isArray(list) ? (list as { id: string; status: string; by: string }[]) : [];
}

/** A request-side row: "<who> <verb> the request" with the request described. */
function onRequest(verb: string): NoticeSpec {
  return {
    kind: 'requests',
    audience: 'parties',
    say: (s) => ({ title: `${s.who} ${verb}`, body: describeRequest(s) }),
  };
}

/** A condition row: the condition named by its text. */
function onCondition(verb: string, pick: (c: { status: string }) => boolean): NoticeSpec {
  return {
    kind: 'conditions',
    audience: 'parties',
    say: (s) => {
      const c = named(s).find(pick) ?? named(s)[0];
      return { title: `${s.who} ${verb} condition ${conditionText(s, c?.id)}`, body: describeRequest(s) };
    },
  };
}

/** A reason given in words, or a bump's reason (`{ text }`, worded for every reader of the event). */
function reasonOf(s: Said): string {
  const given = s.event.payload.reason;
  const reason = given !== null && typeof given === 'object' ? (given as { text?: unknown }).text : given;
  return typeof reason === 'string' && reason.trim() !== '' ? ` Reason: ${reason}` : '';
}

/** The request's terms an edit may change, as a notice names them. */
const TERM_WORDS: Readonly<Record<string, string>> = {
  minutes: 'length',
  attendees: 'attendees',
  allowed: 'allowed times',
  preferred: 'preferred times',
  topics: 'topics',
  priority: 'priority',
  seats: 'seats',
  venue: 'venue',
  needs: 'needs',
};

/** The terms an edit changed, in words: "length and attendees". */
function changedTerms(s: Said): string {
  const changed = Array.isArray(s.event.payload.changed) ? (s.event.payload.changed as unknown[]) : [];
  const words = changed.map((t) => TERM_WORDS[String(t)] ?? String(t));
  return words.length <= 1
    ? (words[0] ?? 'terms')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A meeting's outcome in words: "held, 20 minutes late", "a no-show by Russia". */
function outcomeWords(
  s: Said,
  o: { kind?: unknown; lateMinutes?: unknown; by?: unknown } | undefined,
): string {
  const by = Array.isArray(o?.by) ? o.by.map((d) => s.delegation(d)).join(' and ') : '';
  switch (o?.kind) {
    case 'held':
      return 'held';
    case 'held-late':
      return `held, ${String(o.lateMinutes)} minutes late${by ? ` (${by} late)` : ''}`;
    case 'no-show':
      return `a no-show by ${by}`;
    case 'cancelled-late':
      return `cancelled late by ${by}`;
    default:
      return 'recorded';
  }
}

/** The steps a decision gates, as a notice says them. */
const STEP_WORDS: Readonly<Record<string, string>> = {
  submit: 'send the request',
  accept: 'accept the request',
  'accept-condition': 'accept a condition',
  confirm: 'confirm the slot',
};

/** Every event type that makes a notice. Events added later are one line each here. */
export const NOTICES: Readonly<Record<string, NoticeSpec>> = {
  'request.created': {
    kind: 'requests',
    audience: 'parties',
    // a draft is the asking delegation's own work in progress: nothing to tell yet
    say: (s) =>
      s.event.payload.status === 'draft'
        ? null
        : { title: `${s.who} requested a meeting`, body: describeRequest(s) },
  },
  'request.submit': onRequest('sent a meeting request'),
  'request.consider': onRequest('is considering the request'),
  'request.accept': onRequest('accepted the request'),
  'request.agree': onRequest('agreed the meeting: every party accepted'),
  'request.confirm': onRequest('confirmed the slot: the meeting is confirmed'),
  // what happened at a meeting is told once, by meeting.outcome-recorded, not by request.hold or .miss
  'request.decline': onRequest('declined the request'),
  'request.withdraw': onRequest('withdrew the request'),
  'request.downgrade': onRequest('downgraded the request'),
  'request.lapse': onRequest('lapsed the request'),
  'request.reopen': onRequest('re-opened the request'),
  // An edit is told by request.edited; the amend and dislodge steps it takes are not told again, nor
  // is the meeting it takes off (meeting.removed tells that).
  'request.edited': {
    kind: 'requests',
    audience: 'parties',
    say: (s) => {
      const p = s.event.payload;
      const before = p.before as { minutes?: unknown } | undefined;
      const after = p.after as { minutes?: unknown } | undefined;
      const minutes =
        before?.minutes !== undefined && after?.minutes !== undefined
          ? ` Length: ${String(before.minutes)} → ${String(after.minutes)} minutes.`
          : '';
      const consent =
        p.reconsent === true
          ? ' It goes back to the other parties for consent; its meeting stays where it still fits.'
          : '';
      return {
        title: `${s.who} changed the request's ${changedTerms(s)}`,
        body: `${describeRequest(s)}.${minutes}${consent}`,
      };
    },
  },
  'request.restore': {
    kind: 'schedule',
    audience: 'parties',
    say: (s) => ({
      title: 'Every party agreed again: the meeting kept meanwhile stands',
      body: describeRequest(s),
    }),
  },
  'condition.proposed': onCondition('proposed', (c) => c.status === 'open'),
  'condition.accepted': onCondition('accepted', (c) => c.status === 'accepted'),
  'condition.rejected': onCondition('rejected', (c) => c.status === 'rejected'),
  'condition.withdrawn': onCondition('withdrew', (c) => c.status === 'withdrawn'),
  'condition.countered': {
    kind: 'conditions',
    audience: 'parties',
    say: (s) => {
      const old = named(s).find((c) => c.status === 'rejected');
      const proposed = named(s).find((c) => c.status === 'open');
      return {
        title: `${s.who} countered condition ${conditionText(s, old?.id)}`,
        body: `Proposed instead: ${conditionText(s, proposed?.id)}. ${describeRequest(s)}`,
      };
    },
  },
  // the host reads a request for logistics but never its thread
  'thread.posted': {
    kind: 'requests',
    audience: 'parties',
    say: (s) => ({ title: `${s.who} wrote in the thread`, body: describeRequest(s) }),
  },
  'meeting.placed': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => ({
      title: `${s.who} scheduled the meeting for ${s.when(s.event.payload.start)}`,
      body: `${describeRequest(s)}. Room: ${s.room(s.event.payload.room)}.${reasonOf(s)}`,
    }),
  },
  'meeting.moved': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => {
      const previous = s.event.payload.previous as { start?: unknown } | undefined;
      return {
        title: `${s.who} moved the meeting to ${s.when(s.event.payload.start)}`,
        body: `Was ${s.when(previous?.start)}. ${describeRequest(s)}. Room: ${s.room(s.event.payload.room)}.${reasonOf(s)}`,
      };
    },
  },
  'meeting.removed': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => ({
      title: `${s.who} took the meeting off the calendar`,
      body: `${describeRequest(s)}.${reasonOf(s)}`,
    }),
  },
  'meeting.changed': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => {
      const previous = s.event.payload.previous as { end?: unknown } | undefined;
      return {
        title: `${s.who} changed the meeting's length: it now ends ${s.when(s.event.payload.end)}`,
        body: `Was ${s.when(previous?.end)}; every party confirms the slot again. ${describeRequest(s)}. Room: ${s.room(s.event.payload.room)}.`,
      };
    },
  },
  // the note stays on the record: the notice says what happened, not what was written of it
  'meeting.outcome-recorded': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => {
      const p = s.event.payload;
      const now = outcomeWords(s, p);
      const previous = p.previous as Parameters<typeof outcomeWords>[1];
      return {
        title: previous
          ? `${s.who} corrected the meeting's record: ${now} (was ${outcomeWords(s, previous)})`
          : `${s.who} recorded the meeting as ${now}`,
        body: describeRequest(s),
      };
    },
  },
  'meeting.slot-accepted': {
    kind: 'schedule',
    audience: 'parties',
    say: (s) => ({
      title: `${s.delegation(s.event.payload.delegation)} accepted the slot`,
      body: describeRequest(s),
    }),
  },
  'meeting.announced': {
    kind: 'schedule',
    audience: 'parties-and-host',
    say: (s) => ({ title: `${s.who} announced the meeting`, body: describeRequest(s) }),
  },
  'position.recorded': {
    kind: 'deliberation',
    audience: 'own',
    say: (s) => ({ title: `A position was recorded`, body: describeRequest(s) }),
  },
  'position.amended': {
    kind: 'deliberation',
    audience: 'own',
    say: (s) => ({ title: `A position was amended`, body: describeRequest(s) }),
  },
  'decision.taken': {
    kind: 'deliberation',
    audience: 'own',
    say: (s) => ({ title: `Your delegation took a decision`, body: describeRequest(s) }),
  },
  // the lead's reason stays in the deliberation, read there
  'decision.overridden': {
    kind: 'deliberation',
    audience: 'own',
    say: (s) => {
      const step = STEP_WORDS[String(s.event.payload.step)] ?? 'act';
      return {
        title: `Your delegation's lead overrode its decision (${String(s.event.payload.outcome)}) to ${step}`,
        body: describeRequest(s),
      };
    },
  },
};
