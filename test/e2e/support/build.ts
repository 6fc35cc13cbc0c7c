// Makes sure web/dist is built from the current sources before a browser test serves it. Test files
// run in parallel processes: a lock folder lets one build while the others wait for it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isStale } from '../../../web/scripts/build-if-stale.js';
import { ROOT } from './server.js';

const LOCK = join(
  tmpdir(),
  `sideline-web-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
);
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // another process removed it meanwhile
    }
    return false;
  }
}

/** Builds the web app when web/dist is missing or older than web/src (a no-op otherwise). */
export async function ensureWebBuild(): Promise<void> {
  for (;;) {
    if (!isStale()) return;
    if (tryLock()) break;
    await sleep(500);
  }
  try {
    if (!isStale()) return;
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        join(ROOT, 'web', 'vite.config.ts'),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`the web build failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
