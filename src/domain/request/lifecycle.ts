// The request life cycle of docs/architecture.md as one table: every transition, the states it leaves, where it
// may lead, who may take it, with which roles, and what must hold. transition.ts runs the table.
import { rolesWith } from '../actor/authority.js';
import type { Meeting } from '../meeting/schema.js';
import { instantMillis } from '../time.js';
import {
  OPEN_STATES,
  agreementGaps,
  describeCondition,
  isParty,
  negotiatedStatus,
  openConditions,
  partiesOf,
} from './agreement.js';
import type { RequestStatus } from './schema.js';
import type { Situation, TransitionCommand, TransitionName, TransitionRule } from './transition-rule.js';

export type {
  PlainTransitionName,
  Situation,
  TransitionCommand,
  TransitionName,
  TransitionRule,
  Who,
  Effect,
} from './transition-rule.js';

const PARTY_ROLES = rolesWith('act-on-request');
const DECIDERS = rolesWith('decide');
const PLACERS = rolesWith('place-meetings');
const NEGOTIATING: readonly RequestStatus[] = ['requested', 'under-consideration', 'conditions-pending'];
const LIVE: readonly RequestStatus[] = OPEN_STATES.filter((s) => s !== 'draft');
const none = (): string[] => [];

/** The party the actor acts for, or a phrase saying none was named (only the system gets this far without). */
function needsParty(s: Situation): string[] {
  return isParty(s.request, s.acting.delegation) ? [] : ['no party of the request was named to act for'];
}

function meetingOfRequest(s: Situation<Extract<TransitionCommand, { meeting: Meeting }>>): string[] {
  const m = s.command.meeting;
  return m.request === s.request.id ? [] : [`the meeting given is for request ${m.request}`];
}

/**
 * The host places meetings; a confidential request, which the host may not see, is placed by its
 * parties themselves, and so is a bumped meeting at the slot the engine offered it. A party acting
 * on any other request is refused here (a host who is also a party acts as the host).
 */
function placedByParties(s: Situation): string[] {
  if (s.acting.actor.system || s.acting.hostRoles.some((r) => PLACERS.includes(r))) return [];
  if (s.request.confidential || ('offered' in s.command && s.command.offered)) return [];
  return ['only the host places a request that is not confidential'];
}

/** The life cycle, one row per transition. */
export const LIFECYCLE: { readonly [N in TransitionName]: TransitionRule<N> } = {
  submit: {
    name: 'submit',
    verb: 'submit',
    from: ['draft'],
    to: ['requested'],
    who: ['requester'],
    roles: PARTY_ROLES,
    guard: none,
    // Submitting is the requester's acceptance of the request as it stands.
    effect: ({ request }) => ({
      status: 'requested',
      acceptedBy: [...new Set([...request.acceptedBy, request.from])],
    }),
  },
  consider: {
    name: 'consider',
    verb: 'consider',
    from: ['requested'],
    to: ['under-consideration'],
    who: ['counterpart'],
    roles: PARTY_ROLES,
    guard: none,
    effect: () => ({ status: 'under-consideration' }),
  },
  setConditionsPending: {
    name: 'setConditionsPending',
    verb: 'set conditions pending on',
    from: ['requested', 'under-consideration'],
    to: ['conditions-pending'],
    who: ['any-party', 'system'],
    roles: PARTY_ROLES,
    guard: (s) => (openConditions(s.request, s.conditions).length > 0 ? [] : ['no condition is open']),
    effect: () => ({ status: 'conditions-pending' }),
  },
  accept: {
    name: 'accept',
    verb: 'accept',
    from: NEGOTIATING,
    to: ['agreed', 'conditions-pending', 'under-consideration'],
    who: ['any-party'],
    roles: PARTY_ROLES,
    guard: (s) => {
      const missing = needsParty(s);
      if (missing.length > 0) return missing;
      const d = s.acting.delegation;
      return d !== null && s.request.acceptedBy.includes(d) ? [`${d} has already accepted`] : [];
    },
    effect: ({ request, conditions, acting }) => {
      const accepted = { ...request, acceptedBy: [...request.acceptedBy, acting.delegation!] };
      return { status: negotiatedStatus(accepted, conditions), acceptedBy: accepted.acceptedBy };
    },
  },
  agree: {
    name: 'agree',
    verb: 'agree on',
    from: ['under-consideration', 'conditions-pending'],
    to: ['agreed'],
    who: ['any-party', 'system'],
    roles: PARTY_ROLES,
    guard: ({ request, conditions }) => agreementGaps(request, conditions),
    effect: () => ({ status: 'agreed' }),
  },
  settleConditions: {
    name: 'settleConditions',
    verb: 'settle the conditions of',
    from: ['conditions-pending'],
    to: ['under-consideration'],
    who: ['any-party', 'system'],
    roles: PARTY_ROLES,
    guard: ({ request, conditions }) => {
      if (agreementGaps(request, conditions).length === 0) {
        return ['nothing stands in the way of agreement: agree on it instead'];
      }
      return openConditions(request, conditions).map((c) => `${describeCondition(c)} is still open`);
    },
    effect: () => ({ status: 'under-consideration' }),
  },
  schedule: {
    name: 'schedule',
    verb: 'schedule',
    from: ['agreed'],
    to: ['scheduled'],
    who: ['host', 'any-party', 'system'],
    roles: [...PLACERS, ...PARTY_ROLES],
    guard: placedByParties,
    effect: () => ({ status: 'scheduled' }),
  },
  unschedule: {
    name: 'unschedule',
    verb: 'unschedule',
    from: ['scheduled'],
    to: ['agreed'],
    who: ['host', 'any-party', 'system'],
    roles: [...PLACERS, ...PARTY_ROLES],
    guard: placedByParties,
    effect: () => ({ status: 'agreed' }),
  },
  confirm: {
    name: 'confirm',
    verb: 'confirm the slot of',
    from: ['scheduled'],
    to: ['scheduled', 'confirmed'],
    who: ['any-party'],
    roles: PARTY_ROLES,
    guard: (s) => {
      const missing = [...meetingOfRequest(s), ...needsParty(s)];
      const d = s.acting.delegation;
      if (d !== null && s.command.meeting.confirmedBy.includes(d)) missing.push(`${d} has already confirmed`);
      return missing;
    },
    effect: ({ request, command, acting }) => {
      const confirmedBy = new Set([...command.meeting.confirmedBy, acting.delegation!]);
      return { status: partiesOf(request).every((d) => confirmedBy.has(d)) ? 'confirmed' : 'scheduled' };
    },
  },
  hold: {
    name: 'hold',
    verb: 'hold',
    from: ['confirmed'],
    to: ['held'],
    who: ['any-party', 'host', 'system'],
    roles: [...PARTY_ROLES, ...PLACERS],
    guard: (s) => {
      const started = instantMillis(s.now) >= instantMillis(s.command.meeting.start);
      return [
        ...meetingOfRequest(s),
        ...(started ? [] : [`the meeting starts at ${s.command.meeting.start}`]),
      ];
    },
    effect: () => ({ status: 'held' }),
  },
  decline: {
    name: 'decline',
    verb: 'decline',
    from: LIVE,
    to: ['declined'],
    who: ['counterpart'],
    roles: PARTY_ROLES,
    guard: none,
    effect: () => ({ status: 'declined' }),
  },
  withdraw: {
    name: 'withdraw',
    verb: 'withdraw',
    from: OPEN_STATES,
    to: ['withdrawn'],
    who: ['requester'],
    roles: PARTY_ROLES,
    guard: none,
    effect: () => ({ status: 'withdrawn' }),
  },
  downgrade: {
    name: 'downgrade',
    verb: 'downgrade',
    from: LIVE,
    to: ['downgraded'],
    who: ['any-party'],
    roles: DECIDERS,
    guard: none,
    effect: ({ command }) => ({ status: 'downgraded', downgrade: command.to }),
  },
  lapse: {
    name: 'lapse',
    verb: 'lapse',
    from: OPEN_STATES,
    to: ['lapsed'],
    who: ['system'],
    roles: [],
    guard: ({ now, command }) =>
      instantMillis(now) >= instantMillis(command.summitEndsAt)
        ? []
        : [`the summit ends at ${command.summitEndsAt}`],
    effect: () => ({ status: 'lapsed' }),
  },
  reopen: {
    name: 'reopen',
    verb: 'reopen',
    from: ['agreed', 'scheduled', 'confirmed'],
    to: ['conditions-pending', 'under-consideration'],
    who: ['any-party', 'system'],
    roles: PARTY_ROLES,
    guard: none,
    // The request changed under the parties' feet: every acceptance must be given again.
    effect: ({ request, conditions }) => ({
      status: openConditions(request, conditions).length > 0 ? 'conditions-pending' : 'under-consideration',
      acceptedBy: [],
    }),
  },
};
