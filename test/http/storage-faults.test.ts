// A SQLite file on a small tmpfs, filled up: writes answer 507 storage-full (problem+json,
// Retry-After), readiness says degraded, reads still work, nothing is half-written, and writes
// succeed again once space returns. And a server whose database file it may not write answers
// 503 storage-read-only. Needs root (to mount the tmpfs, and to run the server as another user),
// as CI has.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { DEMO_THREAD, seedDemo } from '../support/demo-server.js';

const MIB = 1024 * 1024;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');

describe('storage faults on SQLite (a 6 MiB tmpfs)', { timeout: 120_000 }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let token: string;
  const filler = () => join(dir, 'filler');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir]);
    store = await openStore({ sqlitePath: join(dir, 'sideline.db') });
    token = await seedDemo(store);
    app = await buildServer({ store, rateLimits: false });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    execFileSync('umount', ['-l', dir]);
    await rm(dir, { recursive: true, force: true });
  });

  const post = (text: string) =>
    app.inject({
      method: 'POST',
      url: DEMO_THREAD,
      headers: { authorization: `Bearer ${token}` },
      payload: { text },
    });
  const messages = async () => {
    const r = await app.inject({
      method: 'GET',
      url: DEMO_THREAD,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { items: { text: string }[] }).items.map((m) => m.text);
  };
  const ready = async () =>
    (await app.inject({ method: 'GET', url: '/api/ready' })).json() as {
      status: string;
      database: { state: string };
    };
  /** Fills what is left of the tmpfs with one file (dd stops at ENOSPC). */
  const fill = () => {
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler()}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // "No space left on device": that was the point
    }
  };

  it('a full disk: 507 storage-full on writes, degraded readiness, reads work, then writes again', async () => {
    expect((await post('before the disk filled')).statusCode).toBe(201);
    expect(await ready()).toMatchObject({ status: 'ready', database: { state: 'ok' } });
    fill();
    // each message grows the log; the WAL may have room for the first few
    const stored: string[] = [];
    let refused;
    for (let i = 0; i < 200 && !refused; i++) {
      const text = `while full ${i} ${'x'.repeat(9000)}`;
      const r = await post(text);
      if (r.statusCode === 201) stored.push(text);
      else refused = { r, text };
    }
    expect(refused, 'no write was refused on a full disk').toBeDefined();
    const { r } = refused!;
    expect(r.statusCode, r.body).toBe(507);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/u);
    expect(r.json()).toMatchObject({ code: 'storage-full', status: 507 });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(await ready()).toMatchObject({ status: 'degraded', database: { state: 'full' } });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // reads still work, every acknowledged message is there, the refused one is not
    const now = await messages();
    expect(now).toContain('before the disk filled');
    for (const text of stored) expect(now).toContain(text);
    expect(now).not.toContain(refused!.text);

    await rm(filler());
    expect(await ready()).toMatchObject({ status: 'ready', database: { state: 'ok' } });
    expect((await post('after space returned')).statusCode).toBe(201);
    expect(await messages()).toContain('after space returned');
  });

  it('leaves a file that passes SQLite’s integrity check', async () => {
    await writeFile(join(dir, 'probe'), Buffer.alloc(MIB)); // space is back
    await store.close();
    const db = new Database(join(dir, 'sideline.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});

/** Starts `sideline serve` as the unprivileged `postgres` user (root may write any file) on `db`. */
function serveAs(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    'runuser',
    ['-u', 'postgres', '--', process.execPath, BIN, 'serve', '--port', '0', '--no-demo', '--db', db],
    {
      cwd: ROOT,
      env: { ...process.env },
    },
  );
  child.stdout?.resume();
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/u.exec(stderr);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`sideline serve exited ${code}: ${stderr}`)));
  });
}

describe('a read-only SQLite file', { timeout: 120_000 }, () => {
  let dir: string;
  let server: { child: ChildProcess; url: string } | undefined;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await new Promise((resolve) => server!.child.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('answers writes 503 storage-read-only and readiness degraded, and still serves reads', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-ro-'));
    const db = join(dir, 'sideline.db');
    const store = await openStore({ sqlitePath: db });
    const token = await seedDemo(store);
    await store.close();
    // the server's user may read the file but not write it
    execFileSync('chown', ['-R', 'postgres', dir]);
    execFileSync('chmod', ['0444', db]);
    server = await serveAs(db);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const r = await fetch(`${server.url}${DEMO_THREAD}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'on a read-only file' }),
    });
    const body = (await r.json()) as { code: string };
    expect(r.status, JSON.stringify(body)).toBe(503);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
    expect(body.code).toBe('storage-read-only');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'degraded', database: { state: 'read-only' } });
    const read = await fetch(`${server.url}${DEMO_THREAD}`, { headers });
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).not.toContain('on a read-only file');
  });
});
