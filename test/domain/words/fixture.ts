// A few records of the APEC 2017 demo, to word events, conflicts and unplaced requests against.
import { summitNames } from '../../../src/domain/words/names.js';

/** Names of a small Da Nang summit. */
export const NAMES = summitNames(
  {
    delegations: [
      { id: 'usa', name: 'United States' },
      { id: 'rus', name: 'Russia' },
      { id: 'png', name: 'Papua New Guinea' },
    ],
    persons: [
      { id: 'usa-potus', name: 'Donald J. Trump', title: 'President', delegation: 'usa' },
      { id: 'rus-president', name: 'Vladimir Putin', title: 'President', delegation: 'rus' },
    ],
    venues: [{ id: 'ariyana', name: 'Ariyana Convention Centre' }],
    rooms: [{ id: 'ariyana-b3', name: 'Bilateral Room 3', venue: 'ariyana' }],
    programme: [{ id: 'ceo-summit-address-usa', title: 'APEC CEO Summit, address by the President' }],
    requests: [
      { id: 'png-usa', from: 'png', to: ['usa'], format: 'bilateral' },
      { id: 'usa-rus', from: 'usa', to: ['rus'], format: 'bilateral' },
    ],
    busy: [{ id: 'usa-potus-prep', label: 'Address preparation' }],
    users: [{ id: 'demo-usa-lead', name: 'Delegation lead (United States)' }],
    conditions: [{ id: 'c1', request: 'usa-rus', text: 'A deliverable on Syria' }],
  },
  'Asia/Ho_Chi_Minh',
);
