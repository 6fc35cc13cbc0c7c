// The request rules (src/domain/request/rules.ts) applied to a request a user states, against the
// stored summit: the same rules, codes and messages the summit file and CSV imports give.
import type { SummitId } from '../../domain/ids.js';
import { requestIssues, rulesContextOf, type RequestTerms } from '../../domain/request/rules.js';
import type { Summit } from '../../domain/summit/schema.js';
import type { Tx } from '../../store/store.js';
import { ValidationError, type Issue } from '../errors.js';
import { pathOf } from '../validate.js';

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
  const id: SummitId = summit.id;
  const [delegations, persons, venues] = await Promise.all([
    tx.delegations.list(id),
    tx.persons.list(id),
    tx.venues.list(id),
  ]);
  const ctx = rulesContextOf({
    summit: {
      grainMinutes: summit.grainMinutes,
      timezone: summit.timezone,
      rankParity: summit.rankParity,
    },
    delegations,
    persons,
    venues,
  });
  const issues: Issue[] = [
    ...earlier,
    ...requestIssues(terms, ctx).map((i) => ({ path: pathOf(i.path), message: i.message, code: i.code })),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
}
