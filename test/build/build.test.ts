// The built tree is what production runs: the compiled server holds the modules of src/ and nothing
// of the tests, the CLI starts from it loading only the command it runs, the solver's thread runs
// compiled code, and the web build ships compressed assets without source maps.
// (test/global-setup.ts builds dist/ and web/dist/ before a run that includes this file.)
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandName } from '../../src/cli/commands/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const WEB_DIST = join(ROOT, 'web', 'dist');
const BIN = join(ROOT, 'bin', 'sideline.js');
const run = promisify(execFile);

/** Packages only tests and development use: none may be imported by production code. */
const TEST_ONLY = [
  'vitest',
  'fast-check',
  'playwright-core',
  '@axe-core/playwright',
  '@testing-library/react',
  'happy-dom',
  'autocannon',
  'highs',
  'ical.js',
  'tsx',
];
const importsOf = (code: string) =>
  [...code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/gu)].map((m) => m[1] ?? '');
const importsTestOnly = (code: string) =>
  importsOf(code).filter((s) => TEST_ONLY.some((p) => s === p || s.startsWith(`${p}/`)));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Runs bin/sideline.js with a module-resolution hook that names every file of ours it loads. */
async function loadedBy(args: string[], cwd: string): Promise<string[]> {
  const hook = `data:text/javascript,${encodeURIComponent(
    'export async function resolve(s, c, next) { const r = await next(s, c);' +
      " if (r.url.startsWith('file:')) process.stderr.write('loaded ' + r.url + '\\n'); return r; }",
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(
    `import { register } from 'node:module'; register(${JSON.stringify(hook)});`,
  )}`;
  const { stderr } = await run(process.execPath, ['--import', register, BIN, ...args], { cwd });
  return [...stderr.matchAll(/^loaded file:\/\/(.+)$/gmu)].map((m) => relative(ROOT, m[1] ?? ''));
}

describe('the compiled server (dist/)', () => {
  it('holds one module per module of src/, plus the files src/ reads at run time, and no test code', () => {
    const src = new Set(walk(join(ROOT, 'src')).map((f) => relative(join(ROOT, 'src'), f)));
    const built = walk(DIST).map((f) => relative(DIST, f));
    const strays = built.filter((f) => {
      if (f === 'build-info.json') return false;
      if (f.endsWith('.js.map')) return !src.has(f.replace(/\.js\.map$/u, '.ts'));
      if (f.endsWith('.js')) return !src.has(f.replace(/\.js$/u, '.ts'));
      return !src.has(f);
    });
    expect(strays).toEqual([]);
    for (const f of src) if (f.endsWith('.ts')) expect(built, f).toContain(f.replace(/\.ts$/u, '.js'));
    const testish = built.filter((f) =>
      /(^|\/)(test|tests|__tests__|fixtures?)\/|\.(test|spec|fixture)\./u.test(f),
    );
    expect(testish).toEqual([]);
    const offenders = built
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => importsTestOnly(readFileSync(join(DIST, f), 'utf8')).map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('src/ holds production code only: no test files, no imports of test tools', () => {
    const files = walk(join(ROOT, 'src')).map((f) => relative(ROOT, f));
    expect(
      files.filter((f) =>
        /\.(test|spec|fixture)\.|(^|\/)(test-support|fixtures?|arbitraries)(\/|\.)/u.test(f),
      ),
    ).toEqual([]);
    const offenders = files
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsTestOnly(readFileSync(join(ROOT, f), 'utf8')).map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('records the version and the commit it was built from, which `sideline --version` prints', async () => {
    const info = JSON.parse(readFileSync(join(DIST, 'build-info.json'), 'utf8')) as {
      version: string;
      commit: string;
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(info.version).toBe(pkg.version);
    expect(info.commit).toMatch(/^([0-9a-f]{40}(-dirty)?|unknown)$/u);
    const { stdout } = await run(process.execPath, [BIN, '--version']);
    expect(stdout).toContain(`sideline ${pkg.version} (commit ${info.commit}, built `);
  });
});

describe('the compiled CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-build-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every command in --help, loading no command module, the app or the server', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--help']);
    for (const c of COMMANDS) expect(stdout).toContain(c.usage);
    const loaded = await loadedBy(['--help'], dir);
    expect(loaded).toContain('dist/cli/main.js');
    expect(loaded.filter((f) => f.startsWith('dist/') && !/^dist\/cli\/[a-z-]+\.js$/u.test(f))).toEqual([
      'dist/cli/commands/index.js',
    ]);
    expect(
      loaded.filter((f) => f.startsWith('node_modules/') && !f.startsWith('node_modules/commander/')),
    ).toEqual([]);
  });

  it('loads only the module of the command it runs: `requests` loads neither the HTTP server nor pg', async () => {
    const db = join(dir, 'demo.db');
    await run(process.execPath, [BIN, 'demo', '--db', db], {
      env: { ...process.env, SIDELINE_DEMO_PASSWORD: 'harbour lantern sideline 2017' },
    });
    const loaded = await loadedBy(['requests', '--db', db], dir);
    expect(loaded).toContain('dist/cli/commands/requests.js');
    const others = COMMANDS.map(commandName)
      .filter((n) => n !== 'requests' && n !== 'show')
      .map((n) => `dist/cli/commands/${n}.js`);
    expect(loaded.filter((f) => others.includes(f))).toEqual([]);
    expect(loaded.filter((f) => /^dist\/(http|engine\/worker)\//u.test(f))).toEqual([]);
    expect(loaded.filter((f) => /^node_modules\/(pg|fastify|@fastify|pino)\//u.test(f))).toEqual([]);
  });

  it('plans a summit file in a worker thread that runs the compiled solver', async () => {
    const out = join(dir, 'result.json');
    const file = join(ROOT, 'examples', 'apec-2017-danang.yaml');
    const loaded = await loadedBy(['schedule', file, '--time-limit', '1', '--out', out], dir);
    expect(existsSync(out)).toBe(true);
    // the thread's modules resolve through the same hook: compiled JavaScript, never TypeScript
    expect(loaded).toContain('dist/engine/worker/worker-entry.js');
    expect(loaded.filter((f) => f.endsWith('.ts') || f.startsWith('node_modules/tsx/'))).toEqual([]);
  }, 60_000);
});

describe('the web build (web/dist)', () => {
  const files = () => walk(WEB_DIST).map((f) => relative(WEB_DIST, f));

  it('holds no source map and points to none; the maps are kept beside it, in web/sourcemaps', () => {
    expect(files().filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files().filter((f) => /\.(js|css)$/u.test(f))) {
      expect(readFileSync(join(WEB_DIST, f), 'utf8'), f).not.toMatch(/sourceMappingURL/u);
    }
    expect(walk(join(ROOT, 'web', 'sourcemaps')).some((f) => f.endsWith('.js.map'))).toBe(true);
  });

  it('has a brotli and a gzip copy of every script and style sheet worth compressing', () => {
    const all = new Set(files());
    const big = files().filter(
      (f) => /\.(js|css)$/u.test(f) && readFileSync(join(WEB_DIST, f)).length >= 1024,
    );
    expect(big.length).toBeGreaterThan(0);
    for (const f of big) {
      expect(all.has(`${f}.br`), `${f}.br`).toBe(true);
      expect(all.has(`${f}.gz`), `${f}.gz`).toBe(true);
    }
  });
});
