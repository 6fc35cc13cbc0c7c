// What `sideline --version` prints: the version and the commit the running code was built from.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Written by scripts/build.mjs beside the compiled modules (dist/build-info.json). */
interface BuildInfo {
  version: string;
  commit: string;
  builtAt: string;
}

/** One line: `sideline 0.1.0 (commit 1a2b3c4d5e6f, built 2026-…)`, or the sources' version and HEAD. */
export function versionText(): string {
  const info = new URL('../build-info.json', import.meta.url);
  if (existsSync(info)) {
    const b = JSON.parse(readFileSync(info, 'utf8')) as BuildInfo;
    return `sideline ${b.version} (commit ${b.commit}, built ${b.builtAt})`;
  }
  // run from the TypeScript sources (npm run dev): no build, so the checkout's own commit
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // not a git checkout: the commit stays unknown
  }
  return `sideline ${pkg.version} (commit ${commit}, development: running the sources)`;
}
