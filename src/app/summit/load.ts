// Reads a whole summit's state from the store as SummitData.
import type { SummitId } from '../../domain/ids.js';
import type { SummitData } from '../../domain/summit/data.js';
import { NotFoundError, type Tx } from '../../store/store.js';

/** Loads every record of a summit that planning and export need; NotFoundError when absent. */
export async function loadSummitData(tx: Tx, id: SummitId): Promise<SummitData> {
  const summit = await tx.summits.get(id);
  if (!summit) throw new NotFoundError('summit', id);
  const [venues, travel, rooms, delegations, persons, programme, busy, requests, conditions, meetings] =
    await Promise.all([
      tx.venues.list(id),
      tx.travel.list(id),
      tx.rooms.list(id),
      tx.delegations.list(id),
      tx.persons.list(id),
      tx.programme.list(id),
      tx.busy.list(id),
      tx.requests.list(id),
      tx.conditions.list(id),
      tx.meetings.list(id),
    ]);
  return {
    summit,
    venues,
    travel,
    rooms,
    delegations,
    persons,
    programme,
    busy,
    requests,
    conditions,
    meetings,
  };
}
