// Attacks on requests, their conditions, thread and history.
import { expect } from 'vitest';
import type { Actor } from '../../../../src/domain/actor/schema.js';
import type { DelegationId } from '../../../../src/domain/ids.js';
import type { DomainEvent } from '../../../../src/domain/event/schema.js';
import {
  answerRequestCondition,
  counterRequestCondition,
  proposeRequestCondition,
} from '../../../../src/app/requests/conditions.js';
import { requestHistory } from '../../../../src/app/requests/history.js';
import { readRequestPage, type RequestPage } from '../../../../src/app/requests/page.js';
import { loadVisibleRequest } from '../../../../src/app/requests/load.js';
import { getRequest, listRequests } from '../../../../src/app/requests/read.js';
import { requestMeeting } from '../../../../src/app/requests/request-meeting.js';
import { searchRequests } from '../../../../src/app/requests/search.js';
import { searchSummit, type SearchHit } from '../../../../src/app/search/search.js';
import { postToThread, readThread } from '../../../../src/app/requests/thread.js';
import { transitionRequest } from '../../../../src/app/requests/transition.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody'] as const;
const usa = 'usa' as DelegationId;

/** The delegations the actor belongs to in the demo summit. */
function mine(actor: Actor): Set<string> {
  return new Set(
    actor.grants.flatMap((g) => (g.kind === 'delegation' && g.summit === S ? [g.delegation] : [])),
  );
}

/** No event kept inside another delegation (deliberation, drafts, busy blocks) reaches the actor. */
export function noForeignDelegationEvents(value: unknown, _w: unknown, actor: Actor): void {
  const events = value as DomainEvent[];
  expect(events.length, 'events to judge').toBeGreaterThan(0);
  const foreign = events.filter((e) => e.scope.kind === 'delegation' && !mine(actor).has(e.scope.delegation));
  expect(foreign.map((e) => e.type)).toEqual([]);
}

const newRequest = (extra: Record<string, unknown> = {}) => ({
  to: ['rus'],
  format: 'bilateral',
  level: 'ministers',
  minutes: 30,
  attendees: ['usa-sos', 'rus-fm'],
  ...extra,
});

/** Every request use case, with the attempts that must fail (or read nothing private). */
export const REQUEST_ATTACKS: Record<string, Attack[]> = {
  'requests/read.ts#listRequests': [
    ...attacks(['chn', 'rus', 'host-admin', 'host-staff', 'usa-viewer'], 'lists requests', 'read', (w, a) =>
      listRequests(w.ctx, a, S),
    ),
    ...attacks(OUTSIDERS, 'lists requests', 'hidden', (w, a) => listRequests(w.ctx, a, S)),
  ],
  'requests/read.ts#getRequest': [
    ...attacks(
      ['chn', 'host-admin', 'host-staff', ...OUTSIDERS],
      'reads the confidential usa-rus-officials',
      'hidden',
      (w, a) => getRequest(w.ctx, a, S, 'usa-rus-officials'),
    ),
    attack('rus', 'reads the confidential twn-jpn', 'hidden', (w, a) => getRequest(w.ctx, a, S, 'twn-jpn')),
    attack('chn', 'reads usa-rus', 'hidden', (w, a) => getRequest(w.ctx, a, S, 'usa-rus')),
    ...attacks(['rus', 'host-admin'], 'reads usa-rus', 'read', (w, a) => getRequest(w.ctx, a, S, 'usa-rus')),
  ],
  'requests/page.ts#readRequestPage': [
    ...attacks(
      ['chn', 'host-admin', 'host-staff', ...OUTSIDERS],
      'reads the page of the confidential usa-rus-officials',
      'hidden',
      (w, a) => readRequestPage(w.ctx, a, S, 'usa-rus-officials'),
    ),
    attack('chn', 'reads the page of usa-rus', 'hidden', (w, a) => readRequestPage(w.ctx, a, S, 'usa-rus')),
    // the host reads the request for logistics: no thread, no deliberation, no one's private events
    ...attacks(
      ['host-admin', 'host-staff'],
      'reads the page of usa-rus',
      'read',
      (w, a) => readRequestPage(w.ctx, a, S, 'usa-rus'),
      (value, w, a) => {
        const page = value as RequestPage;
        expect(page.thread).toBeNull();
        expect(page.deliberation).toBeNull();
        noForeignDelegationEvents(page.history, w, a);
      },
    ),
    // a party reads its own deliberation only, and no event private to the other party
    ...attacks(
      ['rus', 'usa-viewer'],
      'reads the page of usa-rus',
      'read',
      (w, a) => readRequestPage(w.ctx, a, S, 'usa-rus'),
      (value, w, a) => {
        const page = value as RequestPage;
        expect([...mine(a)]).toContain(page.deliberation?.delegation);
        noForeignDelegationEvents(page.history, w, a);
      },
    ),
  ],
  'requests/search.ts#searchRequests': [
    ...attacks(['chn', 'host-admin', 'host-staff'], 'searches US requests to Russia', 'read', (w, a) =>
      searchRequests(w.ctx, a, S, { party: 'usa', counterpart: 'rus' }),
    ),
    attack('host-admin', 'searches with an unknown filter', 'invalid', (w, a) =>
      searchRequests(w.ctx, a, S, { confidential: true }),
    ),
    ...attacks(OUTSIDERS, 'searches', 'hidden', (w, a) => searchRequests(w.ctx, a, S, {})),
  ],
  'search/search.ts#searchSummit': [
    // the confidential usa-rus-officials and the unannounced usa-rus are found by their parties only
    ...attacks(
      ['chn', 'host-admin', 'host-staff'],
      'searches for the US and Russian officials',
      'read',
      (w, a) => searchSummit(w.ctx, a, S, { q: 'usa-rus', limit: 50 }),
      (value) => {
        const ids = (value as SearchHit[]).map((h) => h.id);
        expect(ids).not.toContain('usa-rus-officials');
      },
    ),
    attack(
      'chn',
      'searches for usa-rus',
      'read',
      (w, a) => searchSummit(w.ctx, a, S, { q: 'usa-rus', limit: 50 }),
      (value) => expect((value as SearchHit[]).map((h) => h.id)).not.toContain('usa-rus'),
    ),
    attack('usa-viewer', 'searches with no words', 'invalid', (w, a) =>
      searchSummit(w.ctx, a, S, { q: ' ' }),
    ),
    ...attacks(OUTSIDERS, 'searches', 'hidden', (w, a) => searchSummit(w.ctx, a, S, { q: 'syria' })),
  ],
  'requests/history.ts#requestHistory': [
    ...attacks(
      ['rus', 'host-admin', 'host-staff'],
      'reads the history of usa-rus',
      'read',
      (w, a) => requestHistory(w.ctx, a, S, 'usa-rus'),
      noForeignDelegationEvents,
    ),
    ...attacks(['chn', ...OUTSIDERS], 'reads the history of usa-rus', 'hidden', (w, a) =>
      requestHistory(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(
      ['chn', 'host-admin', 'host-staff'],
      'reads the history of usa-rus-officials',
      'hidden',
      (w, a) => requestHistory(w.ctx, a, S, 'usa-rus-officials'),
    ),
  ],
  'requests/load.ts#loadVisibleRequest': attacks(
    ['chn', 'host-admin', 'other-summit'],
    'loads usa-rus-officials',
    'hidden',
    (w, a) => w.ctx.store.read((tx) => loadVisibleRequest(tx, a, S, 'usa-rus-officials')),
  ),
  'requests/request-meeting.ts#requestMeeting': [
    ...attacks(['usa-viewer', 'usa-adviser'], 'asks Russia for a meeting', 'forbidden', (w, a) =>
      requestMeeting(w.ctx, a, S, newRequest()),
    ),
    attack('chn', 'asks in the name of the US', 'forbidden', (w, a) =>
      requestMeeting(w.ctx, a, S, newRequest({ from: 'usa' })),
    ),
    ...attacks(['host-admin', 'host-staff'], 'asks in the name of the US', 'forbidden', (w, a) =>
      requestMeeting(w.ctx, a, S, newRequest({ from: 'usa' })),
    ),
    ...attacks(OUTSIDERS, 'asks for a meeting', 'hidden', (w, a) =>
      requestMeeting(w.ctx, a, S, newRequest({ from: 'usa' })),
    ),
    // an id of its own choosing must not tell whether another delegation's request has it
    attack('chn', 'names its request after the confidential usa-rus-officials', 'invalid', async (w, a) => {
      const asked = (id: string) =>
        requestMeeting(w.ctx, a, S, {
          ...newRequest(),
          id,
          attendees: ['chn-president', 'rus-president'],
        }).then(
          () => new Error(`request ${id} was created`),
          (e: Error) => e,
        );
      const taken = await asked('usa-rus-officials');
      const free = await asked('usa-rus-never-used');
      expect(taken.message).toBe(free.message);
      throw taken;
    }),
    attack('rus', 'asks with minutes off the grain and another delegation’s attendee', 'invalid', (w, a) =>
      requestMeeting(w.ctx, a, S, {
        to: ['chn'],
        format: 'bilateral',
        level: 'leaders',
        minutes: 20,
        attendees: ['rus-president', 'usa-potus'],
      }),
    ),
  ],
  'requests/transition.ts#transitionRequest': [
    attack('chn', 'accepts usa-rus', 'hidden', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'accept' }),
    ),
    ...attacks(['host-admin', 'host-staff'], 'declines usa-rus', 'refused', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'decline' }),
    ),
    ...attacks(['host-admin', 'host-staff'], 'declines usa-rus-officials', 'hidden', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus-officials', { name: 'decline' }),
    ),
    ...attacks(['usa-viewer', 'usa-adviser'], 'withdraws usa-rus', 'refused', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'withdraw' }),
    ),
    attack('rus', 'withdraws the US request', 'refused', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'withdraw' }),
    ),
    attack('rus', 'accepts acting for the US', 'refused', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'accept' }, { actingFor: usa }),
    ),
    attack('rus', 'asks for a transition only the host may take', 'invalid', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'schedule' }),
    ),
    ...attacks(OUTSIDERS, 'declines usa-rus', 'hidden', (w, a) =>
      transitionRequest(w.ctx, a, S, 'usa-rus', { name: 'decline' }),
    ),
  ],
  'requests/conditions.ts#proposeRequestCondition': [
    attack('chn', 'sets a condition on usa-rus', 'hidden', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    ...attacks(['host-admin', 'host-staff'], 'sets a condition on usa-rus', 'refused', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    attack('host-admin', 'sets a condition on usa-rus-officials', 'hidden', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus-officials', { text: 'x' }),
    ),
    ...attacks(['usa-viewer', 'usa-adviser'], 'sets a condition on usa-rus', 'refused', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    attack('rus', 'sets a condition acting for the US', 'refused', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: 'x' }, { actingFor: usa }),
    ),
    attack('rus', 'sets an empty condition', 'invalid', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: '' }),
    ),
    ...attacks(OUTSIDERS, 'sets a condition', 'hidden', (w, a) =>
      proposeRequestCondition(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
  ],
  'requests/conditions.ts#answerRequestCondition': [
    attack('rus', 'withdraws the US condition c1', 'refused', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', 'withdraw'),
    ),
    attack('rus', 'accepts its own condition c3', 'refused', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c3', 'accept'),
    ),
    attack('rus', 'accepts c3 acting for the US', 'refused', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c3', 'accept', { actingFor: usa }),
    ),
    ...attacks(
      ['usa-viewer', 'usa-adviser', 'host-admin'],
      'accepts the Russian condition c3',
      'refused',
      (w, a) => answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c3', 'accept'),
    ),
    attack('chn', 'accepts c1', 'hidden', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', 'accept'),
    ),
    attack('rus', 'answers a condition that does not exist', 'hidden', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c99', 'accept'),
    ),
    attack('rus', 'answers a malformed condition id', 'invalid', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'C 1', 'accept'),
    ),
    ...attacks(OUTSIDERS, 'accepts c1', 'hidden', (w, a) =>
      answerRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', 'accept'),
    ),
  ],
  'requests/conditions.ts#counterRequestCondition': [
    ...attacks(['usa-viewer', 'host-admin'], 'counters c3', 'refused', (w, a) =>
      counterRequestCondition(w.ctx, a, S, 'usa-rus', 'c3', { text: 'x' }),
    ),
    attack('chn', 'counters c1', 'hidden', (w, a) =>
      counterRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', { text: 'x' }),
    ),
    attack('rus', 'counters c1 with an empty condition', 'invalid', (w, a) =>
      counterRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', { text: '' }),
    ),
    attack('rus', 'counters a malformed condition id', 'invalid', (w, a) =>
      counterRequestCondition(w.ctx, a, S, 'usa-rus', '../c1', { text: 'x' }),
    ),
    ...attacks(OUTSIDERS, 'counters c1', 'hidden', (w, a) =>
      counterRequestCondition(w.ctx, a, S, 'usa-rus', 'c1', { text: 'x' }),
    ),
  ],
  'requests/thread.ts#readThread': [
    attack('rus', 'reads the usa-rus thread', 'read', (w, a) => readThread(w.ctx, a, S, 'usa-rus')),
    attack('chn', 'reads the usa-rus thread', 'hidden', (w, a) => readThread(w.ctx, a, S, 'usa-rus')),
    // the thread is the parties' own: the host sees the request for logistics, not what they say
    ...attacks(['host-admin', 'host-staff'], 'reads the usa-rus thread', 'forbidden', (w, a) =>
      readThread(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(['host-admin', 'host-staff'], 'reads the usa-rus-officials thread', 'hidden', (w, a) =>
      readThread(w.ctx, a, S, 'usa-rus-officials'),
    ),
    ...attacks(OUTSIDERS, 'reads the usa-rus thread', 'hidden', (w, a) => readThread(w.ctx, a, S, 'usa-rus')),
  ],
  'requests/thread.ts#postToThread': [
    attack('chn', 'posts to usa-rus', 'hidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    ...attacks(['host-admin', 'host-staff'], 'posts to usa-rus', 'forbidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    attack('host-admin', 'posts to usa-rus-officials', 'hidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus-officials', { text: 'x' }),
    ),
    // a message speaks for the delegation: it takes a role that acts on requests, not one that reads
    ...attacks(['usa-viewer', 'usa-adviser'], 'posts to usa-rus', 'forbidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
    attack('rus', 'posts in the name of the US', 'forbidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: 'x' }, usa),
    ),
    attack('rus', 'posts a blank message', 'invalid', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: '   ' }),
    ),
    ...attacks(OUTSIDERS, 'posts to usa-rus', 'hidden', (w, a) =>
      postToThread(w.ctx, a, S, 'usa-rus', { text: 'x' }),
    ),
  ],
};
