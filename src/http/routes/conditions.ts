// Conditions on a request: propose one, accept, reject or withdraw it, or counter it with another.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerRequestCondition,
  counterRequestCondition,
  proposeRequestCondition,
  type ConditionOutcome,
} from '../../app/requests/conditions.js';
import { NewCondition, OverridableInput } from '../../app/requests/inputs.js';
import { ConditionId } from '../../domain/ids.js';
import type { FastifyReply } from 'fastify';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch, withETag } from '../concurrency/etag.js';
import { ActingQuery, actingFor, RequestParams } from './common.js';
import { ConditionRecord, RequestRecord } from './requests.js';

const Outcome = z
  .object({ request: RequestRecord, conditions: z.array(ConditionRecord) })
  .meta({ id: 'ConditionOutcome' });
const ConditionParams = RequestParams.extend({ condition: ConditionId });
const ANSWERS = ['accept', 'reject', 'withdraw'] as const;

const party = (who: string) =>
  authz.signedIn(`${who}; anyone who may not see the request gets 404`, {
    capability: 'act-on-request',
    scope: 'parties',
    denied: 404,
  });

/** Sends the outcome with the ETag of the condition acted on. */
function answered(reply: FastifyReply, outcome: ConditionOutcome, id: string): ConditionOutcome {
  const condition = outcome.conditions.find((c) => c.id === id);
  if (condition) withETag(reply, condition);
  return outcome;
}

/** /api/summits/:summit/requests/:request/conditions… */
export const conditionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.post(
    '/summits/:summit/requests/:request/conditions',
    {
      schema: {
        tags: ['conditions'],
        summary: 'Set a condition; the request moves to conditions-pending while any is open',
        params: RequestParams,
        querystring: ActingQuery,
        body: NewCondition,
        response: { 201: Outcome },
        'x-authz': party("a party's lead or protocol officer"),
      },
    },
    async (request, reply) => {
      const { summit, request: id } = request.params;
      const outcome = await proposeRequestCondition(
        ctx,
        actorOf(request),
        summit,
        id,
        request.body,
        actingFor(request.query),
      );
      return reply.code(201).send(outcome);
    },
  );

  for (const answer of ANSWERS) {
    app.post(
      `/summits/:summit/requests/:request/conditions/:condition/${answer}`,
      {
        schema: {
          tags: ['conditions'],
          summary:
            answer === 'withdraw'
              ? "Withdraw your own condition (If-Match: the condition's ETag)"
              : `${answer === 'accept' ? 'Accept' : 'Reject'} another party's condition (If-Match: the condition's ETag)`,
          params: ConditionParams,
          querystring: ActingQuery,
          headers: IfMatchHeaders,
          // accept: the lead's override of a decision ("defer", "decline") that stands against it
          ...(answer === 'accept' ? { body: OverridableInput.nullish() } : {}),
          response: { 200: Outcome },
          'x-authz': party(
            answer === 'withdraw'
              ? 'the lead or protocol officer of the party that set it'
              : 'the lead or protocol officer of another party',
          ),
        },
      },
      async (request, reply) => {
        const { summit, request: id, condition } = request.params;
        const expectedVersion = requireIfMatch(request);
        const override = (request.body as OverridableInput | null | undefined)?.override;
        const outcome = await answerRequestCondition(ctx, actorOf(request), summit, id, condition, answer, {
          expectedVersion,
          ...actingFor(request.query),
          ...(override ? { override } : {}),
        });
        return answered(reply, outcome, condition);
      },
    );
  }

  app.post(
    '/summits/:summit/requests/:request/conditions/:condition/counter',
    {
      schema: {
        tags: ['conditions'],
        summary: "Reject a condition and propose another in its place (If-Match: the condition's ETag)",
        params: ConditionParams,
        querystring: ActingQuery,
        headers: IfMatchHeaders,
        body: NewCondition,
        response: { 200: Outcome },
        'x-authz': party('the lead or protocol officer of another party'),
      },
    },
    async (request, reply) => {
      const { summit, request: id, condition } = request.params;
      const expectedVersion = requireIfMatch(request);
      const outcome = await counterRequestCondition(
        ctx,
        actorOf(request),
        summit,
        id,
        condition,
        request.body,
        {
          expectedVersion,
          ...actingFor(request.query),
        },
      );
      return answered(reply, outcome, condition);
    },
  );
};
