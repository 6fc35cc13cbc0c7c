// Names on screen: the shared words module (src/domain/words) over the summit's records the app
// has read, so every screen calls a delegation, person, room or meeting what the calendar feed
// and the CSV export call it. A screen shows nothing until its names are in, never an id.
import { useMemo } from 'react';
import { summitNames, type NameRecords, type SummitNames } from '../../../src/domain/words/names.js';
import { useDelegations, usePersons, useProgramme, useRooms, useVenues } from '../api/hooks/summit';
import { useSummitScope } from '../app/summit-context';

export type { SummitNames } from '../../../src/domain/words/names.js';
export {
  askLabel,
  FORMAT_NAMES,
  meetingTitle,
  partiesTitle,
} from '../../../src/domain/words/meeting-title.js';

/** The summit's names, and whether the lists they come from are in. */
export interface NamesState {
  names: SummitNames;
  /** True once every list the names need has loaded (or failed: then ids show, not a spinner forever). */
  ready: boolean;
}

/**
 * The names of the summit on screen: its delegations, persons, rooms, venues and programme (read
 * once and shared by every screen), plus `extra` records a screen has (its requests, users).
 */
export function useSummitNames(
  extra: Pick<NameRecords, 'requests' | 'users' | 'busy' | 'conditions'> = {},
): NamesState {
  const { summit } = useSummitScope();
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const rooms = useRooms(summit.id);
  const venues = useVenues(summit.id);
  const programme = useProgramme(summit.id);
  const lists = [delegations, persons, rooms, venues, programme];
  const ready = lists.every((q) => !q.isPending);
  const { requests, users, busy, conditions } = extra;
  const names = useMemo(
    () =>
      summitNames(
        {
          delegations: delegations.data,
          persons: persons.data,
          rooms: rooms.data,
          venues: venues.data,
          programme: programme.data,
          requests,
          users,
          busy,
          conditions,
        },
        summit.timezone,
      ),
    [
      delegations.data,
      persons.data,
      rooms.data,
      venues.data,
      programme.data,
      requests,
      users,
      busy,
      conditions,
      summit.timezone,
    ],
  );
  return { names, ready };
}

/** Names from records a screen already holds (a composite read), without reading the lists. */
export function useNamesOf(records: NameRecords | undefined): SummitNames | null {
  const { summit } = useSummitScope();
  return useMemo(() => (records ? summitNames(records, summit.timezone) : null), [records, summit.timezone]);
}
