// The web app's build served from the API's origin: files, the SPA fallback, and what stays a 404.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/http/errors.js';
import { webApp } from '../../src/http/web.js';

const INDEX = '<!doctype html><title>Sideline</title><div id="root"></div>';

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, 'favicon.svg'), '<svg/>');
    await writeFile(join(dir, '..', 'secret.txt'), 'not for the web').catch(() => undefined);
    app = Fastify();
    registerErrorHandling(app);
    app.get('/api/health', async () => ({ ok: true }));
    await app.register(webApp, { root: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at the root, to be revalidated on every load', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toBe(INDEX);
  });

  it("answers a deep link of the app's router with index.html", async () => {
    const r = await app.inject({ method: 'GET', url: '/s/apec-2017/requests/usa-rus?party=rus' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe(INDEX);
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const r = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('console.log(1)');
    expect(r.headers['cache-control']).toContain('immutable');
    expect(r.headers['cache-control']).toContain('max-age=31536000');
  });

  it('serves other files of the build without long caching', async () => {
    const r = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).not.toContain('immutable');
  });

  it('answers a missing file with a 404 problem, not the page', async () => {
    const r = await app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });

  it('leaves unknown /api and /ical paths to the 404 problem', async () => {
    for (const url of ['/api/nowhere', '/api', '/ical/not-a-token.ics']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().code, url).toBe('not-found');
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });
  });

  it('never serves a file from outside the build', async () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/a%00b',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.body, url).not.toContain('not for the web');
    }
  });

  it('registers nothing without a build, leaving the server to the API', async () => {
    const bare = Fastify();
    registerErrorHandling(bare);
    await bare.register(webApp, { root: join(dir, 'no-such-build') });
    const r = await bare.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(404);
    await bare.close();
  });
});
