// The web app's build served from the API's origin: files, the SPA fallback, and what stays a 404.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/http/errors.js';
import { webApp } from '../../src/http/web.js';

const INDEX = '<!doctype html><title>Sideline</title><div id="root"></div>';
/** A bundle as the build leaves it: the file, its brotli and gzip copies, its map moved away. */
const BUNDLE = `export const names = [${Array.from({ length: 400 }, (_, i) => `"room-${i}"`).join(',')}];`;

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, 'favicon.svg'), '<svg/>');
    await writeFile(join(dir, 'assets', 'index-def456.js'), BUNDLE);
    await writeFile(join(dir, 'assets', 'index-def456.js.br'), brotliCompressSync(BUNDLE));
    await writeFile(join(dir, 'assets', 'index-def456.js.gz'), gzipSync(BUNDLE));
    // a map left in the build by mistake is still not served
    await writeFile(join(dir, 'assets', 'index-def456.js.map'), '{"sources":["secret.tsx"]}');
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

  it('sends the brotli copy to a client that accepts it, else gzip, else the file itself', async () => {
    const url = '/assets/index-def456.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);

    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);

    const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('never serves a source map or a compressed copy by its own name', async () => {
    for (const url of [
      '/assets/index-def456.js.map',
      '/assets/index-def456.js.br',
      '/assets/index-def456.js.gz',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.body, url).not.toContain('secret.tsx');
    }
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
