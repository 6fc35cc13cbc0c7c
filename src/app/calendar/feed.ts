// A person's calendar feed, read with the token in its URL: their meetings the feed's issuer may
// see (scheduled, confirmed or held) and the programme events they attend, in the summit's zone.
import type { Actor } from '../../domain/actor/schema.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Person } from '../../domain/summit/schema.js';
import type { Instant } from '../../domain/time.js';
import { canRead } from '../../domain/visibility/read.js';
import { scopeOfMeeting } from '../../domain/visibility/scopes.js';
import { meetingTitle } from '../../domain/words/meeting-title.js';
import type { Feed, FeedEvent } from '../../io/ical/feed.js';
import { NotFoundError } from '../../store/store.js';
import { actorFor } from '../auth/actor.js';
import { sha256Hex } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';
import { mayIssueFeed } from './access.js';
import { FEED_TOKEN } from './tokens.js';

const ON_CALENDAR = new Set<Request['status']>(['scheduled', 'confirmed', 'held']);

/** The meetings of `person` that `reader` may see, as feed events. */
function meetingEvents(reader: Actor, data: SummitData, person: Person): FeedEvent[] {
  const summit = data.summit.id;
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  const delegation = new Map(data.delegations.map((d) => [d.id as string, d.name]));
  const personName = new Map(data.persons.map((p) => [p.id as string, p.name]));
  const room = new Map(data.rooms.map((r) => [r.id as string, r]));
  const venue = new Map(data.venues.map((v) => [v.id as string, v.name]));
  const out: FeedEvent[] = [];
  for (const meeting of data.meetings) {
    const request = requests.get(meeting.request);
    if (!request || !request.attendees.includes(person.id) || !ON_CALENDAR.has(request.status)) continue;
    if (!canRead(reader, summit, scopeOfMeeting(request, meeting), { confidential: request.confidential })) {
      continue;
    }
    const where = meeting.room ? room.get(meeting.room) : undefined;
    const attendees = request.attendees.map((p) => personName.get(p) ?? p);
    const topics = request.topics.length > 0 ? `Topics: ${request.topics.join(', ')}. ` : '';
    out.push({
      uid: `meeting-${request.id}.${summit}@sideline`,
      start: meeting.start,
      end: meeting.end,
      summary: meetingTitle(request, (d) => delegation.get(d) ?? d),
      location: where ? `${where.name}, ${venue.get(where.venue) ?? where.venue}` : null,
      description: `${topics}Attendees: ${attendees.join(', ')}.`,
      status: request.status === 'scheduled' ? 'tentative' : 'confirmed',
      sequence: meeting.version,
    });
  }
  return out;
}

/** The programme events `person` attends (every participant may see the programme). */
function programmeEvents(data: SummitData, person: Person): FeedEvent[] {
  const venue = new Map(data.venues.map((v) => [v.id as string, v.name]));
  return data.programme
    .filter((e) =>
      e.attendees === 'principals' ? person.role === 'principal' : e.attendees.includes(person.id),
    )
    .map((e) => ({
      uid: `programme-${e.id}.${data.summit.id}@sideline`,
      start: e.from,
      end: e.to,
      summary: e.title,
      location: e.venue ? (venue.get(e.venue) ?? e.venue) : null,
      description: null,
      status: 'confirmed' as const,
      sequence: e.version,
    }));
}

/**
 * The feed behind a token. It is read as the token's issuer sees the summit now, so a feed stops
 * (or shows less) when the issuer loses their role; a revoked, unknown or malformed token, a
 * disabled issuer, or one who may no longer issue it, are all "not found" alike.
 */
export async function calendarFeed(ctx: AppContext, token: string): Promise<Feed> {
  const gone = () => new NotFoundError('calendar feed', 'this address');
  if (!FEED_TOKEN.test(token)) throw gone();
  return ctx.store.read(async (tx) => {
    const record = await tx.calendarTokens.byHash(sha256Hex(token));
    if (!record || record.revokedAt !== null) throw gone();
    const issuer = await tx.users.get(record.createdBy);
    if (!issuer || issuer.disabled) throw gone();
    const reader = await actorFor(tx, issuer);
    const data = await loadSummitData(tx, record.summit);
    const person = data.persons.find((p) => p.id === record.person);
    if (!person || !mayIssueFeed(reader, record.summit, person)) throw gone();
    const events = [...meetingEvents(reader, data, person), ...programmeEvents(data, person)].sort(
      (a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid),
    );
    return {
      name: `${person.name} — ${data.summit.name}`,
      zone: data.summit.timezone,
      stamp: ctx.now() as Instant,
      events,
    };
  });
}
