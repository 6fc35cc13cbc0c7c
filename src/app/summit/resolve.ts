// Finds the summit a command acts on.
import { SummitId } from '../../domain/ids.js';
import type { Summit } from '../../domain/summit/schema.js';
import { NotFoundError, type Tx } from '../../store/store.js';
import { ValidationError } from '../errors.js';

/**
 * The summit named by `id`, or the only one when `id` is omitted. Names the choices when
 * the store holds several and none was given.
 */
export async function resolveSummit(tx: Tx, id: string | undefined): Promise<Summit> {
  if (id !== undefined) {
    const parsed = SummitId.safeParse(id);
    const summit = parsed.success ? await tx.summits.get(parsed.data) : undefined;
    if (!summit) throw new NotFoundError('summit', id);
    return summit;
  }
  const all = await tx.summits.list();
  if (all.length === 1) return all[0] as Summit;
  if (all.length === 0)
    throw new ValidationError([{ path: 'summit', message: 'no summit yet: import one or load the demo' }]);
  throw new ValidationError([
    { path: 'summit', message: `several summits exist, name one of: ${all.map((s) => s.id).join(', ')}` },
  ]);
}
