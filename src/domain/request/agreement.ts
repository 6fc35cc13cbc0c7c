// Who is party to a request, what still stands between it and agreement, and how to say so.
import type { DelegationId } from '../ids.js';
import type { Condition, Request, RequestStatus } from './schema.js';

/** States from which a request can still move on (everything before held and the endings). */
export const OPEN_STATES: readonly RequestStatus[] = [
  'draft',
  'requested',
  'under-consideration',
  'conditions-pending',
  'agreed',
  'scheduled',
  'confirmed',
];

/**
 * States a request never leaves, but for correcting what happened at its meeting (held and not-held
 * answer each other through hold and miss).
 */
export const FINAL_STATES: readonly RequestStatus[] = [
  'held',
  'not-held',
  'declined',
  'withdrawn',
  'downgraded',
  'lapsed',
];

/** The parties of a request: the requester first, then every counterpart. */
export function partiesOf(request: Pick<Request, 'from' | 'to'>): DelegationId[] {
  return [request.from, ...request.to.filter((d) => d !== request.from)];
}

/** True when `delegation` is the requester or a counterpart of the request. */
export function isParty(request: Pick<Request, 'from' | 'to'>, delegation: DelegationId | null): boolean {
  return delegation !== null && partiesOf(request).includes(delegation);
}

/** The conditions of this request that are still open (withdrawn and rejected ones do not block). */
export function openConditions(request: Pick<Request, 'id'>, conditions: readonly Condition[]): Condition[] {
  return conditions.filter((c) => c.request === request.id && c.status === 'open');
}

/** The parties that have not accepted the request as it stands. */
export function missingAcceptances(request: Pick<Request, 'from' | 'to' | 'acceptedBy'>): DelegationId[] {
  return partiesOf(request).filter((d) => !request.acceptedBy.includes(d));
}

/** A condition as messages name it: `condition c1 (set by usa)`. */
export function describeCondition(condition: Pick<Condition, 'id' | 'by'>): string {
  return `condition ${condition.id} (set by ${condition.by})`;
}

/** What still stands between the request and agreement, one phrase each; empty when it may be agreed. */
export function agreementGaps(request: Request, conditions: readonly Condition[]): string[] {
  return [
    ...openConditions(request, conditions).map((c) => `${describeCondition(c)} is still open`),
    ...missingAcceptances(request).map((d) => `${d} has not accepted`),
  ];
}

/**
 * Where a request under negotiation belongs: agreed when nothing stands in the way,
 * conditions-pending while a condition is open, else under-consideration.
 */
export function negotiatedStatus(
  request: Request,
  conditions: readonly Condition[],
): 'agreed' | 'conditions-pending' | 'under-consideration' {
  if (agreementGaps(request, conditions).length === 0) return 'agreed';
  return openConditions(request, conditions).length > 0 ? 'conditions-pending' : 'under-consideration';
}
