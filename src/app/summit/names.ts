// The names a reader may read: every logistics record, the requests and private commitments they
// may see, and the users they are told acted. What they may not see keeps no name here.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { canRead } from '../../domain/visibility/read.js';
import { scopeOfBusy } from '../../domain/visibility/scopes.js';
import { summitNames, type SummitNames } from '../../domain/words/names.js';
import { canSeeRequest } from '../access.js';

/** The names of `data` that `actor` may read; `users` names the accounts the answer mentions. */
export function namesFor(
  actor: Actor,
  data: SummitData,
  users: readonly { id: string; name: string }[] = [],
): SummitNames {
  const summit = data.summit.id;
  const owner = new Map(data.persons.map((p) => [p.id as string, p]));
  return summitNames(
    {
      delegations: data.delegations,
      persons: data.persons,
      rooms: data.rooms,
      venues: data.venues,
      programme: data.programme,
      requests: data.requests.filter((r) => canSeeRequest(actor, summit, r)),
      busy: data.busy.filter((b) => {
        const person = owner.get(b.person);
        return person !== undefined && canRead(actor, summit, scopeOfBusy(person));
      }),
      users,
      conditions: data.conditions.filter((c) => {
        const request = data.requests.find((r) => r.id === c.request);
        return request !== undefined && canSeeRequest(actor, summit, request);
      }),
    },
    data.summit.timezone,
  );
}
