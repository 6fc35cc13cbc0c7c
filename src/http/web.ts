// Serves the web app's production build (web/dist) from the API's own origin, with the SPA fallback:
// the brotli or gzip copy the build wrote beside a file when the client accepts it, hashed files
// cached for good, and never a source map (the build keeps those outside web/dist).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `vite build` writes the web app, relative to this module. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths that belong to the API or the calendar feeds: an unknown one is a 404, never the app's page. */
const NOT_THE_APP = /^\/(api|ical)(\/|$)/u;

/**
 * Files never served even if one were there: source maps (they publish the sources) and the
 * compressed copies, which are sent in place of their original, with its type, never on their own.
 */
const NEVER_SERVED = /\.(map|br|gz)$/iu;

/** Options of the web plugin; `root` defaults to web/dist. */
export interface WebOptions {
  root?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` a URL path names, or null when it would step outside. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

function sendIndex(reply: FastifyReply): FastifyReply {
  // the page names the current hashed bundles: it must be revalidated on every load
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html', { cacheControl: false });
}

/**
 * GET of any path outside /api and /ical: the file of that name in web/dist when there is one
 * (hashed assets cached for a year), else index.html so the app's router handles deep links.
 * Without a build (no index.html) it registers nothing and the server is the API alone.
 */
export async function webApp(app: FastifyInstance, options: WebOptions = {}): Promise<void> {
  const root = normalize(options.root ?? WEB_DIST);
  if (!existsSync(join(root, 'index.html'))) {
    app.log.info({ root }, 'no web build found: serving the API only (npm run build:web)');
    return;
  }
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_THE_APP.test(path) || NEVER_SERVED.test(path)) return reply.callNotFound();
    const file = fileFor(root, path);
    if (file === null) return reply.callNotFound();
    if (path !== '/' && path !== '/index.html' && (await isFile(file))) {
      const immutable = path.startsWith('/assets/');
      return reply.sendFile(file.slice(root.length).replace(/^[/\\]+/u, ''), {
        cacheControl: true,
        immutable,
        maxAge: immutable ? '365d' : 0,
      });
    }
    // a path with a file extension that does not exist is a missing file, not a page of the app
    if (/\.[a-z0-9]{1,8}$/iu.test(path) && path !== '/index.html') return reply.callNotFound();
    return sendIndex(reply);
  });
}
