// Which scope each kind of record carries (docs/architecture.md, Who sees what), decided here and nowhere else.
import type { DelegationId } from '../ids.js';
import type { Meeting } from '../meeting/schema.js';
import { partiesOf } from '../request/agreement.js';
import type { Request } from '../request/schema.js';
import type { Person } from '../summit/schema.js';
import type { PublicLine } from '../deliberation/schema.js';
import type { Scope } from './scope.js';

/** Every participant: programme, venues, rooms, delegations and their persons, published lines, announced meetings. */
export const SUMMIT_SCOPE: Scope = { kind: 'summit' };

/** The host's staff: room bookings. */
export const HOST_SCOPE: Scope = { kind: 'host' };

/** The fields of a request its parties scope is made from; without `confidential`, the scope leaves it unsaid. */
export type ScopedRequest = Pick<Request, 'id' | 'from' | 'to'> & Partial<Pick<Request, 'confidential'>>;

/** A request: its parties (and the host for logistics, unless it is confidential). */
export function scopeOfRequest(request: ScopedRequest): Scope {
  const scope: Scope = { kind: 'parties', request: request.id, delegations: partiesOf(request) };
  return request.confidential === undefined ? scope : { ...scope, confidential: request.confidential };
}

/** A condition of a request: the request's parties. */
export function scopeOfCondition(request: ScopedRequest): Scope {
  return scopeOfRequest(request);
}

/** A message of a request's thread: the request's parties. */
export function scopeOfThread(request: ScopedRequest): Scope {
  return scopeOfRequest(request);
}

/** A meeting: everyone once announced, else the request's parties. */
export function scopeOfMeeting(request: ScopedRequest, meeting: Pick<Meeting, 'announced'>): Scope {
  return meeting.announced ? SUMMIT_SCOPE : scopeOfRequest(request);
}

/** A delegation's private record: deliberation, positions, decision, draft lines, busy blocks. */
export function scopeOfDelegation(delegation: DelegationId): Scope {
  return { kind: 'delegation', delegation };
}

/** A position or a decision: its delegation only. */
export function scopeOfDeliberation(record: { delegation: DelegationId }): Scope {
  return scopeOfDelegation(record.delegation);
}

/** A public line: everyone once published, its delegation while a draft. */
export function scopeOfPublicLine(line: Pick<PublicLine, 'delegation' | 'published'>): Scope {
  return line.published ? SUMMIT_SCOPE : scopeOfDelegation(line.delegation);
}

/** A busy block: the delegation of the person it belongs to. */
export function scopeOfBusy(owner: Pick<Person, 'delegation'>): Scope {
  return scopeOfDelegation(owner.delegation);
}

/** Programme, venues, rooms, delegations and persons: every participant. */
export function scopeOfLogistics(): Scope {
  return SUMMIT_SCOPE;
}

/** A room booking (who, when, where, never why): the host. */
export function scopeOfRoomBooking(): Scope {
  return HOST_SCOPE;
}
