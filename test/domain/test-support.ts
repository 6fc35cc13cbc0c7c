// Builders for the domain's tests: plain records with readable defaults, parsed through the real schemas.
import { Actor, type DelegationRole, type HostRole } from '../../src/domain/actor/schema.js';
import type { DelegationId, SummitId, UserId } from '../../src/domain/ids.js';
import { Condition, Request } from '../../src/domain/request/schema.js';
import { Meeting } from '../../src/domain/meeting/schema.js';
import type { Instant } from '../../src/domain/time.js';

/** The summit every test builder uses unless told otherwise. */
export const SUMMIT = 'apec-2017' as SummitId;

/** A delegation id from text. */
export const del = (id: string) => id as DelegationId;

/** An instant from text (kept short in tests). */
export const at = (iso: string) => iso as Instant;

/** A user holding one role in one delegation of the test summit. */
export function member(delegation: string, role: DelegationRole, user = `${delegation}-${role}`): Actor {
  return Actor.parse({
    user: user as UserId,
    grants: [{ kind: 'delegation', summit: SUMMIT, delegation, role }],
  });
}

/** A user holding one host role in the test summit. */
export function host(role: HostRole, user = role): Actor {
  return Actor.parse({ user, grants: [{ kind: 'host', summit: SUMMIT, role }] });
}

/** The operator's own tools. */
export const SYSTEM: Actor = Actor.parse({ user: 'system', grants: [], system: true });

/** A request from usa to rus in `status`, with overrides. */
export function request(overrides: Partial<Record<keyof Request, unknown>> = {}): Request {
  return Request.parse({
    id: 'usa-rus',
    from: 'usa',
    to: ['rus'],
    format: 'bilateral',
    level: 'leaders',
    minutes: 45,
    priority: 3,
    topics: ['syria'],
    attendees: ['usa-potus', 'rus-president'],
    seats: null,
    venue: null,
    allowed: null,
    preferred: [],
    status: 'requested',
    acceptedBy: ['usa'],
    downgrade: null,
    confidential: false,
    version: 1,
    ...overrides,
  });
}

/** A condition on usa-rus set by usa, open unless told otherwise. */
export function condition(overrides: Partial<Record<keyof Condition, unknown>> = {}): Condition {
  return Condition.parse({
    id: 'c1',
    request: 'usa-rus',
    by: 'usa',
    kind: 'deliverable',
    text: 'Agreed deliverable on Syria to announce',
    status: 'open',
    counters: null,
    version: 1,
    ...overrides,
  });
}

/** The meeting of usa-rus on 10 November 2017 at 14:00 UTC, unconfirmed and unannounced. */
export function meeting(overrides: Partial<Record<keyof Meeting, unknown>> = {}): Meeting {
  return Meeting.parse({
    request: 'usa-rus',
    start: '2017-11-10T14:00:00.000Z',
    end: '2017-11-10T14:45:00.000Z',
    room: 'icdn-b1',
    pinned: false,
    confirmedBy: [],
    announced: false,
    version: 1,
    ...overrides,
  });
}
