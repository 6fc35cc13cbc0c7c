// The summit's logistics records (venues, rooms, delegations, persons, programme, busy blocks), the
// agenda of one person and the host's room utilisation.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAgenda } from '../../app/logistics/agenda.js';
import type { EntityUseCases } from '../../app/logistics/entity.js';
import { busy, delegations, persons, programme, rooms, venues } from '../../app/logistics/specs.js';
import { roomUtilisation } from '../../app/logistics/utilisation.js';
import {
  BusyId,
  DelegationId,
  PersonId,
  ProgrammeEventId,
  RequestId,
  RoomId,
  VenueId,
} from '../../domain/ids.js';
import { Busy, Delegation, Person, ProgrammeEvent, Room, Venue } from '../../domain/summit/schema.js';
import { Instant } from '../../domain/time.js';
import { actorOf } from '../auth/authenticate.js';
import { authz, type Authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { Page, PageQuery, paginate } from '../pagination.js';
import { ForceQuery, forceOf, SummitParams } from './common.js';

interface Kind {
  /** The path segment: `/summits/:summit/<path>`. */
  path: string;
  /** Singular, for summaries. */
  noun: string;
  record: z.ZodObject;
  id: z.ZodType<string>;
  uses: EntityUseCases<{ id: string; version: number }>;
  /** Who may write, for x-authz. */
  writers: Authz;
  /** Who may read, for x-authz. */
  readers: Authz;
}

const everyone = authz.signedIn('participants of the summit; others get 404', {
  capability: 'read',
  scope: 'summit',
  denied: 404,
});
const hostWrites = authz.signedIn("the host's admin; others get 403", {
  capability: 'manage-logistics',
  scope: 'host',
  denied: 403,
});

/** The logistics records as the OpenAPI document names them (shared with composite reads). */
export const VenueRecord = Venue.meta({ id: 'Venue' });
/** A room, as the OpenAPI document names it. */
export const RoomRecord = Room.meta({ id: 'Room' });
/** A delegation, as the OpenAPI document names it. */
export const DelegationRecord = Delegation.meta({ id: 'Delegation' });
/** A person, as the OpenAPI document names it. */
export const PersonRecord = Person.meta({ id: 'Person' });

const kind = <T extends { id: string; version: number }>(
  path: string,
  noun: string,
  record: z.ZodObject,
  idSchema: z.ZodType<string>,
  uses: EntityUseCases<T>,
  access: { readers?: Authz; writers?: Authz } = {},
): Kind => ({
  path,
  noun,
  record,
  id: idSchema,
  uses: uses as unknown as Kind['uses'],
  readers: access.readers ?? everyone,
  writers: access.writers ?? hostWrites,
});

const KINDS: readonly Kind[] = [
  kind('venues', 'venue', VenueRecord, VenueId, venues),
  kind('rooms', 'room', RoomRecord, RoomId, rooms),
  kind('delegations', 'delegation', DelegationRecord, DelegationId, delegations),
  kind('persons', 'person', PersonRecord, PersonId, persons, {
    writers: authz.signedIn("the host's admin, or the person's own delegation (lead or protocol officer)", {
      capability: 'act-on-request',
      scope: 'delegation',
      denied: 403,
    }),
  }),
  kind(
    'programme',
    'programme event',
    ProgrammeEvent.meta({ id: 'ProgrammeEvent' }),
    ProgrammeEventId,
    programme,
  ),
  kind('busy', 'busy block', Busy.meta({ id: 'Busy' }), BusyId, busy, {
    readers: authz.signedIn(
      "the person's own delegation only (the host included never reads them); others list none and get 404 for one",
      { capability: 'read', scope: 'delegation', denied: 404 },
    ),
    writers: authz.signedIn(
      "the person's own delegation (lead or protocol officer); others get 403, or 404 for a block they cannot see",
      { capability: 'act-on-request', scope: 'delegation', denied: 404 },
    ),
  }),
];

/** One line of an agenda: a commitment in full, or only "busy" where the reader may not see it. */
const AgendaEntry = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('private'),
      busy: BusyId,
      from: Instant,
      to: Instant,
      venue: VenueId.nullable(),
      label: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('meeting'),
      request: RequestId,
      from: Instant,
      to: Instant,
      room: RoomId.nullable(),
      announced: z.boolean(),
    }),
    z.object({
      kind: z.literal('programme'),
      event: ProgrammeEventId,
      title: z.string(),
      from: Instant,
      to: Instant,
      venue: VenueId.nullable(),
    }),
    z.object({ kind: z.literal('busy'), from: Instant, to: Instant }),
  ])
  .meta({ id: 'AgendaEntry' });

const RoomDay = z
  .object({
    room: RoomId,
    date: z.string().describe('The summit day, YYYY-MM-DD in the summit zone'),
    availableMinutes: z.number(),
    bookedMinutes: z.number().describe('Overlapping meetings count once'),
    ratio: z.number().nullable().describe('booked / available; null when the room is closed that day'),
  })
  .meta({ id: 'RoomDay' });

/** /api/summits/:summit/{venues|rooms|delegations|persons|programme|busy}[/:id], agenda and utilisation. */
export const logisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  // registered before /rooms/:id so the static segment wins
  app.get(
    '/summits/:summit/rooms/utilisation',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Per room and summit day: booked minutes against available minutes',
        params: SummitParams,
        querystring: PageQuery,
        response: { 200: Page(RoomDay) },
        'x-authz': authz.signedIn("the host's staff; delegations get 403", {
          capability: 'read-logistics',
          scope: 'host',
          denied: 403,
        }),
      },
    },
    async (request) => {
      const days = await roomUtilisation(ctx, actorOf(request), request.params.summit);
      return paginate(days, request.query, (d) => [d.room, d.date]);
    },
  );

  app.get(
    '/summits/:summit/persons/:id/agenda',
    {
      schema: {
        tags: ['logistics'],
        summary: "A person's commitments in time order; what you may not read shows only as busy",
        params: SummitParams.extend({ id: PersonId }),
        querystring: PageQuery,
        response: { 200: Page(AgendaEntry) },
        'x-authz': authz.signedIn(
          "participants; another delegation's private commitments and unannounced meetings come as {kind: busy, from, to}",
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request) => {
      const agenda = await personAgenda(ctx, actorOf(request), request.params.summit, request.params.id);
      // the position in time order is the key: two "busy" lines may be alike in everything else
      const numbered = agenda.map((entry, n) => ({ entry, n }));
      const page = paginate(numbered, request.query, (x) => [x.n]);
      return { items: page.items.map((x) => x.entry), next: page.next };
    },
  );

  for (const k of KINDS) {
    const one = `/summits/:summit/${k.path}/:id`;
    const params = SummitParams.extend({ id: k.id });
    const input = k.record.omit({ version: true }).strict();
    const tags = ['logistics'];

    app.get(
      `/summits/:summit/${k.path}`,
      {
        config: { readCache: true },
        schema: {
          tags,
          summary: `Every ${k.noun} you may see, by id`,
          params: SummitParams,
          querystring: PageQuery,
          response: { 200: Page(k.record) },
          'x-authz': k.readers,
        },
      },
      async (request) => {
        const all = await k.uses.list(ctx, actorOf(request), request.params.summit);
        return paginate(all, request.query, (r) => [r.id]);
      },
    );

    app.post(
      `/summits/:summit/${k.path}`,
      {
        schema: {
          tags,
          summary: `Add a ${k.noun}; 409 breaks-meeting when it would break a confirmed or pinned meeting`,
          params: SummitParams,
          querystring: ForceQuery,
          body: input,
          response: { 201: k.record },
          'x-authz': k.writers,
        },
      },
      async (request, reply) => {
        const added = await k.uses.add(
          ctx,
          actorOf(request),
          request.params.summit,
          request.body,
          forceOf(request.query),
        );
        return reply.code(201).send(withETag(reply, added));
      },
    );

    app.get(
      one,
      {
        config: { readCache: true },
        schema: {
          tags,
          summary: `One ${k.noun}`,
          params,
          response: { 200: k.record },
          'x-authz': k.readers,
        },
      },
      async (request, reply) =>
        withETag(reply, await k.uses.get(ctx, actorOf(request), request.params.summit, request.params.id)),
    );

    app.put(
      one,
      {
        schema: {
          tags,
          summary: `Replace a ${k.noun} (the whole record; If-Match: its ETag); 409 breaks-meeting when it would break a confirmed or pinned meeting`,
          params,
          querystring: ForceQuery,
          headers: IfMatchHeaders,
          body: input,
          response: { 200: k.record },
          'x-authz': k.writers,
        },
      },
      async (request, reply) => {
        const changed = await k.uses.change(
          ctx,
          actorOf(request),
          request.params.summit,
          request.params.id,
          request.body,
          requireIfMatch(request),
          forceOf(request.query),
        );
        return withETag(reply, changed);
      },
    );

    app.delete(
      one,
      {
        schema: {
          tags,
          summary: `Remove a ${k.noun} (If-Match: its ETag)`,
          params,
          querystring: ForceQuery,
          headers: IfMatchHeaders,
          response: { 204: z.undefined() },
          'x-authz': k.writers,
        },
      },
      async (request, reply) => {
        await k.uses.remove(
          ctx,
          actorOf(request),
          request.params.summit,
          request.params.id,
          requireIfMatch(request),
          forceOf(request.query),
        );
        return reply.code(204).send();
      },
    );
  }
};
