// A meeting kept while its request is back with its parties for consent (an edit changed what was
// agreed, a new condition): it stays on the calendar, holding its time and room, until the parties'
// consent restores it or they let it go.
import type { RequestStatus } from '../request/schema.js';

/** Request states in which a meeting the request still has is kept provisionally. */
export const AWAITING_CONSENT: ReadonlySet<RequestStatus> = new Set([
  'requested',
  'under-consideration',
  'conditions-pending',
]);

/** True when a request in `status` that has a meeting holds it provisionally. */
export function isProvisional(status: RequestStatus): boolean {
  return AWAITING_CONSENT.has(status);
}
