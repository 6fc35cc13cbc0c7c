// Changing a request once it is made: who may change which of its terms, and what a change to what
// was agreed does — the other parties' acceptance no longer stands, and an agreed, scheduled or
// confirmed request goes back to them for consent (the life cycle's amend).
import { rolesWith } from '../actor/authority.js';
import type { DelegationId } from '../ids.js';
import type { Instant } from '../time.js';
import { type ActorContext, resolveActing } from './acting.js';
import { FINAL_STATES, isParty } from './agreement.js';
import type { Condition, Request } from './schema.js';
import { applyTransition } from './transition.js';

/**
 * The terms a party may change, in the order an edit lists them. The one list of editable fields:
 * a term added to requests that parties may change joins it here (and in the edit input).
 */
export const EDITABLE_TERMS = [
  'minutes',
  'attendees',
  'allowed',
  'preferred',
  'topics',
  'priority',
  'seats',
  'venue',
  'needs',
  'press',
] as const;

/** A term of a request a party may change. */
export type EditableTerm = (typeof EDITABLE_TERMS)[number];

/** The terms every party agreed to: changing one needs the other parties' consent again. */
export const AGREED_TERMS: ReadonlySet<EditableTerm> = new Set(['minutes', 'attendees', 'allowed']);

/** New values for some of a request's editable terms. */
export type RequestChange = Partial<Pick<Request, EditableTerm>>;

/** A refused edit: names the request, its state, the actor and everything that stands in the way. */
export class EditError extends Error {
  constructor(
    readonly request: Request['id'],
    readonly actor: string,
    readonly missing: readonly string[],
    /** The actor's side or role may never make this change, whatever the state (HTTP 403). */
    readonly forbidden = false,
  ) {
    super(`cannot edit request ${request} as ${actor}: ${missing.join('; ')}`);
    this.name = 'EditError';
  }
}

/** An edit made: the request after it, what changed (before and after), and the transitions it took. */
export interface Edit {
  request: Request;
  /** The party that made the edit (null: the system). */
  by: DelegationId | null;
  /** The terms whose values changed, in EDITABLE_TERMS order; empty for an edit that changed nothing. */
  changed: EditableTerm[];
  before: RequestChange;
  after: RequestChange;
  /** True when the others' consent is needed again (a term of AGREED_TERMS changed). */
  reconsent: boolean;
  /** `amend` when an agreed, scheduled or confirmed request went back for consent. */
  transitions: 'amend'[];
}

/** Before amend is taken, the negotiation is still open: only the acceptances are withdrawn. */
const NEGOTIATING: readonly Request['status'][] = ['requested', 'under-consideration', 'conditions-pending'];
const AGREED: readonly Request['status'][] = ['agreed', 'scheduled', 'confirmed'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The attendees an edit adds or removes. */
function movedAttendees(before: readonly string[], after: readonly string[]): string[] {
  return [...after.filter((p) => !before.includes(p)), ...before.filter((p) => !after.includes(p))];
}

/**
 * What stands in the way of `acting` changing `changed` on the request: its state (`state`), and its
 * side, role and attendees of another delegation (`side`, what it may never change). Empty when it may.
 */
function obstacles(
  request: Request,
  change: RequestChange,
  changed: readonly EditableTerm[],
  delegationOf: (person: string) => string | undefined,
  acting: ReturnType<typeof resolveActing>,
): { state: string[]; side: string[] } {
  const state = FINAL_STATES.includes(request.status)
    ? [`the request is ${request.status}; its terms are final`]
    : [];
  const side: string[] = [];
  if (acting.actor.system) return { state, side };
  const roles = rolesWith('act-on-request').filter((r) => !r.startsWith('host-'));
  const party = isParty(request, acting.delegation);
  if (!party || !acting.delegationRoles.some((r) => roles.includes(r))) {
    side.push(`only a party's ${roles.join(' or ')} may edit it`);
    return { state, side };
  }
  const own = acting.delegation!;
  if (own !== request.from) {
    const others = changed.filter((t) => t !== 'attendees');
    if (others.length > 0) {
      side.push(`a counterpart changes only its own attendees, not ${others.join(', ')}`);
    }
  }
  if (changed.includes('attendees')) {
    const foreign = movedAttendees(request.attendees, change.attendees ?? request.attendees).filter((p) => {
      const d = delegationOf(p);
      return d !== undefined && d !== own;
    });
    for (const p of foreign) {
      side.push(`${own} changes only its own attendees; ${p} belongs to ${delegationOf(p)}`);
    }
  }
  return { state, side };
}

/**
 * Applies `change` to the request as `ctx` acts (the input is never changed), or throws an EditError
 * naming everything in the way. The requester may change every editable term, its own attendees
 * among them; a counterpart only its own attendees. A change to a term of AGREED_TERMS withdraws the
 * other parties' acceptance, and takes an agreed, scheduled or confirmed request back to them (amend).
 * The request rules (rules.ts) are the caller's to check on the result.
 */
export function editRequest(
  request: Request,
  conditions: readonly Condition[],
  change: RequestChange,
  delegationOf: (person: string) => string | undefined,
  ctx: ActorContext,
  now: Instant,
): Edit {
  const acting = resolveActing(ctx, request);
  const changed = EDITABLE_TERMS.filter((t) => change[t] !== undefined && !same(change[t], request[t]));
  const { state, side } = obstacles(request, change, changed, delegationOf, acting);
  if (side.length > 0) throw new EditError(request.id, acting.label, [...state, ...side], true);
  if (state.length > 0) throw new EditError(request.id, acting.label, state);
  const before: RequestChange = {};
  const after: RequestChange = {};
  for (const t of changed) {
    Object.assign(before, { [t]: request[t] });
    Object.assign(after, { [t]: change[t] });
  }
  const edited: Request = { ...request, ...after };
  const by = acting.delegation;
  const reconsent = changed.some((t) => AGREED_TERMS.has(t)) && request.status !== 'draft';
  if (!reconsent) return { request: edited, by, changed, before, after, reconsent, transitions: [] };
  if (AGREED.includes(request.status)) {
    const amended = applyTransition(edited, conditions, 'amend', ctx, now);
    return { request: amended, by, changed, before, after, reconsent, transitions: ['amend'] };
  }
  // Still negotiating: whoever had accepted the request as it stood must accept it again.
  const keeps = (d: string) => d === acting.delegation;
  const open = NEGOTIATING.includes(request.status);
  return {
    request: open ? { ...edited, acceptedBy: edited.acceptedBy.filter(keeps) } : edited,
    by,
    changed,
    before,
    after,
    reconsent,
    transitions: [],
  };
}
