// What the signed-in user is at one summit: host staff, a member of one delegation, or nothing.
import type { Grant } from '../api/types';

/** The user's standing at one summit, derived from their grants. */
export interface Standing {
  summit: string;
  /** The host role, when the user is host staff. */
  host: 'host-admin' | 'host-staff' | null;
  /** The delegation the user acts for, and their role in it. */
  delegation: string | null;
  delegationRole: 'delegation-lead' | 'protocol-officer' | 'adviser' | 'viewer' | null;
}

/** The standing of a user with `grants` at `summit`. */
export function standingAt(grants: readonly Grant[], summit: string): Standing {
  let host: Standing['host'] = null;
  let delegation: string | null = null;
  let delegationRole: Standing['delegationRole'] = null;
  for (const g of grants) {
    // a platform grant (operator) is held in no summit: it says nothing of the user's standing here
    if (g.kind === 'platform' || g.summit !== summit) continue;
    if (g.kind === 'host') host = host === 'host-admin' ? host : g.role;
    else if (delegation === null) {
      delegation = g.delegation;
      delegationRole = g.role;
    }
  }
  return { summit, host, delegation, delegationRole };
}

/** The summits a user holds any grant at, in first-seen order. */
export function summitsOf(grants: readonly Grant[]): string[] {
  return [...new Set(grants.flatMap((g) => (g.kind === 'platform' ? [] : [g.summit])))];
}

/** Where a user starts: their summit when they work at one only, else the list of their summits. */
export function homeOf(grants: readonly Grant[]): string {
  const summits = summitsOf(grants);
  return summits.length === 1 ? `/s/${summits[0]}` : '/';
}

// These mirror the server's authority table only to hide controls that would be refused; the server
// decides every call on its own.

/** True when the standing may act on requests, conditions and slots (lead, protocol officer). */
export function canActOnRequests(s: Standing): boolean {
  return s.delegationRole === 'delegation-lead' || s.delegationRole === 'protocol-officer';
}

/** True when the standing may record a position in its delegation's deliberation. */
export function canRecordPosition(s: Standing): boolean {
  return s.delegationRole !== null && s.delegationRole !== 'viewer';
}

/** True when the standing may record the delegation's decision (the lead). */
export function canDecide(s: Standing): boolean {
  return s.delegationRole === 'delegation-lead';
}

/** True when the standing may place, move and pin meetings (host staff and admin). */
export function canPlaceMeetings(s: Standing): boolean {
  return s.host !== null;
}

/** True when the standing may change venues, rooms and the programme, and import files (host admin). */
export function canManageLogistics(s: Standing): boolean {
  return s.host === 'host-admin';
}

/** A short label for the standing: "United States · protocol officer", "Host administrator". */
export function standingLabel(s: Standing, delegationName: (id: string) => string = (id) => id): string {
  if (s.host) return s.host === 'host-admin' ? 'Host administrator' : 'Host staff';
  if (s.delegation) return `${delegationName(s.delegation)} · ${(s.delegationRole ?? '').replace('-', ' ')}`;
  return 'No role at this summit';
}
