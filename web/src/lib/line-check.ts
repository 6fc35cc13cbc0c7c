// The public-line consistency check, with the very rule module the server enforces on publishing
// (src/domain/deliberation/public-line.ts is pure), so the draft editor can warn before saving.
import { checkPublicLine, type LineRecord } from '../../../src/domain/deliberation/public-line.js';
import type { PublicClaim } from '../../../src/domain/deliberation/schema.js';
import type { Decision, Meeting, MeetingRequest } from '../api/models';

/** One way a claim outruns the record. */
export interface LineProblem {
  claim: string;
  message: string;
}

/** What the record says against `claim`; empty when the line may stand. */
export function lineProblems(
  claim: string,
  record: {
    request: MeetingRequest;
    decision: Pick<Decision, 'outcome'> | null;
    meeting: Pick<Meeting, 'confirmedBy' | 'announced'> | null;
    encounterExists: boolean;
  },
): LineProblem[] {
  return checkPublicLine(claim as PublicClaim, record as unknown as LineRecord);
}
