// `sideline serve` as a real process: configuration errors, first start with the demo, health, sign-in.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsFor } from '../../../src/app/auth/demo-accounts.js';
import { DEMO_FILE } from '../../../src/app/demo/apec-2017.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { serveConfig } from '../../../src/cli/commands/serve.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const DEMO_PASSWORD = 'demo passphrase for tests';

/** Runs the CLI to completion. */
function sideline(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** Starts `sideline serve` and resolves once it prints its address. */
function startServe(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  // a server that exited already (it refused its options) has nothing to stop
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { ready, stop, output: () => stdout };
}

describe('sideline serve', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-serve-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('validates port and host, naming the flag or the variable', () => {
    const config = (port: string, host = '127.0.0.1', source = 'cli') =>
      serveConfig({ port, host, demo: true, trustProxy: false }, { port: source, host: source });
    expect(config('8080')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      demo: true,
      trustProxy: false,
      rateLimits: { timeWindowMs: 60_000, max: 600, loginMax: 10 },
    });
    const limited = (rateLimit: string, source = 'cli') =>
      serveConfig(
        { port: '8080', host: '127.0.0.1', demo: true, trustProxy: false, rateLimit },
        { port: 'default', host: 'default', rateLimit: source },
      ).rateLimits;
    expect(limited('100/30s')).toEqual({ timeWindowMs: 30_000, max: 100, loginMax: 10 });
    expect(limited('5000/1h')).toEqual({ timeWindowMs: 3_600_000, max: 5000, loginMax: 10 });
    expect(limited('off')).toBe(false);
    expect(() => limited('lots')).toThrow('--rate-limit: "lots" is not a rate limit');
    expect(() => limited('10/1d', 'env')).toThrow('SIDELINE_RATE_LIMIT: "10/1d" is not a rate limit');
    expect(() => config('-1')).toThrow('--port "-1" is not a port number');
    expect(() => config('65536')).toThrow('--port "65536"');
    expect(() => config('80x')).toThrow('--port "80x"');
    expect(() => config('8080', ' ')).toThrow('--host " " is not a host name or address');
    expect(() => config('http', '::1', 'env')).toThrow('PORT "http"');
  });

  it('refuses a bad port or demo password with exit 1 and one line', () => {
    const flag = sideline(['serve', '--port', 'abc', '--db', join(dir, 'x.db')]);
    expect(flag.status).toBe(1);
    expect(flag.stderr.trim()).toBe(
      'sideline: --port "abc" is not a port number (0 to 65535; 0 picks a free one)',
    );
    const env = sideline(['serve', '--db', join(dir, 'x.db')], { PORT: '70000' });
    expect(env.status).toBe(1);
    expect(env.stderr.trim()).toMatch(/^sideline: PORT "70000" is not a port number/);
    const weak = sideline(['serve', '--db', join(dir, 'x.db')], { SIDELINE_DEMO_PASSWORD: 'short' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/SIDELINE_DEMO_PASSWORD: password refused/);
  });

  it('on an empty database loads the demo and its accounts once, then serves the API', async () => {
    const db = join(dir, 'demo.db');
    const first = startServe(['--db', db, '--create'], { SIDELINE_DEMO_PASSWORD: DEMO_PASSWORD });
    try {
      const base = await first.ready;
      expect(first.output()).toContain('loaded the APEC 2017 demo');
      expect(first.output()).toContain('usa-lead@demo.test');
      expect(first.output()).toContain(
        `password for all of them: ${DEMO_PASSWORD} (from SIDELINE_DEMO_PASSWORD)`,
      );
      const health = await fetch(`${base}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'usa-lead@demo.test', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { grants: unknown }).grants).toEqual([
        { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'delegation-lead' },
      ]);
      expect(login.headers.get('set-cookie')).toMatch(/sideline_session=.+HttpOnly; SameSite=Strict/);
      const viewer = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'jpn-viewer@demo.test', password: DEMO_PASSWORD }),
      });
      expect(viewer.status).toBe(200);
      expect(((await viewer.json()) as { grants: unknown }).grants).toEqual([
        { kind: 'delegation', summit: 'apec-2017', delegation: 'jpn', role: 'viewer' },
      ]);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = startServe(['--db', db]);
    try {
      await second.ready;
      expect(second.output()).not.toContain('loaded the APEC 2017 demo');
    } finally {
      await second.stop();
    }
  });

  it('prints every demo login once: a line per host account, then a line per delegation', async () => {
    const read = readSummitFile(await readFile(DEMO_FILE, 'utf8'), 'yaml');
    if (!read.ok) throw new Error('the demo summit file should read');
    const accounts = demoAccountsFor(read.data.delegations);
    const s = startServe(['--db', join(dir, 'table.db'), '--create']);
    try {
      await s.ready;
      // the server's own log lines may follow on stdout: the logins end with the password
      const all = s.output().split('\n');
      const lines = all.slice(0, all.findIndex((l) => l.includes('password for all of them')) + 1);
      expect(lines.slice(0, 2)).toEqual([
        'sideline: empty database: loaded the APEC 2017 demo',
        `sideline: created ${accounts.length} demo accounts, one per role and delegation:`,
      ]);
      expect(lines.slice(2, 5).map((l) => l.split(/\s{2,}/).filter(Boolean))).toEqual([
        ['host-admin', 'host-admin@demo.test'],
        ['host-staff', 'host-staff@demo.test'],
        ['delegation', 'delegation-lead', 'protocol-officer', 'adviser', 'viewer'],
      ]);
      // one line per delegation, its accounts in the header's role order
      expect(lines).toHaveLength(2 + 3 + read.data.delegations.length + 1);
      for (const d of read.data.delegations) {
        const line = lines.filter((l) => l.includes(`${d.id}-lead@demo.test`));
        const roles = ['delegation-lead', 'protocol-officer', 'adviser', 'viewer'];
        const emails = roles.map(
          (role) =>
            accounts.find(
              (a) => a.grant.kind === 'delegation' && a.grant.delegation === d.id && a.grant.role === role,
            )?.email,
        );
        expect(line.map((l) => l.trim().split(/\s{2,}/))).toEqual([[d.name, ...emails]]);
      }
      for (const a of accounts) expect(s.output().split(a.email)).toHaveLength(2);
      expect(lines.at(-1)).toMatch(/^ {2}password for all of them: [A-Za-z0-9_-]{24} \(shown once\)$/);
    } finally {
      await s.stop();
    }
  });

  it('--no-demo leaves an empty database empty', async () => {
    const db = join(dir, 'empty.db');
    const s = startServe(['--db', db, '--create', '--no-demo']);
    try {
      const base = await s.ready;
      expect(s.output()).not.toContain('demo');
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'usa-lead@demo.test', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(401);
    } finally {
      await s.stop();
    }
  });

  it('refuses a named database that does not exist, saying how to make one', async () => {
    const db = join(dir, 'missing.db');
    const s = startServe(['--db', db, '--no-demo']);
    await expect(s.ready).rejects.toThrow(/no database at .*missing\.db.*--create/u);
    expect(await s.stop()).toBe(1);
  });
});
