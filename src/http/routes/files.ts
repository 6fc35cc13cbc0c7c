// Summit files over HTTP: export as YAML or JSON, import a summit file or a CSV sheet of requests
// (the raw file as the body), create a summit from a file, and the meetings as CSV.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { exportSummitFile } from '../../app/files/export-summit.js';
import { createSummitFromFile, importIntoSummit, type ImportFormat } from '../../app/files/import-file.js';
import { meetingsCsv } from '../../app/files/meetings-csv.js';
import { actorOf } from '../auth/authenticate.js';
import { authz } from '../authz.js';
import { IfMatchHeaders, requireIfMatch } from '../concurrency/etag.js';
import { IMPORT_BODY_LIMIT } from '../limits.js';
import { HttpProblem } from '../problem.js';
import { SummitParams } from './common.js';
import { OPERATORS_ONLY } from './summits.js';

/** The media types an import reads, and the format each means. */
const MEDIA_TYPES: Readonly<Record<string, ImportFormat>> = {
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'application/json': 'json',
  'text/csv': 'csv',
};

const ImportSummary = z
  .object({ summit: z.string(), created: z.boolean() })
  .catchall(
    z.union([
      z.object({ inserted: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
      z.string(),
      z.boolean(),
    ]),
  )
  .describe('What changed: inserted, updated and removed records per kind (venues, rooms, requests…)')
  .meta({ id: 'ImportSummary' });

const FileText = z
  .string()
  .min(1)
  .describe('The file itself: a summit file (YAML or JSON), or a CSV sheet of requests');

/** The format of an import body from its media type; anything else is 415. */
function formatOf(request: FastifyRequest, allowed: readonly ImportFormat[]): ImportFormat {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = MEDIA_TYPES[type];
  if (format === undefined || !allowed.includes(format)) {
    const accepted = Object.entries(MEDIA_TYPES)
      .filter(([, f]) => allowed.includes(f))
      .map(([t]) => t);
    throw new HttpProblem(415, 'unsupported-media-type', `send the file as ${accepted.join(', ')}`);
  }
  return format;
}

/** The import routes: their bodies are raw text of any accepted media type, up to IMPORT_BODY_LIMIT. */
const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;
  // in this plugin only: JSON is a summit file to read as text (its errors carry paths), not a request body
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    Object.keys(MEDIA_TYPES),
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/summits/:summit/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['files'],
        summary:
          "Make the summit equal to a summit file, or add and replace requests from a CSV sheet (If-Match: the summit's ETag); " +
          'all or nothing: 400 lists every error with its path',
        consumes: Object.keys(MEDIA_TYPES),
        params: SummitParams,
        headers: IfMatchHeaders,
        body: FileText,
        response: { 200: ImportSummary },
        'x-authz': authz.signedIn(
          "a summit file: the host's admin; a CSV sheet: also a delegation's lead or protocol officer. " +
            'Every change is then authorised as the API would authorise it for the same caller: one it may not ' +
            'make refuses the import whole (403, `errors` naming each path or row); strangers get 404',
          { scope: 'summit', denied: 403 },
        ),
      },
    },
    async (request) => {
      const format = formatOf(request, ['yaml', 'json', 'csv']);
      const expectedVersion = requireIfMatch(request);
      return importIntoSummit(
        ctx,
        actorOf(request),
        request.params.summit,
        { text: request.body, format },
        expectedVersion,
      );
    },
  );

  app.post(
    '/summits/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        // the derived name would be that of POST /summits/:summit/import
        operationId: 'postSummitsImportNew',
        tags: ['files'],
        summary:
          'Create a summit from a summit file; you become its host-admin (409 if its id is taken); ' +
          '400 lists every error with its path',
        consumes: ['application/yaml', 'application/x-yaml', 'text/yaml', 'application/json'],
        body: FileText,
        response: { 201: ImportSummary },
        'x-authz': authz.signedIn(OPERATORS_ONLY, { scope: 'platform', denied: 403 }),
      },
    },
    async (request, reply) => {
      const format = formatOf(request, ['yaml', 'json']) as 'yaml' | 'json';
      const summary = await createSummitFromFile(ctx, actorOf(request), { text: request.body, format });
      return reply.code(201).send(summary);
    },
  );
};

/** /api/summits/:summit/export, /import, /api/summits/import and /meetings.csv. */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.deps.app;

  app.get(
    '/summits/:summit/export',
    {
      schema: {
        tags: ['files'],
        summary: 'The summit as a summit file, holding back what you may not see (it imports back as it is)',
        produces: ['application/yaml', 'application/json'],
        params: SummitParams,
        querystring: z.object({ format: z.enum(['yaml', 'json']).default('yaml') }),
        response: { 200: z.string().describe('The summit file') },
        'x-authz': authz.signedIn(
          'participants: requests they may see and their own busy blocks only; others get 404',
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request, reply) => {
      const { summit } = request.params;
      const { format } = request.query;
      const text = await exportSummitFile(ctx, actorOf(request), summit, format);
      return reply
        .type(format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${summit}.${format}"`)
        .send(text);
    },
  );

  app.get(
    '/summits/:summit/meetings.csv',
    {
      schema: {
        tags: ['files'],
        summary: 'The meetings you may see as CSV (RFC 4180), times local to the summit',
        produces: ['text/csv'],
        params: SummitParams,
        response: { 200: z.string().describe('request,parties,start,end,room,venue,attendees') },
        'x-authz': authz.signedIn(
          'participants: announced meetings and those of requests they may see; others get 404',
          { capability: 'read', scope: 'summit', denied: 404 },
        ),
      },
    },
    async (request, reply) => {
      const { summit } = request.params;
      const csv = await meetingsCsv(ctx, actorOf(request), summit);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${summit}-meetings.csv"`)
        .send(csv);
    },
  );

  await app.register(importRoutes);
};
