// A public line may never claim more than the record: each claim has one rule saying what it needs.
import type { Meeting } from '../meeting/schema.js';
import { partiesOf } from '../request/agreement.js';
import type { Request, RequestStatus } from '../request/schema.js';
import type { Decision, PublicClaim, PublicLine } from './schema.js';

/** What a line is checked against: the request, the delegation's own decision, the meeting, any encounter. */
export interface LineRecord {
  request: Pick<Request, 'id' | 'from' | 'to' | 'status' | 'downgrade'>;
  decision: Pick<Decision, 'outcome'> | null;
  meeting: Pick<Meeting, 'confirmedBy' | 'announced'> | null;
  /** Whether the two principals share an encounter window (see encountersBetween). */
  encounterExists: boolean;
}

/** One way a claim outruns the record. */
export interface LineIssue {
  claim: PublicClaim;
  message: string;
}

const PLACED: readonly RequestStatus[] = ['scheduled', 'confirmed', 'held'];
const CONFIRMED: readonly RequestStatus[] = ['confirmed', 'held'];
const AGREED: readonly RequestStatus[] = ['agreed', ...PLACED];
const NOT_MEETING: readonly Decision['outcome'][] = [
  'decline',
  'downgrade-pull-aside',
  'downgrade-encounter',
];

/** The rules, one per claim; each returns what is wrong, or nothing. */
const RULES: Record<PublicClaim, (r: LineRecord) => string[]> = {
  'no-comment': () => [],
  'under-discussion': submitted,
  'no-final-understanding': submitted,
  'agreed-in-principle': (r) => [
    ...need(r, AGREED, `'agreed-in-principle' needs every party's acceptance and every condition settled`),
    ...ownDecision(r),
  ],
  scheduled: (r) => [
    ...need(r, PLACED, `'scheduled' needs the meeting placed on the calendar`),
    ...ownDecision(r),
  ],
  confirmed: (r) => [
    ...need(r, CONFIRMED, `'confirmed' needs every party to confirm the slot${pending(r)}`),
    ...ownDecision(r),
  ],
  'no-meeting': (r) =>
    CONFIRMED.includes(r.request.status) && r.meeting?.announced === true
      ? [`'no-meeting' contradicts a meeting that is ${r.request.status} and announced`]
      : [],
  'informal-encounter-likely': (r) =>
    (r.request.status === 'downgraded' && r.request.downgrade === 'encounter') || r.encounterExists
      ? []
      : [
          `'informal-encounter-likely' needs a downgrade to an encounter or an encounter the principals share`,
        ],
};

function submitted(r: LineRecord): string[] {
  return r.request.status === 'draft' ? ['the request is still a draft: nothing has been asked yet'] : [];
}

function need(r: LineRecord, states: readonly RequestStatus[], what: string): string[] {
  return states.includes(r.request.status) ? [] : [`the request is ${r.request.status}; ${what}`];
}

function pending(r: LineRecord): string {
  if (r.meeting === null) return '';
  const missing = partiesOf(r.request).filter((d) => !r.meeting?.confirmedBy.includes(d));
  return missing.length === 0 ? '' : ` (${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} not)`;
}

function ownDecision(r: LineRecord): string[] {
  const outcome = r.decision?.outcome;
  return outcome !== undefined && NOT_MEETING.includes(outcome)
    ? [`the delegation decided '${outcome}', which the line contradicts`]
    : [];
}

/** Every way `claim` claims more than the record supports; empty when the line may stand. */
export function checkPublicLine(claim: PublicClaim, record: LineRecord): LineIssue[] {
  return RULES[claim](record).map((message) => ({ claim, message }));
}

/** A published line that the record does not support; nothing was published. */
export class PublicLineError extends Error {
  constructor(
    readonly line: Pick<PublicLine, 'request' | 'delegation' | 'claim'>,
    readonly issues: readonly LineIssue[],
  ) {
    super(
      `cannot publish '${line.claim}' for ${line.delegation} on request ${line.request}: ` +
        issues.map((i) => i.message).join('; '),
    );
    this.name = 'PublicLineError';
  }
}

/**
 * Checks a line before it is saved: a published line that outruns the record is refused with a
 * PublicLineError; a draft is allowed and its issues come back as warnings.
 */
export function reviewPublicLine(
  line: Pick<PublicLine, 'request' | 'delegation' | 'claim' | 'published'>,
  record: LineRecord,
): LineIssue[] {
  const issues = checkPublicLine(line.claim, record);
  if (line.published && issues.length > 0) throw new PublicLineError(line, issues);
  return issues;
}
