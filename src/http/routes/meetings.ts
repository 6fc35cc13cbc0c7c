// Meetings on the calendar: the summit's calendar as you may see it, placing and moving a request's
// meeting, taking it off, pinning, confirming and announcing it, the live rule check behind a
// drag, and the slots the engine suggests (and would suggest if one blocker went away).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPlacement } from '../../app/meetings/check.js';
import { announceMeeting, confirmMeeting } from '../../app/meetings/confirm.js';
import { PlaceInput, Slot, UnplaceInput } from '../../app/meetings/inputs.js';
import { AlternativeInput, takeAlternative } from '../../app/meetings/alternative.js';
import { calendarKey, listMeetings } from '../../app/meetings/list.js';
import { placeMeeting, setPinned, unplaceMeeting } from '../../app/meetings/place.js';
import { SuggestionsInput, suggestSlots } from '../../app/planning/suggest.js';
import { askWhatIf, WhatIfInput } from '../../app/planning/what-if.js';
import { DelegationId, PersonId, RequestId, RoomId } from '../../domain/ids.js';
import { Meeting } from '../../domain/meeting/schema.js';
import { Format, Request, RequestStatus } from '../../domain/request/schema.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import {
  ActingQuery,
  actingFor,
  RequestParams,
  requireIfMatchOrAbsent,
  SummitParams,
  UpsertHeaders,
} from './common.js';
import { BlockerRecord } from './plans.js';

/** A meeting as stored, named in OpenAPI. */
export const MeetingRecord = Meeting.meta({ id: 'Meeting' });

const MeetingEntry = z
  .object({
    kind: z.literal('meeting'),
    request: RequestId,
    start: Instant,
    end: Instant,
    room: RoomId.nullable(),
    pinned: z.boolean(),
    announced: z.boolean(),
    confirmedBy: z.array(DelegationId),
    version: z.number().int(),
    status: RequestStatus,
    format: Format,
    parties: z.array(DelegationId),
    attendees: z.array(PersonId),
  })
  .meta({ id: 'CalendarMeeting' });

const BusyEntry = z
  .object({
    kind: z.literal('busy'),
    start: Instant,
    end: Instant,
    person: PersonId.nullable().describe('Whose time it takes (one entry per attendee)'),
    room: RoomId.nullable().describe('The room it books (host staff only: who, when, where — never why)'),
  })
  .meta({ id: 'CalendarBusy' });

const CalendarEntry = z.discriminatedUnion('kind', [MeetingEntry, BusyEntry]);

const CalendarQuery = PageQuery.extend({
  from: Instant.optional().describe('Meetings that end after this instant'),
  to: Instant.optional().describe('Meetings that start before this instant'),
  room: RoomId.optional(),
  person: PersonId.optional(),
});

const ViolationRecord = z
  .object({
    rule: z.string().describe('The rule broken, e.g. person-overlap, room-exclusive'),
    requests: z.array(z.string()),
    person: z.string().optional(),
    room: z.string().optional(),
    message: z
      .string()
      .describe('A whole line that starts with the rule, naming persons, events and local times by id'),
    title: z.string().describe('A headline for people: "Donald J. Trump is already busy then"'),
    detail: z
      .string()
      .describe('The message in names and summit time, for people: what clashes with what, and when'),
  })
  .meta({ id: 'Violation' });

const PlacementCheck = z.object({ ok: z.boolean(), violations: z.array(ViolationRecord) });

const SuggestionRecord = z
  .object({
    request: RequestId,
    start: Instant,
    end: Instant,
    room: RoomId.nullable(),
    preferred: z.boolean().describe("The start lies in one of the request's preferred windows"),
  })
  .meta({ id: 'Suggestion' });

const WhatIfAnswer = z
  .object({
    blocker: BlockerRecord,
    also: z
      .array(BlockerRecord)
      .describe(
        'What else had to go: when the blocker is not alone in the way at any start, the other blockers of the start it leaves least blocked (the explanation names them too)',
      ),
    slot: SuggestionRecord.nullable().describe('The best slot then, or null when there is still none'),
    displaces: z
      .array(z.string())
      .describe('Meetings that would have to move ("private" for one you may not see)'),
    assumption: z.string(),
  })
  .meta({ id: 'WhatIf' });

const Confirmed = z.object({ meeting: MeetingRecord, request: Request.meta({ id: 'RequestAfterConfirm' }) });

const host = (note: string) =>
  authz.signedIn(note, { capability: 'place-meetings', scope: 'host', denied: 403 });
/** Who places a meeting (app/meetings/placer.ts), as the placing routes declare it. */
const PLACERS =
  "the host's staff who place meetings; for a confidential request (404 to the host) its parties' leads and " +
  'protocol officers instead. A party of any other request gets 403, a delegation that may not see it 404';

/** /api/summits/:summit/meetings and /api/summits/:summit/requests/:request/meeting… */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/meetings',
    {
      config: { readCache: true },
      schema: {
        tags: ['meetings'],
        summary: "The summit's calendar: meetings you may read in full, the others only as busy time",
        params: SummitParams,
        querystring: CalendarQuery,
        response: { 200: Page(CalendarEntry) },
        'x-authz': authz.signedIn(
          "participants; others' unannounced meetings show only as busy entries (per attendee; per room for the host)",
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const entries = await listMeetings(ctx, actorOf(request), request.params.summit, filter);
      return paginate(entries, { limit, cursor }, calendarKey);
    },
  );

  app.put(
    '/summits/:summit/requests/:request/meeting',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Place an agreed request (If-None-Match: *) or move its meeting (If-Match: the meeting’s ETag); a broken rule is 409 naming it. ' +
          'A move is told to the parties with the reason given; inside the notice period only a host admin may move it, giving one',
        params: RequestParams,
        querystring: ActingQuery,
        headers: UpsertHeaders,
        body: PlaceInput,
        response: { 200: MeetingRecord, 201: MeetingRecord },
        'x-authz': host(PLACERS),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const expectedVersion = requireIfMatchOrAbsent(request);
      const meeting = await placeMeeting(ctx, actorOf(request), summit, id, request.body, {
        expectedVersion,
        ...actingFor(request.query),
      });
      withETag(reply, meeting);
      return reply.code(expectedVersion === 0 ? 201 : 200).send(meeting);
    },
  );

  app.delete(
    '/summits/:summit/requests/:request/meeting',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Take a meeting off the calendar (If-Match); the request goes back to agreed, its parties are told the reason ' +
          '(`?reason=`, optional; required inside the notice period, where only a host admin may) and offered an alternative',
        params: RequestParams,
        querystring: ActingQuery.extend(UnplaceInput.shape),
        headers: IfMatchHeaders,
        response: { 204: z.undefined() },
        'x-authz': host(PLACERS),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      await unplaceMeeting(ctx, actorOf(request), summit, id, {
        expectedVersion: requireIfMatch(request),
        ...actingFor(request.query),
        input: request.query.reason === undefined ? {} : { reason: request.query.reason },
      });
      return reply.code(204).send();
    },
  );

  for (const pinned of [true, false]) {
    app.post(
      `/summits/:summit/requests/:request/meeting/${pinned ? 'pin' : 'unpin'}`,
      {
        schema: {
          tags: ['meetings'],
          summary: pinned
            ? 'Pin a meeting (If-Match): the planner never moves it'
            : 'Unpin a meeting (If-Match): the planner may move it again',
          params: RequestParams,
          querystring: ActingQuery,
          headers: IfMatchHeaders,
          response: { 200: MeetingRecord },
          'x-authz': host(PLACERS),
        },
      },
      async (request, reply) => {
        const { summit, request: id } = request.params;
        const meeting = await setPinned(ctx, actorOf(request), summit, id, pinned, {
          expectedVersion: requireIfMatch(request),
          ...actingFor(request.query),
        });
        return withETag(reply, meeting);
      },
    );
  }

  app.post(
    '/summits/:summit/requests/:request/meeting/confirm',
    {
      schema: {
        tags: ['meetings'],
        summary:
          "Accept the meeting's slot for your delegation (If-Match); the last party's acceptance confirms",
        params: RequestParams,
        querystring: ActingQuery,
        headers: IfMatchHeaders,
        response: { 200: Confirmed },
        'x-authz': authz.signedIn("a party's lead or protocol officer; anyone else gets 404 or 403", {
          capability: 'act-on-request',
          scope: 'parties',
          denied: 404,
        }),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const done = await confirmMeeting(ctx, actorOf(request), summit, id, {
        expectedVersion: requireIfMatch(request),
        ...actingFor(request.query),
      });
      withETag(reply, done.meeting);
      return done;
    },
  );

  app.post(
    '/summits/:summit/requests/:request/meeting/announce',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Announce a confirmed meeting (If-Match): from then on every participant sees it',
        params: RequestParams,
        querystring: ActingQuery,
        headers: IfMatchHeaders,
        response: { 200: MeetingRecord },
        'x-authz': authz.signedIn("a party's lead or protocol officer; anyone else gets 404 or 403", {
          capability: 'act-on-request',
          scope: 'parties',
          denied: 404,
        }),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const meeting = await announceMeeting(ctx, actorOf(request), summit, id, {
        expectedVersion: requireIfMatch(request),
        ...actingFor(request.query),
      });
      return withETag(reply, meeting);
    },
  );

  app.post(
    '/summits/:summit/requests/:request/meeting/alternative',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Take the slot offered to a bumped meeting (notices.bumped.alternative), in one step; 409 when it is no longer free',
        params: RequestParams,
        querystring: ActingQuery,
        body: AlternativeInput,
        response: { 200: MeetingRecord },
        'x-authz': authz.signedIn(
          "a party's lead or protocol officer, or the host's staff who place meetings; a party's viewer or adviser gets 403, anyone who may not see the request 404",
          { capability: 'act-on-request', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const meeting = await takeAlternative(
        ctx,
        actorOf(request),
        summit,
        id,
        request.body,
        actingFor(request.query),
      );
      return withETag(reply, meeting);
    },
  );

  app.post(
    '/summits/:summit/requests/:request/meeting/check',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Check a placement against every hard rule without writing it (the live check behind a drag)',
        params: RequestParams,
        querystring: ActingQuery,
        body: Slot,
        response: { 200: PlacementCheck },
        'x-authz': host(PLACERS),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      return checkPlacement(ctx, actorOf(request), summit, id, request.body, actingFor(request.query));
    },
  );

  app.get(
    '/summits/:summit/requests/:request/suggestions',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'The best free slots for the request among the meetings placed now (preferred first, then earlier)',
        params: RequestParams,
        querystring: SuggestionsInput,
        response: { 200: z.object({ suggestions: z.array(SuggestionRecord) }) },
        'x-authz': authz.signedIn(
          'whoever may see the request: its parties, and the host unless it is confidential; others get 404',
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      return { suggestions: await suggestSlots(ctx, actorOf(request), summit, id, request.query) };
    },
  );

  app.post(
    '/summits/:summit/requests/:request/what-if',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The best slot the request would get if one blocker (as an explanation names it) went away',
        params: RequestParams,
        body: WhatIfInput,
        response: { 200: WhatIfAnswer },
        'x-authz': authz.signedIn(
          'whoever may see the request: its parties, and the host unless it is confidential; others get 404',
          { capability: 'read', scope: 'parties', denied: 404 },
        ),
      },
    },
    async (request) => {
      const { summit, request: id } = request.params;
      return askWhatIf(ctx, actorOf(request), summit, id, request.body);
    },
  );
};
