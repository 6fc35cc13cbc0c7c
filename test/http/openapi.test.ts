// The served OpenAPI document is a contract others build clients on: it passes Redocly's recommended
// lint with no error and no warning, and every operation has an operationId and says its security,
// including routes added later (derived from their path and x-authz unless they name their own).
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authz } from '../../src/http/authz.js';
import { buildServer } from '../../src/http/server.js';
import { deriveOperationId } from '../../src/http/operation-id.js';
import { openTestStore } from '../app/auth/testing/stores.js';
import { startTestServer, type TestServer } from './testing.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-authz'?: { access: string; sessionOnly?: boolean };
}
type Doc = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  let s: TestServer;
  let source: string;

  beforeAll(async () => {
    s = await startTestServer('sqlite', undefined);
    source = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
  }, 60_000);
  afterAll(async () => s?.dispose());

  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`),
    ).toEqual([]);
  }, 60_000);

  it('gives every operation a unique operationId and the security its x-authz says', () => {
    const doc = JSON.parse(source) as Doc;
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of ops) {
      const rule = op['x-authz'];
      if (rule?.access === 'public') expect(op.security, where).toEqual([]);
      else expect(op.security?.length, where).toBeGreaterThan(0);
    }
    expect(JSON.parse(source)).toMatchObject({ servers: [{ url: '/' }] });
  });
});

describe('a route added without an operationId or security', () => {
  const later: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/summits/:summit/widgets/:widget',
      {
        schema: {
          params: z.object({ summit: z.string(), widget: z.string() }),
          'x-authz': authz.public('anyone'),
        },
      },
      async () => ({}),
    );
    app.post(
      '/summits/:summit/widgets',
      { schema: { 'x-authz': authz.signedIn('participants', { sessionOnly: true }) } },
      async () => ({}),
    );
    app.get(
      '/summits/:summit/gadgets',
      { schema: { operationId: 'listGadgets', 'x-authz': authz.signedIn('participants') } },
      async () => [],
    );
  };

  it('is documented with one derived from its path, and the security of its x-authz', async () => {
    const t = await openTestStore('sqlite', undefined);
    const app = await buildServer({ store: t.store });
    await app.register(later, { prefix: '/api' });
    await app.ready();
    try {
      const doc = app.swagger() as unknown as Doc;
      expect(doc.paths['/api/summits/{summit}/widgets/{widget}']?.get).toMatchObject({
        operationId: 'getSummitsWidgetsByWidget',
        security: [],
      });
      expect(doc.paths['/api/summits/{summit}/widgets']?.post).toMatchObject({
        operationId: 'postSummitsWidgets',
        security: [{ session: [] }],
      });
      expect(doc.paths['/api/summits/{summit}/gadgets']?.get).toMatchObject({
        operationId: 'listGadgets',
        security: [{ session: [] }, { bearer: [] }],
      });
    } finally {
      await app.close();
      await t.dispose();
    }
  });

  it('is refused at start when its operationId is taken by another route', async () => {
    const t = await openTestStore('sqlite', undefined);
    const app = await buildServer({ store: t.store });
    const clash: FastifyPluginAsyncZod = async (a) => {
      a.get(
        '/summits/:summit/one',
        { schema: { operationId: 'same', 'x-authz': authz.public('x') } },
        async () => 1,
      );
      a.get(
        '/summits/:summit/two',
        { schema: { operationId: 'same', 'x-authz': authz.public('x') } },
        async () => 2,
      );
    };
    try {
      await expect(app.register(clash, { prefix: '/api' }).ready()).rejects.toThrow(
        /routes GET \/api\/summits\/:summit\/one and GET \/api\/summits\/:summit\/two have the same operationId "same"/,
      );
    } finally {
      await app.close().catch(() => undefined);
      await t.dispose();
    }
  });

  it('derives names from the method and the path', () => {
    expect(deriveOperationId('GET', '/api/summits')).toBe('getSummits');
    expect(deriveOperationId('PUT', '/api/summits/:summit/requests/:request/public-line')).toBe(
      'putSummitsRequestsPublicLine',
    );
    expect(deriveOperationId('DELETE', '/api/summits/:summit/venues/:venue')).toBe(
      'deleteSummitsVenuesByVenue',
    );
  });
});
