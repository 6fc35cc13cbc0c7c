// Matrix rows of the summit and logistics routes: summits, venues, rooms, delegations, persons,
// programme, busy blocks, a person's agenda and room utilisation.
import { either, host, of, operators, participants, signedIn, strangers } from '../actors.js';
import type { Entry, Refusal } from '../entry.js';
import {
  addPrincipalOf,
  freshLogistics,
  freshUsBusy,
  ifMatch,
  logisticsBody,
  S,
  usBusyBody,
  type LogisticsKind,
} from '../targets.js';

/** Users with no role in the summit (no grant, or an operator's): 404 where the route declares 403. */
const strangerNotFound: Refusal = [strangers, 404];

/** The record each read of one logistics kind aims at: something of the US where there is one. */
const EXISTING: Record<LogisticsKind, string> = {
  venues: 'hyatt',
  rooms: 'ariyana-usa',
  delegations: 'usa',
  persons: 'usa-potus',
  programme: 'ceo-summit-address-usa',
};

/** Who may write each kind: the host's admin; for persons, also the US lead and protocol officer. */
const WRITERS = {
  venues: host('host-admin'),
  rooms: host('host-admin'),
  delegations: host('host-admin'),
  persons: either(host('host-admin'), of('usa', 'lead', 'po')),
  programme: host('host-admin'),
} as const;

/**
 * A delegation's own: its languages and interpreters, which the host and the delegation's lead and
 * protocol officer may change (a renamed delegation is refused to the delegation: test/app).
 */
function delegationLanguagesEntry(base: string): Entry {
  return {
    route: `PUT ${base}/{id}`,
    target: 'the US delegation, only its languages and interpreters changed, under its current ETag',
    may: either(host('host-admin'), of('usa', 'lead', 'po')),
    refused: [strangerNotFound],
    exclusive: true,
    send: async (w) => {
      const usa = await w.server.store.read((tx) => tx.delegations.get(S as never, 'usa' as never));
      if (!usa) throw new Error('the demo has a US delegation');
      const { version, ...record } = usa;
      const body = { ...record, languages: ['en', 'es'], interpreters: w.next() % 4 };
      return { params: { summit: S, id: 'usa' }, body, headers: ifMatch(version) };
    },
  };
}

function logisticsEntries(kind: LogisticsKind): Entry[] {
  const base = `/api/summits/{summit}/${kind}`;
  const may = WRITERS[kind];
  // a new delegation lacks its principal until it is added: no export may run meanwhile
  const exclusive = kind === 'delegations';
  const whose = kind === 'persons' ? 'a US person' : `a ${kind} record`;
  return [
    {
      route: `GET ${base}`,
      target: `every ${kind} record (summit scope)`,
      may: participants,
      send: () => ({ params: { summit: S }, query: { limit: '200' } }),
    },
    {
      route: `POST ${base}`,
      target: `a new ${kind === 'persons' ? 'US person' : `${kind} record`}`,
      may,
      refused: [strangerNotFound],
      exclusive,
      send: (w) => ({ params: { summit: S }, body: logisticsBody[kind](`mx-new-${kind}-${w.next()}`) }),
      ...(kind === 'delegations'
        ? { settle: (w, sent) => addPrincipalOf(w, (sent.body as { id: string }).id) }
        : {}),
    },
    {
      route: `GET ${base}/{id}`,
      target: `${EXISTING[kind]} (summit scope)`,
      may: participants,
      send: () => ({ params: { summit: S, id: EXISTING[kind] } }),
    },
    kind === 'delegations'
      ? delegationLanguagesEntry(base)
      : {
          route: `PUT ${base}/{id}`,
          target: `a fresh ${whose}, renamed`,
          may,
          refused: [strangerNotFound],
          exclusive,
          send: async (w) => {
            const { id, body } = await freshLogistics(w, kind);
            const renamed =
              'title' in body ? { ...body, title: `Renamed ${id}` } : { ...body, name: `Renamed ${id}` };
            return { params: { summit: S, id }, body: renamed, headers: ifMatch(1) };
          },
        },
    {
      route: `DELETE ${base}/{id}`,
      target: `a fresh ${whose}`,
      may,
      refused: [strangerNotFound],
      exclusive,
      send: async (w) => {
        const { id } = await freshLogistics(w, kind);
        return { params: { summit: S, id }, headers: ifMatch(1) };
      },
    },
  ];
}

/** Summits, logistics, busy blocks, the agenda and utilisation. */
export const SUMMIT_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/summits',
    target: 'the summits the caller takes part in (none for the user with no grant)',
    may: signedIn,
    send: () => ({}),
  },
  {
    route: 'POST /api/summits',
    target: 'a new summit: the operator only (who becomes its host-admin, in no way the demo’s)',
    may: operators,
    send: (w) => ({
      body: {
        id: `mx-summit-${w.next()}`,
        name: 'Matrix summit',
        timezone: 'Asia/Ho_Chi_Minh',
        days: { from: '2017-11-08', to: '2017-11-09' },
        dayWindow: { from: '08:00', to: '18:00' },
        grainMinutes: 15,
        bufferMinutes: 5,
      },
    }),
  },
  {
    route: 'GET /api/summits/{summit}',
    target: 'the demo summit',
    may: participants,
    send: () => ({ params: { summit: S } }),
  },
  {
    route: 'PUT /api/summits/{summit}',
    target: "the demo summit's settings, unchanged, under its current ETag",
    may: host('host-admin'),
    exclusive: true,
    send: async (w) => {
      const summit = await w.server.store.read((tx) => tx.summits.get(S as never));
      if (!summit) throw new Error('the demo summit should exist');
      const { version, ...settings } = summit;
      return { params: { summit: S }, body: settings, headers: ifMatch(version) };
    },
  },
  ...(['venues', 'rooms', 'delegations', 'persons', 'programme'] as const).flatMap(logisticsEntries),
  {
    route: 'GET /api/summits/{summit}/busy',
    target: "every busy block the caller may see: its own delegation's only",
    may: participants,
    send: () => ({ params: { summit: S }, query: { limit: '200' } }),
  },
  {
    route: 'POST /api/summits/{summit}/busy',
    target: 'a new busy block of a US person',
    may: of('usa', 'lead', 'po'),
    refused: [[participants, 403]],
    send: (w) => ({ params: { summit: S }, body: usBusyBody(w) }),
  },
  {
    route: 'GET /api/summits/{summit}/busy/{id}',
    target: "usa-potus-prep, the US President's private commitment",
    may: of('usa'),
    send: () => ({ params: { summit: S, id: 'usa-potus-prep' } }),
  },
  {
    route: 'PUT /api/summits/{summit}/busy/{id}',
    target: 'a fresh US busy block, relabelled',
    may: of('usa', 'lead', 'po'),
    refused: [[of('usa'), 403]],
    send: async (w) => {
      const { version: _v, ...block } = await freshUsBusy(w);
      const body = { ...block, label: w.markers.usSecret('busy-label') };
      return { params: { summit: S, id: block.id }, body, headers: ifMatch(1) };
    },
  },
  {
    route: 'DELETE /api/summits/{summit}/busy/{id}',
    target: 'a fresh US busy block',
    may: of('usa', 'lead', 'po'),
    refused: [[of('usa'), 403]],
    send: async (w) => ({ params: { summit: S, id: (await freshUsBusy(w)).id }, headers: ifMatch(1) }),
  },
  {
    route: 'GET /api/summits/{summit}/persons/{id}/agenda',
    target: "the US President's agenda: his private commitments only as busy to others",
    may: participants,
    send: () => ({ params: { summit: S, id: 'usa-potus' }, query: { limit: '200' } }),
  },
  {
    route: 'GET /api/summits/{summit}/rooms/utilisation',
    target: "the host's room bookings",
    may: host(),
    refused: [strangerNotFound],
    send: () => ({ params: { summit: S }, query: { limit: '200' } }),
  },
];
