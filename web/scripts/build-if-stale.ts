// `npm start` runs this first: builds web/dist when it is missing or older than the app's sources,
// so a fresh clone serves the web app after `npm ci && npm start` with nothing else to remember.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('..', import.meta.url));
/** The inputs of the build: a change to any of them makes web/dist stale. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'];

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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!isStale()) {
    console.error('sideline: web/dist is up to date');
  } else {
    console.error('sideline: building the web app (web/dist)…');
    const vite = join(WEB, '..', 'node_modules', 'vite', 'bin', 'vite.js');
    const run = spawnSync(process.execPath, [vite, 'build', '--config', join(WEB, 'vite.config.ts')], {
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      console.error(
        'sideline: the web build failed (see above); fix it, or run bin/sideline.js serve for the API alone',
      );
      process.exit(run.status ?? 1);
    }
  }
}
