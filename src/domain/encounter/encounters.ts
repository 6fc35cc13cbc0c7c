// Encounters: where two principals are both present at a programme event where leaders mingle.
import type { DelegationId, ProgrammeEventId, VenueId } from '../ids.js';
import type { SummitData } from '../summit/data.js';
import { UnknownRecordError, fromSpans, intersectSpans, presenceOf, toSpans } from '../summit/presence.js';
import type { Person, ProgrammeEvent } from '../summit/schema.js';
import type { Instant } from '../time.js';

/** One window in which two principals can meet informally. */
export interface EncounterWindow {
  event: ProgrammeEventId;
  title: string;
  venue: VenueId | null;
  from: Instant;
  to: Instant;
}

function principalOf(data: SummitData, id: DelegationId): Person {
  const delegation = data.delegations.find((d) => d.id === id);
  if (delegation === undefined)
    throw new UnknownRecordError(`no delegation "${id}" in summit ${data.summit.id}`);
  const principal = data.persons.find((p) => p.id === delegation.principal);
  if (principal === undefined) {
    throw new UnknownRecordError(
      `delegation "${id}" names principal "${delegation.principal}", who is not among its persons`,
    );
  }
  return principal;
}

function attends(event: ProgrammeEvent, person: Person): boolean {
  return event.attendees === 'principals' || event.attendees.includes(person.id);
}

/**
 * The windows where the principals of `a` and `b` are both present at an encounter event that both
 * attend, each clipped to the overlap of their presence, in time order.
 */
export function encountersBetween(data: SummitData, a: DelegationId, b: DelegationId): EncounterWindow[] {
  if (a === b) throw new RangeError(`an encounter needs two delegations, got "${a}" twice`);
  const pa = principalOf(data, a);
  const pb = principalOf(data, b);
  const together = intersectSpans(toSpans(presenceOf(data, pa.id)), toSpans(presenceOf(data, pb.id)));
  const out: EncounterWindow[] = [];
  for (const event of data.programme) {
    if (!event.encounter || !attends(event, pa) || !attends(event, pb)) continue;
    for (const w of fromSpans(intersectSpans(toSpans([event]), together))) {
      out.push({ event: event.id, title: event.title, venue: event.venue, from: w.from, to: w.to });
    }
  }
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Canonical ISO instants sort as text.
  return out.sort((x, y) => order(x.from, y.from) || order(x.to, y.to) || order(x.event, y.event));
}
