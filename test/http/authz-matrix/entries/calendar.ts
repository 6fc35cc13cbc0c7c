// Matrix rows of the calendar: meetings (the calendar, placing, pinning, confirming, announcing, the
// live check, suggestions and what-if), planning jobs, the live event stream, and calendar feeds. The
// targets are US-Russia meetings; the host places meetings but never touches a confidential one, which
// its parties' leads and protocol officers place themselves; a delegation that may place nothing is
// refused (403) before the request is even read, one that may not see it gets 404.
import { either, everyone, host, members, of, participants, strangers, type ActorInfo } from '../actors.js';
import type { Entry, Refusal } from '../entry.js';
import { finishedPlanJob, freshUsFeed, freshUsMeeting, offeredSlot, SLOT } from '../targets-calendar.js';
import { ifMatch, S } from '../targets.js';
import type { World } from '../world.js';

const R = '/api/summits/{summit}/requests/{request}';
const parties = members('usa', 'rus');
const partyActors = either(of('usa', 'lead', 'po'), of('rus', 'lead', 'po'));
/** A party's members who may not act, and the host, who is no party: refused (403). */
const partiesAndHostRefused: Refusal = [either(parties, host()), 403];
const strangerNotFound: Refusal = [strangers, 404];
/** China's lead and protocol officer may place their own confidential meetings: a US-Russia one is 404. */
const thirdPlacerNotFound: Refusal = [of('chn', 'lead', 'po'), 404];
/** Who places a confidential US-Russia meeting: its parties' leads and protocol officers. */
const confidentialPlacers = partyActors;
/** The host places meetings; a confidential one is 404 to it. */
const hostNotFound: Refusal = [host(), 404];
/** The placing rows aim a delegation at a confidential request (theirs to place) and the host at another. */
const placingTarget = (actor: ActorInfo) => (actor.kind === 'host' ? {} : { confidential: true });

/** A planning job shared by the reading rows: done, made once. */
const sharedJob = (w: World) => w.shared('plan job', () => finishedPlanJob(w));

/** Meetings, plans, events and calendar feeds. */
export const CALENDAR_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/summits/{summit}/meetings',
    target: "the calendar: others' unannounced meetings only as busy time, confidential ones never named",
    may: participants,
    send: () => ({ params: { summit: S }, query: { limit: '200' } }),
    pages: true,
  },
  {
    route: `PUT ${R}/meeting`,
    target:
      'a fresh agreed US-Russia request, placed (If-None-Match: *): the host a plain one, delegations a confidential one',
    may: either(host(), confidentialPlacers),
    ok: 201,
    refused: [thirdPlacerNotFound],
    send: async (w, actor) => ({
      params: { summit: S, request: (await freshUsMeeting(w, 'agreed', placingTarget(actor))).id },
      body: SLOT,
      headers: { 'if-none-match': '*' },
    }),
  },
  {
    route: `DELETE ${R}/meeting`,
    target:
      'the meeting of a fresh scheduled US-Russia request: the host a plain one, delegations a confidential one',
    may: either(host(), confidentialPlacers),
    refused: [thirdPlacerNotFound],
    send: async (w, actor) => {
      const m = await freshUsMeeting(w, 'scheduled', placingTarget(actor));
      return { params: { summit: S, request: m.id }, headers: ifMatch(m.meetingVersion) };
    },
  },
  {
    route: `POST ${R}/meeting/pin`,
    target: 'the meeting of a fresh scheduled confidential US-Russia request: not even the host sees it',
    may: confidentialPlacers,
    ok: 200,
    refused: [hostNotFound, thirdPlacerNotFound],
    send: async (w) => {
      const m = await freshUsMeeting(w, 'scheduled', { confidential: true });
      return { params: { summit: S, request: m.id }, headers: ifMatch(m.meetingVersion) };
    },
  },
  {
    route: `POST ${R}/meeting/unpin`,
    target: 'the pinned meeting of a fresh scheduled US-Russia request: the host’s, its parties may not',
    may: host(),
    ok: 200,
    refused: [thirdPlacerNotFound],
    send: async (w) => {
      const m = await freshUsMeeting(w, 'pinned');
      return { params: { summit: S, request: m.id }, headers: ifMatch(m.meetingVersion) };
    },
  },
  {
    route: `POST ${R}/meeting/confirm`,
    target: "a fresh scheduled US-Russia meeting's slot, accepted for the caller's side",
    may: partyActors,
    ok: 200,
    refused: [partiesAndHostRefused],
    send: async (w) => {
      const m = await freshUsMeeting(w, 'scheduled');
      return { params: { summit: S, request: m.id }, headers: ifMatch(m.meetingVersion) };
    },
  },
  {
    route: `POST ${R}/meeting/announce`,
    target: 'a fresh confirmed US-Russia meeting, announced',
    may: partyActors,
    ok: 200,
    refused: [partiesAndHostRefused],
    send: async (w) => {
      const m = await freshUsMeeting(w, 'confirmed');
      return { params: { summit: S, request: m.id }, headers: ifMatch(m.meetingVersion) };
    },
  },
  {
    route: `POST ${R}/meeting/alternative`,
    target: 'a fresh US-Russia meeting the host moved: the slot offered to its parties, taken in one step',
    may: either(host(), partyActors),
    ok: 200,
    refused: [[parties, 403]],
    send: async (w) => {
      const m = await freshUsMeeting(w, 'bumped');
      return { params: { summit: S, request: m.id }, body: await offeredSlot(w, m.id) };
    },
  },
  {
    route: 'GET /api/summits/{summit}/confirmations',
    target: "the meetings awaiting confirmation: each reader's own, never a confidential one of others",
    may: participants,
    send: () => ({ params: { summit: S } }),
  },
  {
    route: 'POST /api/summits/{summit}/confirmations/sweep',
    target: "the summit's confirmation deadlines, swept now (nothing is due on the server's clock)",
    may: host('host-admin'),
    ok: 200,
    send: () => ({ params: { summit: S } }),
  },
  {
    route: `POST ${R}/meeting/check`,
    target:
      'usa-rus-fm at a slot where US and Russian private commitments stand: violations named without labels',
    may: host(),
    ok: 200,
    refused: [thirdPlacerNotFound],
    send: () => ({
      params: { summit: S, request: 'usa-rus-fm' },
      body: { start: '2017-11-10T02:30:00.000Z', room: 'ariyana-b1' },
    }),
  },
  {
    route: `GET ${R}/suggestions`,
    target: 'slots for usa-rus-officials, confidential between the US and Russia',
    may: parties,
    send: () => ({ params: { summit: S, request: 'usa-rus-officials' }, query: { k: '3' } }),
  },
  {
    route: `POST ${R}/what-if`,
    target: 'usa-rus-officials, confidential between the US and Russia, without its window',
    may: parties,
    ok: 200,
    send: () => ({
      params: { summit: S, request: 'usa-rus-officials' },
      body: { blocker: { kind: 'window', detail: 'the allowed window' } },
    }),
  },
  {
    route: 'POST /api/summits/{summit}/plans',
    target: 'a short planning run of the demo summit',
    may: host(),
    ok: 202,
    refused: [strangerNotFound],
    send: () => ({ params: { summit: S }, body: { timeLimitSeconds: 0.5 } }),
  },
  {
    route: 'GET /api/summits/{summit}/plans/{id}',
    target: 'a finished planning job: confidential requests stay out of the plan the host reads',
    may: host(),
    refused: [strangerNotFound],
    send: async (w) => ({ params: { summit: S, id: (await sharedJob(w)).id } }),
  },
  {
    route: 'DELETE /api/summits/{summit}/plans/{id}',
    target: 'a finished planning job, discarded (a fresh one for each host role)',
    may: host(),
    ok: 200,
    refused: [strangerNotFound],
    send: async (w, actor) => {
      const job = actor.kind === 'host' ? await finishedPlanJob(w) : await sharedJob(w);
      return { params: { summit: S, id: job.id }, headers: ifMatch(job.version) };
    },
  },
  {
    route: 'POST /api/summits/{summit}/plans/{id}/accept',
    target: 'a finished planning job, written to the calendar (a fresh one for each host role)',
    may: host(),
    ok: 200,
    exclusive: true,
    refused: [strangerNotFound],
    send: async (w, actor) => {
      const job = actor.kind === 'host' ? await finishedPlanJob(w) : await sharedJob(w);
      return { params: { summit: S, id: job.id }, headers: ifMatch(job.version) };
    },
  },
  {
    route: 'GET /api/summits/{summit}/events',
    target: 'every event of the log as a stream (follow=false: the stream ends after the log)',
    may: participants,
    send: () => ({ params: { summit: S }, query: { follow: 'false', lastEventId: '0' } }),
  },
  {
    route: 'POST /api/summits/{summit}/persons/{person}/calendar-tokens',
    target: "a new calendar feed of the US President: his delegation's or the host's to issue",
    may: either(members('usa'), host()),
    refused: [strangerNotFound],
    send: () => ({ params: { summit: S, person: 'usa-potus' } }),
  },
  {
    route: 'GET /api/summits/{summit}/persons/{person}/calendar-tokens',
    target: "the US President's calendar feeds",
    may: either(members('usa'), host()),
    refused: [strangerNotFound],
    send: () => ({ params: { summit: S, person: 'usa-potus' } }),
  },
  {
    route: 'DELETE /api/summits/{summit}/persons/{person}/calendar-tokens/{id}',
    target: 'a fresh calendar feed of the US President, issued by the US lead',
    may: either(members('usa'), host()),
    refused: [strangerNotFound],
    send: async (w) => ({ params: { summit: S, person: 'usa-potus', id: (await freshUsFeed(w)).id } }),
  },
  {
    route: 'GET /ical/{file}',
    target: 'a fresh feed of the US President: the URL is the credential; it shows what the US lead sees',
    may: everyone,
    readsAs: 'usa-lead',
    send: async (w) => ({ params: { file: (await freshUsFeed(w)).file } }),
  },
];
