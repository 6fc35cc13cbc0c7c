// The whole logistics and request state of one summit as plain data: what a summit file
// holds once parsed, what the store loads for planning, and what the engine reads.
import type { Busy, Delegation, Person, ProgrammeEvent, Room, Summit, Travel, Venue } from './schema.js';
import type { Condition, Request } from '../request/schema.js';
import type { Meeting } from '../meeting/schema.js';

/** A summit's whole state as plain data. */
export interface SummitData {
  summit: Summit;
  venues: Venue[];
  travel: Travel[];
  rooms: Room[];
  delegations: Delegation[];
  persons: Person[];
  programme: ProgrammeEvent[];
  busy: Busy[];
  requests: Request[];
  conditions: Condition[];
  meetings: Meeting[];
}

/** A summit with nothing in it yet: no venues, people, requests or meetings. */
export function emptySummitData(summit: Summit): SummitData {
  return {
    summit,
    venues: [],
    travel: [],
    rooms: [],
    delegations: [],
    persons: [],
    programme: [],
    busy: [],
    requests: [],
    conditions: [],
    meetings: [],
  };
}
