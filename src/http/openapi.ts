// The OpenAPI 3.1 document (generated from the routes' zod schemas) and the docs page.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth/cookie.js';
import { authz } from './authz.js';

/** Where the document and the docs page are served. */
export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Registers @fastify/swagger (OpenAPI 3.1), GET /api/openapi.json and the Swagger UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sideline API',
        version,
        description:
          'Coordinates the meetings held on the sidelines of multilateral summits. Errors are ' +
          'application/problem+json (RFC 9457) with a stable `code`. Cookie-authenticated writes need ' +
          'the x-csrf-token header; updates need If-Match; POSTs accept Idempotency-Key (a retry with ' +
          'the same key within 24 hours gets the first answer again). Each operation ' +
          'carries `x-authz`: who may call it.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (sl_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.get(
    OPENAPI_PATH,
    { schema: { hide: true, 'x-authz': authz.public('anyone: the API description') } },
    async () => app.swagger(),
  );

  await app.register(swaggerUi, { routePrefix: DOCS_PATH, theme: { title: 'Sideline API' } });
}
