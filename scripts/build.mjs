#!/usr/bin/env node
// Builds what production runs: the server (src/ → dist/, one JavaScript module per TypeScript
// module) and the web app (web/ → web/dist/, precompressed, source maps kept aside in
// web/sourcemaps/). Plain JavaScript so that `npm ci --omit=dev`, which has no build tools, can still
// run it (as `prepare`) and keep an artifact built before.
//
//   node scripts/build.mjs [server] [web] [--if-tools]
//
// --if-tools: when the build tools are not installed (a production install), keep the artifact that
// is there instead of failing; fail only when there is none.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the compiled server goes. */
export const DIST = join(ROOT, 'dist');
/** The file that records what was built, from which commit. */
export const BUILD_INFO = join(DIST, 'build-info.json');

/** Files under src/ that the server reads at run time besides its modules (copied as they are). */
const ASSET = /\.(txt|json)$/u;

/** Every file under `dir`, as paths. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The commit the tree was built from (`-dirty` when tracked files differ from it), or "unknown". */
function commitOf() {
  if (process.env.SIDELINE_COMMIT) return process.env.SIDELINE_COMMIT;
  try {
    const git = (...args) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** Whether a package can be loaded from the root's node_modules. */
function installed(name) {
  return existsSync(join(ROOT, 'node_modules', name, 'package.json'));
}

/** Compiles src/ into dist/ with esbuild (no bundling: the module graph stays as written). */
export async function buildServer() {
  const { build } = await import('esbuild');
  const files = walk(join(ROOT, 'src'));
  rmSync(DIST, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir: DIST,
    outbase: join(ROOT, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // maps for `node --enable-source-maps` stack traces; they are never served
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const f of files.filter((f) => ASSET.test(f))) {
    const to = join(DIST, relative(join(ROOT, 'src'), f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const info = { version, commit: commitOf(), builtAt: new Date().toISOString() };
  writeFileSync(BUILD_INFO, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** Builds the web app into web/dist with Vite (its config precompresses and moves the maps aside). */
export function buildWeb() {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'web', 'vite.config.ts')], {
    cwd: join(ROOT, 'web'),
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the web build failed (see above)');
}

async function main(args) {
  const ifTools = args.includes('--if-tools');
  const targets = args.filter((a) => !a.startsWith('--'));
  const want = (t) => targets.length === 0 || targets.includes(t);
  const steps = [
    want('server') && { name: 'server', tool: 'esbuild', built: BUILD_INFO, run: buildServer },
    want('web') && {
      name: 'web app',
      tool: 'vite',
      built: join(ROOT, 'web', 'dist', 'index.html'),
      run: buildWeb,
    },
  ].filter(Boolean);
  for (const step of steps) {
    if (!installed(step.tool)) {
      if (ifTools && existsSync(step.built)) {
        console.error(`build: ${step.tool} is not installed; keeping the ${step.name} built before`);
        continue;
      }
      throw new Error(
        `${step.tool} is not installed and there is no ${step.name} built before (${relative(ROOT, step.built)}):` +
          ' build with `npm ci` (dev dependencies included) first, then install with --omit=dev',
      );
    }
    const started = Date.now();
    const info = await step.run();
    const what = info ? ` (${info.version}, commit ${info.commit.slice(0, 12)})` : '';
    console.error(`build: ${step.name}${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
