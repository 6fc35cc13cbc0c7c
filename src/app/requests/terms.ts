// The request rules (src/domain/request/rules.ts) applied to a request a user states, against the
// stored summit: the same rules, codes and messages the summit file and CSV imports give.
import type { SummitId } from '../../domain/ids.js';
import {
  requestIssues,
  requestWarnings,
  rulesContextOf,
  type RequestIssue,
  type RequestRulesContext,
  type RequestTerms,
} from '../../domain/request/rules.js';
import type { Summit } from '../../domain/summit/schema.js';
import type { Tx } from '../../store/store.js';
import { ValidationError, type Issue } from '../errors.js';
import { pathOf } from '../validate.js';

/** The request rules' context of a stored summit: its delegations, persons, venues and settings. */
async function storedRulesContext(tx: Tx, summit: Summit): Promise<RequestRulesContext> {
  const id: SummitId = summit.id;
  const [delegations, persons, venues] = await Promise.all([
    tx.delegations.list(id),
    tx.persons.list(id),
    tx.venues.list(id),
  ]);
  return rulesContextOf({
    summit: {
      grainMinutes: summit.grainMinutes,
      timezone: summit.timezone,
      rankParity: summit.rankParity,
    },
    delegations,
    persons,
    venues,
  });
}

/** The rules' issues as the application reports them: path in words, message, code. */
const reported = (issues: readonly RequestIssue[]): Issue[] =>
  issues.map((i) => ({ path: pathOf(i.path), message: i.message, code: i.code }));

/**
 * Checks `terms` by every request rule against the summit's delegations, persons and venues, and
 * throws one ValidationError listing `earlier` issues and every broken rule (with its code).
 */
export async function requireValidTerms(
  tx: Tx,
  summit: Summit,
  terms: RequestTerms,
  earlier: readonly Issue[] = [],
): Promise<void> {
  const issues: Issue[] = [
    ...earlier,
    ...reported(requestIssues(terms, await storedRulesContext(tx, summit))),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * What a request that stands should still be told, against the summit as it is now: under
 * `rankParity: warn`, its parties' ranks differing (`rank-mismatch`, naming both ranks).
 */
export async function termsWarnings(tx: Tx, summit: Summit, terms: RequestTerms): Promise<Issue[]> {
  if (summit.rankParity !== 'warn') return [];
  return reported(requestWarnings(terms, await storedRulesContext(tx, summit)));
}
