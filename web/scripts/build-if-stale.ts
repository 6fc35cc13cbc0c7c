// Whether web/dist is older than the app's sources: the browser tests and `npm run bench:web` rebuild
// it then, so they never test a stale build. (`npm ci` builds it through `prepare`; `npm start` never
// builds anything.)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('..', import.meta.url));
/** The inputs of the build: a change to any of them makes web/dist stale. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'scripts/ship-assets.ts'];

/** The newest modification time (ms) of a file or of any file under a folder; 0 if it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when web/dist has no index.html or is older than one of the sources. */
export function isStale(web = WEB): boolean {
  const index = join(web, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(web, s)) > built);
}
