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

function reasonOf(s: Said): string {
  const reason = s.event.payload.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? ` Reason: ${reason}` : '';
}

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
  'request.hold': onRequest('marked the meeting held'),
  'request.decline': onRequest('declined the request'),
  'request.withdraw': onRequest('withdrew the request'),
  'request.downgrade': onRequest('downgraded the request'),
  'request.lapse': onRequest('lapsed the request'),
  'request.reopen': onRequest('re-opened the request'),
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
};
