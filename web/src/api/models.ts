// The records the screens show, as the API sends them (the domain's zod schemas, ids as strings).
// api/contract.ts checks the generated OpenAPI types against these, so a server change that breaks
// a screen fails the typecheck rather than the user.

/** A summit: its zone, days, daily window and scheduling grain. */
export interface Summit {
  id: string;
  name: string;
  timezone: string;
  days: { from: string; to: string };
  dayWindow: { from: string; to: string };
  grainMinutes: number;
  bufferMinutes: number;
  version: number;
}

/** A half-open span of instants (ISO UTC). */
export interface TimeWindow {
  from: string;
  to: string;
}

/** A site of the summit. */
export interface Venue {
  id: string;
  name: string;
  version: number;
}

/** A meeting room at a venue, possibly lent to one delegation. */
export interface Room {
  id: string;
  venue: string;
  name: string;
  capacity: number;
  available: TimeWindow[] | null;
  delegation: string | null;
  version: number;
}

/** One party of the summit. */
export interface Delegation {
  id: string;
  name: string;
  principal: string;
  presence: TimeWindow[] | null;
  version: number;
}

/** Someone who attends: a principal or a member of a delegation. */
export interface Person {
  id: string;
  delegation: string;
  name: string;
  title: string | null;
  role: 'principal' | 'member';
  presence: TimeWindow[] | null;
  version: number;
}

/** An official event of the programme. */
export interface ProgrammeEvent {
  id: string;
  title: string;
  venue: string | null;
  from: string;
  to: string;
  attendees: 'principals' | string[];
  encounter: boolean;
  version: number;
}

/** Every state of the request life cycle. */
export const REQUEST_STATUSES = [
  'draft',
  'requested',
  'under-consideration',
  'conditions-pending',
  'agreed',
  'scheduled',
  'confirmed',
  'held',
  'declined',
  'withdrawn',
  'downgraded',
  'lapsed',
] as const;
/** A request's life-cycle state. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The meeting formats. */
export const FORMATS = ['bilateral', 'multilateral', 'pull-aside', 'working-meal', 'courtesy-call'] as const;
/** A meeting format. */
export type Format = (typeof FORMATS)[number];

/** The levels a meeting is held at. */
export const LEVELS = ['leaders', 'ministers', 'officials'] as const;
/** A meeting level. */
export type Level = (typeof LEVELS)[number];

/** One delegation's request to meet others. */
export interface MeetingRequest {
  id: string;
  from: string;
  to: string[];
  format: Format;
  level: Level;
  minutes: number;
  priority: number;
  topics: string[];
  attendees: string[];
  seats: number | null;
  venue: string | null;
  allowed: TimeWindow[] | null;
  preferred: TimeWindow[];
  status: RequestStatus;
  acceptedBy: string[];
  downgrade: 'pull-aside' | 'encounter' | null;
  confidential: boolean;
  version: number;
}

/** The kinds of condition a party may set. */
export const CONDITION_KINDS = ['agenda', 'deliverable', 'attendee', 'format', 'other'] as const;

/** A term one party sets before it will meet. */
export interface Condition {
  id: string;
  request: string;
  by: string;
  kind: (typeof CONDITION_KINDS)[number];
  text: string;
  status: 'open' | 'accepted' | 'rejected' | 'withdrawn';
  counters: string | null;
  version: number;
}

/** A request placed on the calendar. */
export interface Meeting {
  request: string;
  start: string;
  end: string;
  room: string | null;
  pinned: boolean;
  confirmedBy: string[];
  announced: boolean;
  version: number;
}

/** A request with its conditions, its meeting and the transitions the viewer may take now. */
export interface RequestView {
  request: MeetingRequest;
  conditions: Condition[];
  meeting: Meeting | null;
  allowed: string[];
}

/** A message of a request's shared thread. */
export interface ThreadMessage {
  id: string;
  request: string;
  delegation: string;
  author: string;
  at: string;
  text: string;
}

/** A weighed benefit or risk in a position. */
export interface Consideration {
  kind: 'benefit' | 'risk';
  weight: number;
  topic: string;
  note: string | null;
}

/** One voice in a delegation's deliberation. */
export interface Position {
  id: string;
  request: string;
  delegation: string;
  holder: string;
  author: string;
  stance: 'for' | 'against' | 'undecided';
  rationale: string;
  considerations: Consideration[];
  at: string;
  version: number;
}

/** The outcomes a delegation may decide. */
export const DECISION_OUTCOMES = [
  'pursue',
  'decline',
  'defer',
  'downgrade-pull-aside',
  'downgrade-encounter',
] as const;

/** A delegation's decision on a request. */
export interface Decision {
  request: string;
  delegation: string;
  outcome: (typeof DECISION_OUTCOMES)[number];
  by: string;
  at: string;
  note: string | null;
  version: number;
}

/** Totals over the positions, per topic. */
export interface DeliberationSummary {
  positions: number;
  /** Positions per stance: for, against, undecided. */
  stances: Record<string, number>;
  topics: { topic: string; benefit: number; risk: number; net: number }[];
  benefit: number;
  risk: number;
}

/** A delegation's private deliberation on a request. */
export interface Deliberation {
  request: string;
  delegation: string;
  positions: Position[];
  decision: Decision | null;
  summary: DeliberationSummary;
}

/** The claims a public line may make. */
export const PUBLIC_CLAIMS = [
  'no-comment',
  'under-discussion',
  'no-final-understanding',
  'agreed-in-principle',
  'scheduled',
  'confirmed',
  'no-meeting',
  'informal-encounter-likely',
] as const;

/** What a delegation says about a request. */
export interface PublicLine {
  request: string;
  delegation: string;
  claim: (typeof PUBLIC_CLAIMS)[number];
  text: string;
  published: boolean;
  by: string;
  at: string;
  version: number;
}

/** A line and what the record says against it (empty when consistent). */
export interface PublicLineView {
  line: PublicLine;
  issues: { claim: string; message: string }[];
}

/** One entry of the event log. */
export interface LogEvent {
  seq: number;
  summit: string;
  at: string;
  actor: string;
  type: string;
  payload: Record<string, unknown>;
}

/** A rule a placement breaks, named. */
export interface Violation {
  rule: string;
  requests: string[];
  person?: string;
  room?: string;
  message: string;
}

/** One placed request in a plan. */
export interface Placement {
  request: string;
  start: string;
  end: string;
  room: string | null;
}

/** Why a request is not on a plan, in words a protocol officer can act on. */
export interface Unplaced {
  request: string;
  reason: string;
  detail: string;
  blockers: Blocker[];
}

/** What a plan would change. */
export interface PlanDiff {
  placed: Placement[];
  moved: { from: Placement; to: Placement }[];
  removed: Placement[];
  unplaced: Unplaced[];
}

/** A person's engagement as the viewer may see it. */
export type Engagement =
  | { kind: 'private'; busy: string; from: string; to: string; venue: string | null; label: string | null }
  | { kind: 'meeting'; request: string; from: string; to: string; room: string | null; announced: boolean }
  | { kind: 'programme'; event: string; title: string; from: string; to: string; venue: string | null }
  | { kind: 'busy'; from: string; to: string };

/** A window where two principals are both at an encounter event. */
export interface Encounter {
  event: string;
  title: string;
  venue: string | null;
  from: string;
  to: string;
}

/** A meeting on the calendar as the viewer may read it in full. */
export interface CalendarMeeting {
  kind: 'meeting';
  request: string;
  start: string;
  end: string;
  room: string | null;
  pinned: boolean;
  announced: boolean;
  confirmedBy: string[];
  version: number;
  status: RequestStatus;
  format: Format;
  parties: string[];
  attendees: string[];
}

/** Time a meeting the viewer may not read takes: per attendee, or per room for the host. */
export interface CalendarBusy {
  kind: 'busy';
  start: string;
  end: string;
  person: string | null;
  room: string | null;
}

/** One entry of the summit calendar. */
export type CalendarEntry = CalendarMeeting | CalendarBusy;

/** A free slot the engine suggests for a request. */
export interface Suggestion {
  request: string;
  start: string;
  end: string;
  room: string | null;
  preferred: boolean;
}

/** What stands in the way of a request: a person's engagement, presence, rooms, travel or a window. */
export type Blocker = { kind: string; [detail: string]: unknown };

/** The best slot a request would get if one blocker were lifted, and what would have to move. */
export interface WhatIf {
  blocker: Blocker;
  slot: Suggestion | null;
  displaces: string[];
  assumption: string;
}

/** Keep the schedule (move few meetings, answered at once) or re-optimise it (move what gains). */
export type PlanMode = 'keep-schedule' | 're-optimise';

/** A planning job: where it is, how far it got, and once done its diff. */
export interface PlanJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'accepted' | 'discarded';
  version: number;
  timeLimitSeconds: number;
  /** How the job was asked to treat the schedule (null: the server's default). */
  settings?: { mode: PlanMode | null; maxMoves: number | 'all' | null };
  progress: { elapsedMs: number; objective: unknown; bound: number | null; gap?: number | null };
  result: { plan: unknown; diff: PlanDiff } | null;
  error: string | null;
}

/** A calendar feed of one person (never its URL, which is shown once). */
export interface CalendarTokenInfo {
  id: string;
  person: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}
