// A delegation is added before its principal (the principal is one of its persons): until then some
// reads have no principal to work with, and answer so rather than fail.
import type { SummitData } from '../../domain/summit/data.js';
import { ConflictError } from '../errors.js';

/**
 * Refuses (409 `no-principal`) while a delegation among `delegations` (default: all) names a
 * principal who is not among its persons, naming the delegation and what to do.
 */
export function requirePrincipals(data: SummitData, delegations?: readonly string[]): void {
  const missing = data.delegations.filter(
    (d) =>
      (delegations === undefined || delegations.includes(d.id)) &&
      !data.persons.some((p) => p.id === d.principal && p.delegation === d.id),
  );
  if (missing.length === 0) return;
  const named = missing.map((d) => `delegation ${d.id} names principal ${d.principal}`).join('; ');
  throw new ConflictError(
    `${named}, who is not among its persons: add the principal (or name another) first`,
    'no-principal',
  );
}
