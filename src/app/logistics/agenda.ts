// A person's agenda as the reader may see it: others' private commitments show only as "busy".
import type { Actor } from '../../domain/actor/schema.js';
import type { PersonId, SummitId } from '../../domain/ids.js';
import { engagementsSeenBy, type BusyView, type Engagement } from '../../domain/visibility/busy.js';
import { NotFoundError } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';

/** One line of an agenda: an engagement in full, or only when the person is busy. */
export type AgendaEntry = Engagement | BusyView;

/** The person's busy blocks, meetings and programme events in time order, redacted for the actor. */
export async function personAgenda(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  person: string,
): Promise<AgendaEntry[]> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) => {
    const data = await loadSummitData(tx, summit);
    if (!data.persons.some((p) => p.id === person)) throw new NotFoundError('person', person);
    return engagementsSeenBy(actor, summit, data, person as PersonId);
  });
}
