// A person's engagements as someone else may see them: what they may not read shows only as "busy".
import type { Actor } from '../actor/schema.js';
import type { BusyId, PersonId, ProgrammeEventId, RequestId, RoomId, SummitId, VenueId } from '../ids.js';
import type { SummitData } from '../summit/data.js';
import { UnknownRecordError } from '../summit/presence.js';
import type { Instant } from '../time.js';
import { type ReadOptions, canRead } from './read.js';
import type { Scope } from './scope.js';
import { SUMMIT_SCOPE, scopeOfBusy, scopeOfMeeting } from './scopes.js';

/** One commitment of a person, in full. */
export type Engagement =
  | { kind: 'private'; busy: BusyId; from: Instant; to: Instant; venue: VenueId | null; label: string | null }
  | {
      kind: 'meeting';
      request: RequestId;
      from: Instant;
      to: Instant;
      room: RoomId | null;
      announced: boolean;
    }
  | {
      kind: 'programme';
      event: ProgrammeEventId;
      title: string;
      from: Instant;
      to: Instant;
      venue: VenueId | null;
    };

/** What shows of an engagement the viewer may not read: when, and nothing else. */
export interface BusyView {
  kind: 'busy';
  from: Instant;
  to: Instant;
}

/** An engagement with the scope it is read under. */
export interface ScopedEngagement {
  engagement: Engagement;
  scope: Scope;
  read: ReadOptions;
}

/** Strips an engagement to {from, to, busy}: no label, venue, room, request or reason. */
export function redactBusy(engagement: { from: Instant; to: Instant }): BusyView {
  return { kind: 'busy', from: engagement.from, to: engagement.to };
}

/** Every engagement of a person (busy blocks, meetings they attend, programme events), each with its scope. */
export function engagementsOf(data: SummitData, personId: PersonId): ScopedEngagement[] {
  const person = data.persons.find((p) => p.id === personId);
  if (person === undefined)
    throw new UnknownRecordError(`no person "${personId}" in summit ${data.summit.id}`);
  const out: ScopedEngagement[] = [];
  for (const b of data.busy.filter((x) => x.person === personId)) {
    const engagement = {
      kind: 'private',
      busy: b.id,
      from: b.from,
      to: b.to,
      venue: b.venue,
      label: b.label,
    } as const;
    out.push({ engagement, scope: scopeOfBusy(person), read: {} });
  }
  for (const m of data.meetings) {
    const request = data.requests.find((r) => r.id === m.request);
    if (request === undefined || !request.attendees.includes(personId)) continue;
    const engagement = {
      kind: 'meeting',
      request: m.request,
      from: m.start,
      to: m.end,
      room: m.room,
      announced: m.announced,
    } as const;
    out.push({ engagement, scope: scopeOfMeeting(request, m), read: { confidential: request.confidential } });
  }
  for (const e of data.programme) {
    const attends =
      e.attendees === 'principals' ? person.role === 'principal' : e.attendees.includes(personId);
    if (!attends) continue;
    const engagement = {
      kind: 'programme',
      event: e.id,
      title: e.title,
      from: e.from,
      to: e.to,
      venue: e.venue,
    } as const;
    out.push({ engagement, scope: SUMMIT_SCOPE, read: {} });
  }
  return out.sort((a, b) => Date.parse(a.engagement.from) - Date.parse(b.engagement.from));
}

/** A person's engagements as `actor` may see them: in full where it may read them, else only as busy. */
export function engagementsSeenBy(
  actor: Actor,
  summit: SummitId,
  data: SummitData,
  person: PersonId,
): (Engagement | BusyView)[] {
  return engagementsOf(data, person).map(({ engagement, scope, read }) =>
    canRead(actor, summit, scope, read) ? engagement : redactBusy(engagement),
  );
}
