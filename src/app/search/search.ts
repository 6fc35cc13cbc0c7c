// Finding things across a summit: requests and their meetings, people, rooms, delegations and
// programme events, by name, id or topic, among what the reader may see only.
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import { summitNames } from '../../domain/words/names.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { listMeetings, type MeetingEntry } from '../meetings/list.js';
import { listRequests } from '../requests/read.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';

/** A query: words that must all be found, and how many hits to answer. */
export const SearchInput = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('Words to find in names, ids, titles and topics'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** What a hit is. */
export type HitKind = 'request' | 'meeting' | 'person' | 'room' | 'delegation' | 'event';

/** One thing found, in names: what it is, its title, a line of detail and its time when it has one. */
export interface SearchHit {
  kind: HitKind;
  /** The record's id (a meeting's is its request's). */
  id: string;
  title: string;
  detail: string;
  start: string | null;
  end: string | null;
  /** The request a request or meeting hit opens; null for a meeting the reader may not open. */
  request: string | null;
}

/** Lower case without accents, so "Ha Noi" finds "Hà Nội". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How well `words` match a hit: 0 for no match; an exact id or a title start ranks higher. */
function score(words: readonly string[], id: string, title: string, rest: readonly string[]): number {
  const hay = fold([id, title, ...rest].join(' \u0000 '));
  if (!words.every((w) => hay.includes(w))) return 0;
  const q = words.join(' ');
  if (fold(id) === q) return 4;
  if (fold(title).startsWith(q) || fold(id).startsWith(q)) return 3;
  if (words.every((w) => fold(title).includes(w))) return 2;
  return 1;
}

const KIND_ORDER: Readonly<Record<HitKind, number>> = {
  meeting: 0,
  request: 1,
  person: 2,
  delegation: 3,
  room: 4,
  event: 5,
};

/** The hits for a query, best first, among what the actor may see. */
export async function searchSummit(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  input: unknown,
): Promise<SearchHit[]> {
  const { q, limit } = parseInput(SearchInput, input);
  requireParticipant(actor, summit);
  const words = fold(q).split(/\s+/u).filter(Boolean);
  const [requests, calendar, data] = await Promise.all([
    listRequests(ctx, actor, summit),
    listMeetings(ctx, actor, summit),
    ctx.store.read((tx) => loadSummitData(tx, summit)),
  ]);
  const names = summitNames({ ...data, requests, busy: [], conditions: [] }, data.summit.timezone);
  const meetings = new Map(
    calendar.filter((e): e is MeetingEntry => e.kind === 'meeting').map((m) => [m.request as string, m]),
  );
  const visible = new Set(requests.map((r) => r.id as string));
  const found: (SearchHit & { score: number })[] = [];
  const add = (hit: SearchHit, s: number) => {
    if (s > 0) found.push({ ...hit, score: s });
  };

  for (const r of requests) {
    const m = meetings.get(r.id);
    const parties = partiesOf(r).map(names.delegation);
    const attendees = r.attendees.map(names.person);
    const where = m?.room ? names.roomAt(m.room) : null;
    const title = m ? names.meeting(r.id) : names.ask(r.id);
    add(
      {
        kind: m ? 'meeting' : 'request',
        id: r.id,
        title,
        detail: [r.status.replace(/-/g, ' '), r.topics.join(', '), where].filter(Boolean).join(' · '),
        start: m?.start ?? null,
        end: m?.end ?? null,
        request: r.id,
      },
      score(words, r.id, title, [...parties, ...attendees, ...r.topics, r.format, r.level, where ?? '']),
    );
  }
  // announced meetings of others: readable on the calendar, though their requests are not
  for (const m of meetings.values()) {
    if (visible.has(m.request)) continue;
    const title = `${m.format === 'pull-aside' ? 'Pull-aside' : 'Meeting'}: ${m.parties.map(names.delegation).join(' – ')}`;
    const where = m.room ? names.roomAt(m.room) : null;
    add(
      {
        kind: 'meeting',
        id: m.request,
        title,
        detail: where ?? '',
        start: m.start,
        end: m.end,
        request: null,
      },
      score(words, m.request, title, [...m.attendees.map(names.person), where ?? '']),
    );
  }
  for (const p of data.persons) {
    const delegation = names.delegation(p.delegation);
    add(
      {
        kind: 'person',
        id: p.id,
        title: p.name,
        detail: [p.title, delegation].filter(Boolean).join(' · '),
        start: null,
        end: null,
        request: null,
      },
      score(words, p.id, p.name, [p.title ?? '', delegation]),
    );
  }
  for (const d of data.delegations) {
    add(
      {
        kind: 'delegation',
        id: d.id,
        title: d.name,
        detail: 'Delegation',
        start: null,
        end: null,
        request: null,
      },
      score(words, d.id, d.name, []),
    );
  }
  for (const room of data.rooms) {
    const venue = names.venue(room.venue);
    add(
      {
        kind: 'room',
        id: room.id,
        title: room.name,
        detail: `${venue} · ${room.capacity} seats`,
        start: null,
        end: null,
        request: null,
      },
      score(words, room.id, room.name, [venue]),
    );
  }
  for (const e of data.programme) {
    const venue = e.venue ? names.venue(e.venue) : '';
    add(
      { kind: 'event', id: e.id, title: e.title, detail: venue, start: e.from, end: e.to, request: null },
      score(words, e.id, e.title, [venue]),
    );
  }
  return found
    .sort(
      (a, b) =>
        b.score - a.score ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.start ?? '').localeCompare(b.start ?? '') ||
        a.title.localeCompare(b.title),
    )
    .slice(0, limit)
    .map(({ score: _score, ...hit }) => hit);
}
