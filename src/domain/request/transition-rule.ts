// The shape of one life-cycle transition: the command that asks for it and the row that rules it.
import type { Role } from '../actor/schema.js';
import type { Meeting } from '../meeting/schema.js';
import type { Instant } from '../time.js';
import type { Acting } from './acting.js';
import type { Condition, Downgrade, Request, RequestStatus } from './schema.js';

/** Transitions that need nothing beyond the request, its conditions and the actor. */
export type PlainTransitionName =
  | 'submit'
  | 'consider'
  | 'setConditionsPending'
  | 'accept'
  | 'agree'
  | 'settleConditions'
  | 'schedule'
  | 'unschedule'
  | 'decline'
  | 'withdraw'
  | 'reopen';

/** A transition and the facts it needs beyond the request, its conditions and the actor. */
export type TransitionCommand =
  | { [N in Exclude<PlainTransitionName, 'schedule'>]: { name: N } }[Exclude<PlainTransitionName, 'schedule'>]
  /** `offered`: placing it at the slot the engine offered after it was bumped, which its parties may take. */
  | { name: 'schedule'; offered?: boolean }
  | { name: 'confirm'; meeting: Meeting }
  | { name: 'hold'; meeting: Meeting }
  | { name: 'downgrade'; to: Downgrade }
  | { name: 'lapse'; summitEndsAt: Instant };

/** The name of a transition. */
export type TransitionName = TransitionCommand['name'];

/** Which side of a request may take a transition; the system (operator tools, engine) may take any. */
export type Who = 'requester' | 'counterpart' | 'any-party' | 'host' | 'system';

/** Everything a guard or an effect may look at. */
export interface Situation<C extends TransitionCommand = TransitionCommand> {
  request: Request;
  /** The conditions of this request only. */
  conditions: readonly Condition[];
  command: C;
  acting: Acting;
  now: Instant;
}

/** What a transition changes on the request. */
export type Effect = Pick<Request, 'status'> & Partial<Pick<Request, 'acceptedBy' | 'downgrade'>>;

/** One row of the life cycle. */
export interface TransitionRule<N extends TransitionName = TransitionName> {
  name: N;
  /** How messages say it: "cannot <verb> request …". */
  verb: string;
  from: readonly RequestStatus[];
  /** Every state it may lead to; the effect picks one. */
  to: readonly RequestStatus[];
  who: readonly Who[];
  roles: readonly Role[];
  /** What is missing, one phrase each; empty when the transition may go ahead. */
  guard: (s: Situation<Extract<TransitionCommand, { name: N }>>) => string[];
  effect: (s: Situation<Extract<TransitionCommand, { name: N }>>) => Effect;
}
