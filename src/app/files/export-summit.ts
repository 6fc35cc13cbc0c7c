// Exports a summit as a summit file, holding back what the reader may not see.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { SummitData } from '../../domain/summit/data.js';
import { writeSummitFile } from '../../io/summit-file/write.js';
import { canSeeRequest, requireParticipant } from '../access.js';
import { delegationsOf } from '../../domain/actor/authority.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';
import { requirePrincipals } from '../summit/principals.js';

/**
 * The summit as the actor may see it: requests they may see, and busy blocks of their own
 * delegation only (an operator gets everything). The result imports back as it is.
 */
export function visibleSummitData(actor: Actor, data: SummitData): SummitData {
  if (actor.system) return data;
  const summit = data.summit.id;
  const requests = data.requests.filter((r) => canSeeRequest(actor, summit, r));
  const ids = new Set<string>(requests.map((r) => r.id));
  const mine = new Set<string>(delegationsOf(actor, summit));
  const ownPersons = new Set<string>(data.persons.filter((p) => mine.has(p.delegation)).map((p) => p.id));
  return {
    ...data,
    busy: data.busy.filter((b) => ownPersons.has(b.person)),
    requests,
    conditions: data.conditions.filter((c) => ids.has(c.request)),
    meetings: data.meetings.filter((m) => ids.has(m.request)),
  };
}

/** Writes the visible summit as YAML or JSON. */
export async function exportSummitFile(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  format: 'yaml' | 'json',
): Promise<string> {
  requireParticipant(actor, summit);
  const data = await ctx.store.read((tx) => loadSummitData(tx, summit));
  // a summit file names each delegation's principal: a delegation still without one cannot be written
  requirePrincipals(data);
  return writeSummitFile(visibleSummitData(actor, data), format);
}
