// Matrix rows of the US deliberation on usa-rus and the public lines: private to the US delegation,
// named explicitly (`delegation: usa`) so Russia, a party with a deliberation of its own, asks for the
// US one; the host and China are told it does not exist.
import { either, host, members, of, signedIn } from '../actors.js';
import type { Entry } from '../entry.js';
import { freshUsPosition, ifMatch, S } from '../targets.js';

const R = '/api/summits/{summit}/requests/{request}';
const usaRus = { summit: S, request: 'usa-rus' };

/** The US deliberation and the public lines of usa-rus. */
export const DELIBERATION_ENTRIES: readonly Entry[] = [
  {
    route: `GET ${R}/deliberation`,
    target: 'the US deliberation on usa-rus',
    may: of('usa'),
    send: () => ({ params: usaRus, query: { delegation: 'usa' } }),
  },
  {
    route: `POST ${R}/deliberation/positions`,
    target: 'a new position in the US deliberation on usa-rus',
    may: of('usa', 'lead', 'po', 'adviser'),
    refused: [[of('usa'), 403]],
    send: (w) => ({
      params: usaRus,
      body: {
        delegation: 'usa',
        holder: 'Matrix desk',
        stance: 'against',
        rationale: w.markers.usSecret('us-deliberation'),
        considerations: [
          { kind: 'risk', weight: 2, topic: 'optics', note: w.markers.usSecret('us-deliberation') },
        ],
      },
    }),
  },
  {
    route: `PUT ${R}/deliberation/positions/{id}`,
    target: 'a fresh US position on usa-rus by the US adviser: its author or the US lead amends it',
    may: either(of('usa', 'lead'), of('usa', 'adviser')),
    refused: [[of('usa'), 403]],
    send: async (w) => {
      const p = await freshUsPosition(w);
      return {
        params: { ...usaRus, id: p.id },
        body: { holder: 'Matrix adviser', stance: 'for', rationale: w.markers.usSecret('us-deliberation') },
        headers: ifMatch(p.version),
      };
    },
  },
  {
    route: `PUT ${R}/deliberation/decision`,
    target: 'the US decision on usa-rus, under its current ETag',
    may: of('usa', 'lead'),
    refused: [[of('usa'), 403]],
    send: async (w) => {
      const decision = await w.server.store.read((tx) =>
        tx.decisions.get(S as never, { request: 'usa-rus', delegation: 'usa' }),
      );
      return {
        params: usaRus,
        body: { delegation: 'usa', outcome: 'defer', note: w.markers.usSecret('us-deliberation') },
        headers: ifMatch(decision?.version ?? 1),
      };
    },
  },
  {
    route: `GET ${R}/public-lines`,
    target: "usa-rus's lines: Russia's published one for all who see it, the US draft for the US only",
    may: either(members('usa', 'rus'), host()),
    send: () => ({ params: usaRus, query: { limit: '200' } }),
  },
  {
    route: `PUT ${R}/public-lines/{delegation}`,
    target: 'the US line on usa-rus, kept a draft, under its current ETag',
    may: of('usa', 'lead', 'po'),
    refused: [
      [either(members('usa', 'rus'), host()), 403],
      [signedIn, 404],
    ],
    send: async (w) => {
      const line = await w.server.store.read((tx) =>
        tx.publicLines.get(S as never, { request: 'usa-rus', delegation: 'usa' }),
      );
      return {
        params: { ...usaRus, delegation: 'usa' },
        body: { claim: 'no-meeting', text: w.markers.usSecret('us-draft-line'), published: false },
        headers: ifMatch(line?.version ?? 1),
      };
    },
  },
];
