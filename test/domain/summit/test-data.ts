// A small summit as plain data for the domain's tests: APEC 2017 in Da Nang (UTC+7), parsed by the real schemas.
import type { SummitData } from '../../../src/domain/summit/data.js';
import { Delegation, Person, ProgrammeEvent, Summit } from '../../../src/domain/summit/schema.js';

type Loose<T> = Partial<Record<keyof T, unknown>>;

/** A programme event with defaults; times are UTC instants. */
export function programmeEvent(
  overrides: Loose<ProgrammeEvent> & { id: string; from: string; to: string },
): ProgrammeEvent {
  return ProgrammeEvent.parse({
    title: overrides.id,
    venue: 'ariyana',
    attendees: 'principals',
    encounter: true,
    version: 1,
    ...overrides,
  });
}

/** A person with defaults. */
export function person(overrides: Loose<Person> & { id: string; delegation: string }): Person {
  return Person.parse({
    name: overrides.id,
    title: null,
    role: 'member',
    presence: null,
    version: 1,
    ...overrides,
  });
}

/** usa, rus and chn, each with a principal present the whole summit unless told otherwise. */
export function summitData(overrides: Partial<SummitData> = {}): SummitData {
  const delegation = (id: string) =>
    Delegation.parse({
      id,
      name: id.toUpperCase(),
      principal: `${id}-principal`,
      presence: null,
      version: 1,
    });
  return {
    summit: Summit.parse({
      id: 'apec-2017',
      name: 'APEC Economic Leaders’ Week 2017',
      timezone: 'Asia/Ho_Chi_Minh',
      days: { from: '2017-11-08', to: '2017-11-11' },
      dayWindow: { from: '07:00', to: '23:00' },
      grainMinutes: 15,
      bufferMinutes: 0,
      version: 1,
    }),
    venues: [],
    travel: [],
    rooms: [],
    delegations: ['usa', 'rus', 'chn'].map(delegation),
    persons: ['usa', 'rus', 'chn'].map((d) =>
      person({ id: `${d}-principal`, delegation: d, role: 'principal' }),
    ),
    programme: [],
    busy: [],
    requests: [],
    conditions: [],
    meetings: [],
    ...overrides,
  };
}
