// What the checker reports: one broken rule, naming the requests, person or room and local times.

/** The rules a plan is checked against (summit-file.md, "What the scheduler must honour"). */
export type PlanRuleName =
  | 'placeable-state'
  | 'at-most-once'
  | 'fixed-meetings-kept'
  | 'grid'
  | 'duration'
  | 'day-window'
  | 'allowed-windows'
  | 'presence'
  | 'person-overlap'
  | 'person-travel'
  | 'room-exclusive'
  | 'room-availability'
  | 'room-capacity'
  | 'room-delegation'
  | 'room-venue'
  | 'pull-aside-no-room'
  | 'room-turnover'
  | 'room-features'
  | 'quota'
  | 'interpreters'
  | 'frozen-meetings-kept'
  | 'no-start-before-now'
  | 'max-moves';

/** The further rules a result file is checked against (summit-file.md, "The result"). */
export type ResultRuleName =
  'result-shape' | 'summit-id' | 'objective-claim' | 'bound' | 'result-coverage' | 'unscheduled-reason';

/** Any rule name the checker may report. */
export type RuleName = PlanRuleName | ResultRuleName;

/** One broken rule. `message` is a whole line that starts with the rule name. */
export interface Violation {
  rule: RuleName;
  /** The requests involved, in the order the message names them. */
  requests: string[];
  person?: string;
  room?: string;
  message: string;
}

/** Builds a violation whose message is `rule: text`. */
export function violation(
  rule: RuleName,
  text: string,
  about: { requests?: string[]; person?: string; room?: string } = {},
): Violation {
  const v: Violation = { rule, requests: about.requests ?? [], message: `${rule}: ${text}` };
  if (about.person !== undefined) v.person = about.person;
  if (about.room !== undefined) v.room = about.room;
  return v;
}
