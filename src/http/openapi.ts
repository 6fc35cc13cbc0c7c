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

/** Every `#/components/schemas/X` that a JSON value refers to, directly. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/'))
        into.add(decodeURIComponent(v.slice('#/components/schemas/'.length)));
      else refsIn(v, into);
    }
  }
  return into;
}

/** The document without the component schemas that no operation reaches, directly or through others. */
export function withoutUnusedSchemas<T>(document: T): T {
  const doc = document as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const reached = new Set<string>();
  const pending = [...refsIn(doc.paths, new Set())];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    pending.push(...refsIn(schemas[name], new Set()));
  }
  doc.components!.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return document;
}

/** Registers @fastify/swagger (OpenAPI 3.1), GET /api/openapi.json and the Swagger UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sideline API',
        version,
        // not open source (package.json: UNLICENSED); a LicenseRef- is SPDX's form for such terms
        license: { name: 'Proprietary', identifier: 'LicenseRef-Sideline-Proprietary' },
        description:
          'Coordinates the meetings held on the sidelines of multilateral summits. Errors are ' +
          'application/problem+json (RFC 9457) with a stable `code`. Cookie-authenticated writes need ' +
          'the x-csrf-token header; updates need If-Match; POSTs accept Idempotency-Key (a retry with ' +
          'the same key within 24 hours gets the first answer again). Each operation ' +
          'carries `x-authz`: who may call it.',
      },
      // relative: the document describes whichever server serves it
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (sl_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // the zod provider adds an input and an output variant of every named schema; keep those used
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });

  app.get(
    OPENAPI_PATH,
    { schema: { hide: true, 'x-authz': authz.public('anyone: the API description') } },
    async () => app.swagger(),
  );

  await app.register(swaggerUi, { routePrefix: DOCS_PATH, theme: { title: 'Sideline API' } });
}
