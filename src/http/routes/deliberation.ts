// A delegation's private deliberation on a request: its positions and its decision. Only that
// delegation reads or writes it; everyone else, the host included, is told it does not exist.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decideOnRequest,
  readDeliberation,
  recordRequestPosition,
} from '../../app/deliberation/deliberation.js';
import { DecisionInput, PositionInput } from '../../app/deliberation/inputs.js';
import type { Stance } from '../../domain/deliberation/schema.js';
import { Decision, Position } from '../../domain/deliberation/schema.js';
import { DelegationId, PositionId } from '../../domain/ids.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { etagOf, IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { RequestParams, requireIfMatchOrAbsent, UpsertHeaders } from './common.js';

const PositionRecord = Position.meta({ id: 'Position' });
const DecisionRecord = Decision.meta({ id: 'Decision' });

const Summary = z.object({
  positions: z.number().int(),
  // one property per stance, each defined (a record keyed by the enum would require undefined ones)
  stances: z.object({
    for: z.number().int(),
    against: z.number().int(),
    undecided: z.number().int(),
  }) satisfies z.ZodType<Record<Stance, number>>,
  topics: z.array(z.object({ topic: z.string(), benefit: z.number(), risk: z.number(), net: z.number() })),
  benefit: z.number(),
  risk: z.number(),
});

/** A delegation's deliberation on a request, as the OpenAPI document names it. */
export const DeliberationView = z
  .object({
    request: z.string(),
    delegation: DelegationId,
    positions: z.array(PositionRecord),
    decision: DecisionRecord.nullable(),
    summary: Summary.describe('Stances counted and weighted benefits and risks per topic'),
  })
  .meta({ id: 'Deliberation' });

const WhoseQuery = z.object({
  delegation: DelegationId.optional().describe('Your party delegation, when you hold roles in several'),
});

const ownOnly = (who: string) =>
  authz.signedIn(`${who} of a party delegation, for its own deliberation; anyone else gets 404`, {
    capability: 'read',
    scope: 'delegation',
    denied: 404,
  });

/** /api/summits/:summit/requests/:request/deliberation… */
export const deliberationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/requests/:request/deliberation',
    {
      schema: {
        tags: ['deliberation'],
        summary:
          'Your delegation\'s positions, decision and totals; the ETag is the decision\'s ("0" before there is one)',
        params: RequestParams,
        querystring: WhoseQuery,
        response: { 200: DeliberationView },
        'x-authz': ownOnly('any member'),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const view = await readDeliberation(ctx, actorOf(request), summit, id, request.query.delegation);
      reply.header('etag', etagOf(view.decision?.version ?? 0));
      return view;
    },
  );

  app.post(
    '/summits/:summit/requests/:request/deliberation/positions',
    {
      schema: {
        tags: ['deliberation'],
        summary: 'Record a position: who holds it, the stance, the rationale and the considerations',
        params: RequestParams,
        body: PositionInput.omit({ id: true }),
        response: { 201: PositionRecord },
        'x-authz': ownOnly('an adviser, protocol officer or lead'),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const position = await recordRequestPosition(ctx, actorOf(request), summit, id, request.body);
      return reply.code(201).send(withETag(reply, position));
    },
  );

  app.put(
    '/summits/:summit/requests/:request/deliberation/positions/:id',
    {
      schema: {
        tags: ['deliberation'],
        summary: "Amend a position (its author or the lead; If-Match: the position's ETag)",
        params: RequestParams.extend({ id: PositionId }),
        headers: IfMatchHeaders,
        body: PositionInput.omit({ id: true }),
        response: { 200: PositionRecord },
        'x-authz': ownOnly("the position's author or the lead"),
      },
    },
    async (request, reply) => {
      const { summit, request: id, id: position } = request.params;
      const expectedVersion = requireIfMatch(request);
      const amended = await recordRequestPosition(
        ctx,
        actorOf(request),
        summit,
        id,
        { ...request.body, id: position },
        { expectedVersion },
      );
      return withETag(reply, amended);
    },
  );

  app.put(
    '/summits/:summit/requests/:request/deliberation/decision',
    {
      schema: {
        tags: ['deliberation'],
        summary:
          'Decide: pursue, decline, defer or downgrade (If-Match: the ETag of the deliberation read; "0" or If-None-Match: * for the first)',
        params: RequestParams,
        headers: UpsertHeaders,
        body: DecisionInput,
        response: { 200: DecisionRecord },
        'x-authz': ownOnly('the lead'),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const expectedVersion = requireIfMatchOrAbsent(request);
      const decision = await decideOnRequest(ctx, actorOf(request), summit, id, request.body, {
        expectedVersion,
      });
      return withETag(reply, decision);
    },
  );
};
