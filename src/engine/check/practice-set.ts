// Whether one more placement keeps a set within the quotas and the interpreter limits (rules 7 and
// 8), judged by the checker's own rules over the placements of the delegations it concerns.
import type { PlacedRequest } from './plan-context.js';
import { planContext } from './plan-context.js';
import { interpreters } from './rules/interpreters.js';
import { quotas } from './rules/quotas.js';
import { partiesOf, type SummitIndex } from './summit-index.js';

/** True when the summit sets quotas or limits interpreters, so that sets of placements are judged. */
export function judgesSets(index: SummitIndex): boolean {
  const { summit, delegations } = index.data;
  return summit.quotas.length > 0 || delegations.some((d) => d.interpreters !== null);
}

/**
 * True when `candidate` together with `standing` breaks no quota and no interpreter limit that the
 * standing placements alone keep. Only placements sharing a party with the candidate can count with
 * it, so only those are judged.
 */
export function practiceAllows(
  index: SummitIndex,
  standing: readonly PlacedRequest[],
  candidate: PlacedRequest,
): boolean {
  if (!judgesSets(index)) return true;
  const parties = new Set(partiesOf(candidate.request));
  const near = standing.filter((p) => partiesOf(p.request).some((d) => parties.has(d)));
  const ctx = planContext(
    index,
    [...near, candidate].map((p) => p.placement),
  );
  const id = candidate.request.id;
  return ![quotas, interpreters].some((rule) => rule.check(ctx).some((v) => v.requests.includes(id)));
}
