// Matrix rows of the request routes: list and create, read one, transitions, history, conditions and
// the thread. The targets are US requests to Russia: China and the user with no grant are strangers to
// them, and to a confidential one the host is a stranger too.
import { either, host, members, of, participants, strangers } from '../actors.js';
import type { Entry } from '../entry.js';
import { freshUsRequest, ifMatch, S } from '../targets.js';

const R = '/api/summits/{summit}/requests/{request}';

/** The parties of the US-Russia requests: every member of either delegation. */
const parties = members('usa', 'rus');
/** Who may see a non-confidential US-Russia request: its parties and the host. */
const partiesAndHost = either(parties, host());

/** Answering a condition: the lead or protocol officer of the other party; the rest who see it are refused (403), told why. */
function answerEntry(answer: 'accept' | 'reject' | 'withdraw' | 'counter'): Entry {
  const setter = answer === 'withdraw' ? 'usa' : 'rus';
  return {
    route: `POST ${R}/conditions/{condition}/${answer}`,
    target: `an open condition set by ${setter === 'usa' ? 'the US' : 'Russia'} on a fresh US request to Russia`,
    may: of('usa', 'lead', 'po'),
    ok: 200,
    refused: [[partiesAndHost, 403]],
    send: async (w) => {
      const r = await freshUsRequest(w, { conditionBy: setter });
      return {
        params: { summit: S, request: r.id, condition: r.condition ?? 'c1' },
        headers: ifMatch(1),
        ...(answer === 'counter' ? { body: { kind: 'agenda', text: `Counter-proposal on ${r.id}` } } : {}),
      };
    },
  };
}

/** Requests, conditions and the thread. */
export const REQUEST_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/summits/{summit}/requests',
    target: 'every request the caller may see; confidential ones of others must not show',
    may: participants,
    send: () => ({ params: { summit: S }, query: { limit: '200' } }),
  },
  {
    route: 'POST /api/summits/{summit}/requests',
    target: 'a new request from the US to Russia',
    may: of('usa', 'lead', 'po'),
    refused: [[strangers, 404]],
    send: () => ({
      params: { summit: S },
      body: {
        from: 'usa',
        to: ['rus'],
        format: 'bilateral',
        level: 'officials',
        minutes: 30,
        attendees: ['usa-nsa', 'rus-aide'],
      },
    }),
  },
  {
    route: `GET ${R}`,
    target: 'usa-rus-officials, confidential between the US and Russia',
    may: parties,
    send: () => ({ params: { summit: S, request: 'usa-rus-officials' } }),
  },
  {
    route: `GET ${R}/page`,
    target: 'the request page of usa-rus-officials, confidential between the US and Russia',
    may: parties,
    send: () => ({ params: { summit: S, request: 'usa-rus-officials' } }),
  },
  {
    route: `POST ${R}/transitions`,
    target: 'a fresh confidential US request to Russia, withdrawn (the requester side only)',
    may: of('usa', 'lead', 'po'),
    ok: 200,
    refused: [[parties, 403]],
    send: async (w) => {
      const r = await freshUsRequest(w, { confidential: true });
      return {
        params: { summit: S, request: r.id },
        body: { name: 'withdraw' },
        headers: ifMatch(r.version),
      };
    },
  },
  {
    route: `GET ${R}/history`,
    target: "usa-rus: its events, without the US deliberation's for anyone but the US",
    may: partiesAndHost,
    send: () => ({ params: { summit: S, request: 'usa-rus' }, query: { limit: '200' } }),
    pages: true,
  },
  {
    route: `POST ${R}/conditions`,
    target: 'a new condition on a fresh US request to Russia',
    may: either(of('usa', 'lead', 'po'), of('rus', 'lead', 'po')),
    refused: [[partiesAndHost, 403]],
    send: async (w) => {
      const r = await freshUsRequest(w);
      return { params: { summit: S, request: r.id }, body: { kind: 'agenda', text: `Agenda for ${r.id}` } };
    },
  },
  answerEntry('accept'),
  answerEntry('reject'),
  answerEntry('withdraw'),
  answerEntry('counter'),
  {
    route: `GET ${R}/thread`,
    target: 'the thread of usa-rus: its parties read it; the host, who sees the request, may not',
    may: parties,
    refused: [[host(), 403]],
    send: () => ({ params: { summit: S, request: 'usa-rus' }, query: { limit: '200' } }),
  },
  {
    route: `POST ${R}/thread`,
    target: "the thread of usa-rus: a party's lead or protocol officer posts; the host may not",
    may: either(of('usa', 'lead', 'po'), of('rus', 'lead', 'po')),
    refused: [[partiesAndHost, 403]],
    send: (w) => ({
      params: { summit: S, request: 'usa-rus' },
      body: { text: `Matrix message ${w.next()}` },
    }),
  },
];
