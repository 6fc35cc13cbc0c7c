// Attacks on the summit's logistics records, busy blocks, agendas and room utilisation.
import { expect } from 'vitest';
import { SYSTEM } from '../../../support/app.js';
import { personAgenda } from '../../../../src/app/logistics/agenda.js';
import type { EntityUseCases } from '../../../../src/app/logistics/entity.js';
import { busy, delegations, persons, programme, rooms, venues } from '../../../../src/app/logistics/specs.js';
import { roomUtilisation } from '../../../../src/app/logistics/utilisation.js';
import { ConflictError } from '../../../../src/app/errors.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S, type AttackerName, type World } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody'] as const;
/** Roles in the summit that do not manage logistics. */
const NOT_MANAGERS = ['chn', 'rus', 'usa-viewer', 'host-staff'] as const;

interface Versioned {
  id: string;
  version: number;
}

/** A stored record changed by `edit`, as a `change` input (no version). */
async function edited<T extends Versioned>(
  w: World,
  uc: EntityUseCases<T>,
  id: string,
  edit: (r: Omit<T, 'version'>) => Omit<T, 'version'>,
): Promise<Omit<T, 'version'>> {
  const { version: _v, ...rest } = await uc.get(w.ctx, SYSTEM, S, id);
  return edit(rest as Omit<T, 'version'>);
}

/** The five use cases of a host-managed record, attacked by everyone who does not manage logistics. */
function hostManaged<T extends Versioned>(
  exported: string,
  name: string,
  uc: EntityUseCases<T>,
  fresh: Record<string, unknown>,
  existing: string,
  edit: (r: Omit<T, 'version'>) => Omit<T, 'version'>,
  invalid: Record<string, unknown>,
  inUse: Attack[] = [],
): Record<string, Attack[]> {
  const key = (op: string) => `logistics/specs.ts#${exported}.${op}`;
  return {
    [key('add')]: [
      ...attacks(NOT_MANAGERS, `adds a ${name}`, 'forbidden', (w, a) => uc.add(w.ctx, a, S, fresh)),
      ...attacks(OUTSIDERS, `adds a ${name}`, 'hidden', (w, a) => uc.add(w.ctx, a, S, fresh)),
      attack('host-admin', `adds a malformed ${name}`, 'invalid', (w, a) => uc.add(w.ctx, a, S, invalid)),
    ],
    [key('change')]: [
      ...attacks(NOT_MANAGERS, `changes ${existing}`, 'forbidden', async (w, a) =>
        uc.change(w.ctx, a, S, existing, await edited(w, uc, existing, edit), 1),
      ),
      ...attacks(OUTSIDERS, `changes ${existing}`, 'hidden', async (w, a) =>
        uc.change(w.ctx, a, S, existing, await edited(w, uc, existing, edit), 1),
      ),
    ],
    [key('remove')]: [
      ...attacks(NOT_MANAGERS, `removes ${existing}`, 'forbidden', (w, a) =>
        uc.remove(w.ctx, a, S, existing, 1),
      ),
      ...attacks(OUTSIDERS, `removes ${existing}`, 'hidden', (w, a) => uc.remove(w.ctx, a, S, existing, 1)),
      ...inUse,
    ],
    [key('list')]: [
      ...attacks(['chn', 'host-staff'], `lists ${name}s`, 'read', (w, a) => uc.list(w.ctx, a, S)),
      ...attacks(OUTSIDERS, `lists ${name}s`, 'hidden', (w, a) => uc.list(w.ctx, a, S)),
    ],
    [key('get')]: [
      attack('chn', `reads ${existing}`, 'read', (w, a) => uc.get(w.ctx, a, S, existing)),
      ...attacks(OUTSIDERS, `reads ${existing}`, 'hidden', (w, a) => uc.get(w.ctx, a, S, existing)),
    ],
  };
}

const newBusy = (person: string, id = 'sec-busy') => ({
  id,
  person,
  from: '2017-11-10T01:00:00.000Z',
  to: '2017-11-10T01:30:00.000Z',
  venue: null,
  label: 'x',
});
const NOT_US: readonly AttackerName[] = ['rus', 'chn', 'host-admin', 'host-staff'];

/**
 * Passes on what removing a record in use comes to, after checking that the refusal names what the
 * remover may see (`seen`) and says, without naming them, whether records it may not see are there.
 */
function refusedInUse(answer: Promise<unknown>, seen: string[], hidden: boolean): Promise<unknown> {
  return answer.catch((e: unknown) => {
    if (e instanceof ConflictError) {
      expect(e.code).toBe('in-use');
      for (const name of seen) expect(e.message).toContain(name);
      expect(e.message.includes('records you cannot see'), e.message).toBe(hidden);
    }
    throw e;
  });
}

/** Every logistics use case, with the attempts that must fail (or read nothing private). */
export const LOGISTICS_ATTACKS: Record<string, Attack[]> = {
  ...hostManaged(
    'venues',
    'venue',
    venues,
    { id: 'sec-venue', name: 'V' },
    'hyatt',
    (v) => ({ ...v, name: 'Renamed' }),
    {
      id: 'Bad Id',
      name: '',
    },
    [
      // only US busy blocks are at the Hyatt: the host learns no more than that something is
      attack('host-admin', 'removes hyatt, where only US busy blocks are', 'conflict', (w, a) =>
        refusedInUse(venues.remove(w.ctx, a, S, 'hyatt', 1), [], true),
      ),
      attack(
        'host-admin',
        'removes furama, with a request, a held meeting and busy blocks there',
        'conflict',
        (w, a) =>
          refusedInUse(
            venues.remove(w.ctx, a, S, 'furama', 1),
            ['request can-mex', 'meeting sgp-nzl-breakfast'],
            true,
          ),
      ),
    ],
  ),
  ...hostManaged(
    'rooms',
    'room',
    rooms,
    { id: 'sec-room', venue: 'ariyana', name: 'R', capacity: 4, available: null, delegation: null },
    'ariyana-b1',
    (r) => ({ ...r, delegation: 'chn' as never }),
    { id: 'sec-room', venue: 'ariyana', name: 'R', capacity: -1, available: null, delegation: null },
    [
      // a room a confidential meeting holds: refused without naming it (no 500 from the store)
      attack(
        'host-admin',
        'removes ariyana-b3, which meetings it sees and a confidential one hold',
        'conflict',
        (w, a) =>
          refusedInUse(
            rooms.remove(w.ctx, a, S, 'ariyana-b3', 1),
            ['meeting aus-chn-trade', 'meeting hkg-aus-fta', 'meeting usa-jpn-kor'],
            true,
          ),
      ),
      attack('host-admin', 'removes ariyana-b1, which only meetings it sees hold', 'conflict', (w, a) =>
        refusedInUse(
          rooms.remove(w.ctx, a, S, 'ariyana-b1', 1),
          ['meeting usa-vnm', 'meeting chn-rus'],
          false,
        ),
      ),
    ],
  ),
  ...hostManaged(
    'delegations',
    'delegation',
    delegations,
    { id: 'sec', name: 'D', principal: 'sec-p', presence: null },
    'chn',
    (d) => ({ ...d, name: 'Renamed' }),
    { id: 'sec', name: 'D' },
    [
      attack('host-admin', 'removes twn, party to a confidential request only', 'conflict', (w, a) =>
        refusedInUse(delegations.remove(w.ctx, a, S, 'twn', 1), [], true),
      ),
    ],
  ),
  ...hostManaged(
    'programme',
    'programme event',
    programme,
    {
      id: 'sec-event',
      title: 'T',
      venue: null,
      from: '2017-11-10T01:00:00.000Z',
      to: '2017-11-10T02:00:00.000Z',
      attendees: 'principals',
      encounter: false,
    },
    'amm-1',
    (e) => ({ ...e, title: 'Renamed' }),
    { id: 'sec-event', title: 'T', from: 'never' },
  ),
  'logistics/specs.ts#persons.add': [
    ...attacks(['rus', 'chn', 'host-staff', 'usa-viewer'], 'adds a US person', 'forbidden', (w, a) =>
      persons.add(w.ctx, a, S, {
        id: 'usa-spy',
        delegation: 'usa',
        name: 'N',
        title: null,
        role: 'member',
        presence: null,
      }),
    ),
    ...attacks(OUTSIDERS, 'adds a US person', 'hidden', (w, a) =>
      persons.add(w.ctx, a, S, {
        id: 'usa-spy',
        delegation: 'usa',
        name: 'N',
        title: null,
        role: 'member',
        presence: null,
      }),
    ),
  ],
  'logistics/specs.ts#persons.change': [
    ...attacks(['rus', 'host-staff', 'usa-viewer'], 'renames usa-potus', 'forbidden', async (w, a) =>
      persons.change(
        w.ctx,
        a,
        S,
        'usa-potus',
        await edited(w, persons, 'usa-potus', (p) => ({ ...p, name: 'X' })),
        1,
      ),
    ),
    attack('rus', 'moves its own rus-fm into the US delegation', 'forbidden', async (w, a) =>
      persons.change(
        w.ctx,
        a,
        S,
        'rus-fm',
        await edited(w, persons, 'rus-fm', (p) => ({ ...p, delegation: 'usa' as never })),
        1,
      ),
    ),
    ...attacks(OUTSIDERS, 'renames usa-potus', 'hidden', async (w, a) =>
      persons.change(
        w.ctx,
        a,
        S,
        'usa-potus',
        await edited(w, persons, 'usa-potus', (p) => ({ ...p, name: 'X' })),
        1,
      ),
    ),
  ],
  'logistics/specs.ts#persons.remove': [
    ...attacks(['rus', 'host-staff', 'usa-viewer'], 'removes usa-potus', 'forbidden', (w, a) =>
      persons.remove(w.ctx, a, S, 'usa-potus', 1),
    ),
    ...attacks(OUTSIDERS, 'removes usa-potus', 'hidden', (w, a) =>
      persons.remove(w.ctx, a, S, 'usa-potus', 1),
    ),
    // a person in use stays, and the refusal names only what the remover may see: to the host, the
    // US principal's private busy blocks and confidential meetings are "records you cannot see"
    attack('host-admin', 'removes usa-potus, the US principal, in use', 'conflict', (w, a) =>
      persons.remove(w.ctx, a, S, 'usa-potus', 1),
    ),
    attack('host-admin', 'removes usa-nsa, attendee of a confidential request', 'conflict', (w, a) =>
      persons.remove(w.ctx, a, S, 'usa-nsa', 1),
    ),
    attack('rus', 'removes rus-fm, attendee of US-Russia requests', 'conflict', (w, a) =>
      persons.remove(w.ctx, a, S, 'rus-fm', 1),
    ),
  ],
  'logistics/specs.ts#persons.list': [
    ...attacks(['chn', 'host-staff'], 'lists persons', 'read', (w, a) => persons.list(w.ctx, a, S)),
    ...attacks(OUTSIDERS, 'lists persons', 'hidden', (w, a) => persons.list(w.ctx, a, S)),
  ],
  'logistics/specs.ts#persons.get': [
    attack('chn', 'reads usa-potus', 'read', (w, a) => persons.get(w.ctx, a, S, 'usa-potus')),
    ...attacks(OUTSIDERS, 'reads usa-potus', 'hidden', (w, a) => persons.get(w.ctx, a, S, 'usa-potus')),
  ],
  'logistics/specs.ts#busy.add': [
    ...attacks(
      [...NOT_US, 'usa-viewer', 'usa-adviser'],
      'adds a busy block for usa-potus',
      'forbidden',
      (w, a) => busy.add(w.ctx, a, S, newBusy('usa-potus')),
    ),
    ...attacks(OUTSIDERS, 'adds a busy block for usa-potus', 'hidden', (w, a) =>
      busy.add(w.ctx, a, S, newBusy('usa-potus')),
    ),
    // an id of its own choosing must not tell whether another delegation's busy block has it
    attack('rus', 'names its busy block after the US usa-potus-prep', 'invalid', async (w, a) => {
      const added = (id: string) =>
        busy.add(w.ctx, a, S, newBusy('rus-fm', id)).then(
          () => new Error(`busy block ${id} was added`),
          (e: Error) => e,
        );
      const taken = await added('usa-potus-prep');
      const free = await added('usa-potus-never-used');
      expect(taken.message).toBe(free.message);
      throw taken;
    }),
    attack('rus', 'adds a busy block that ends before it starts', 'invalid', (w, a) =>
      busy.add(w.ctx, a, S, { ...newBusy('rus-fm'), to: '2017-11-10T00:00:00.000Z' }),
    ),
  ],
  'logistics/specs.ts#busy.change': [
    ...attacks([...NOT_US, ...OUTSIDERS], 'changes usa-potus-prep', 'hidden', (w, a) =>
      busy.change(w.ctx, a, S, 'usa-potus-prep', newBusy('usa-potus', 'usa-potus-prep'), 1),
    ),
    attack('usa-viewer', 'changes usa-potus-prep', 'forbidden', (w, a) =>
      busy.change(w.ctx, a, S, 'usa-potus-prep', newBusy('usa-potus', 'usa-potus-prep'), 1),
    ),
    attack('rus', 'moves its own block onto usa-potus', 'forbidden', (w, a) =>
      busy.change(w.ctx, a, S, 'rus-fm-delegation', newBusy('usa-potus', 'rus-fm-delegation'), 1),
    ),
  ],
  'logistics/specs.ts#busy.remove': [
    ...attacks([...NOT_US, ...OUTSIDERS], 'removes usa-potus-prep', 'hidden', (w, a) =>
      busy.remove(w.ctx, a, S, 'usa-potus-prep', 1),
    ),
    attack('usa-viewer', 'removes usa-potus-prep', 'forbidden', (w, a) =>
      busy.remove(w.ctx, a, S, 'usa-potus-prep', 1),
    ),
  ],
  'logistics/specs.ts#busy.list': [
    ...attacks(NOT_US, 'lists busy blocks', 'read', (w, a) => busy.list(w.ctx, a, S)),
    ...attacks(OUTSIDERS, 'lists busy blocks', 'hidden', (w, a) => busy.list(w.ctx, a, S)),
  ],
  'logistics/specs.ts#busy.get': attacks(
    [...NOT_US, ...OUTSIDERS],
    'reads usa-potus-prep',
    'hidden',
    (w, a) => busy.get(w.ctx, a, S, 'usa-potus-prep'),
  ),
  'logistics/agenda.ts#personAgenda': [
    ...attacks(NOT_US, 'reads the agenda of usa-potus', 'read', (w, a) =>
      personAgenda(w.ctx, a, S, 'usa-potus'),
    ),
    ...attacks(
      ['chn', 'host-admin', 'host-staff'],
      'reads the agenda of usa-nsa (in a confidential meeting)',
      'read',
      (w, a) => personAgenda(w.ctx, a, S, 'usa-nsa'),
    ),
    attack('chn', 'reads the agenda of someone unknown', 'hidden', (w, a) =>
      personAgenda(w.ctx, a, S, 'nobody'),
    ),
    ...attacks(OUTSIDERS, 'reads the agenda of usa-potus', 'hidden', (w, a) =>
      personAgenda(w.ctx, a, S, 'usa-potus'),
    ),
  ],
  'logistics/utilisation.ts#roomUtilisation': [
    ...attacks(['host-staff'], 'reads room utilisation', 'read', (w, a) => roomUtilisation(w.ctx, a, S)),
    ...attacks(['chn', 'rus', 'usa-viewer'], 'reads room utilisation', 'forbidden', (w, a) =>
      roomUtilisation(w.ctx, a, S),
    ),
    ...attacks(OUTSIDERS, 'reads room utilisation', 'hidden', (w, a) => roomUtilisation(w.ctx, a, S)),
  ],
};
