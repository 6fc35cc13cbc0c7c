// The store contract on a temp SQLite file, plus what only SQLite has: the file, WAL, and
// writers in other processes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract, type StoreTarget } from '../contract/index.js';
import * as f from '../contract/fixtures.js';
import { openStore } from '../../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'sideline-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sqliteTarget(path: string): StoreTarget {
  return {
    dialect: 'sqlite',
    open: () => openStore({ sqlitePath: path }),
    appliedMigrations: () => {
      const db = new Database(path, { readonly: true });
      try {
        return Promise.resolve(
          db.prepare('select name from kysely_migration order by name').pluck().all() as string[],
        );
      } finally {
        db.close();
      }
    },
    fresh: () => Promise.resolve(sqliteTarget(join(dir, `${f.uniqueId('fresh')}.db`))),
  };
}

storeContract(sqliteTarget(join(dir, 'contract.db')));

describe('SQLite file', () => {
  it('is created with its missing folders, in WAL mode', async () => {
    const path = join(dir, 'deep', 'er', 'store.db');
    const store = await openStore({ sqlitePath: path });
    await store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('writers in two other processes and this one never fail with SQLITE_BUSY and lose nothing', async () => {
    const path = join(dir, 'processes.db');
    const store = await openStore({ sqlitePath: path });
    const s = await f.seedWorld(store);
    const perProcess = 250;
    const children = [
      writerProcess(path, s, 'left', perProcess),
      writerProcess(path, s, 'right', perProcess),
    ];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    let finished = false;
    const results = Promise.all(children.map((c) => c.done)).finally(() => (finished = true));
    // This process writes through its own Store for as long as the children run.
    let here = 0;
    while (!finished) {
      await store.write(async (tx) => {
        const venue = await tx.venues.get(s, 'v1');
        if (!venue) throw new Error('venue v1 is seeded');
        const next = await tx.venues.update(s, { ...venue, name: `here-${here}` });
        await tx.events.append({
          ...f.event(s, 'venue.renamed'),
          payload: { label: 'here', version: next.version },
        });
      });
      here++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const result of await results) {
      expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
      expect(JSON.parse(result.out.trim().split('\n').at(-1) ?? '')).toEqual({ writes: perProcess });
    }

    const total = 2 * perProcess + here;
    const venue = await store.read((tx) => tx.venues.get(s, 'v1'));
    expect(venue?.version).toBe(1 + total);
    const events = await store.read((tx) => tx.events.list(s));
    expect(events.map((e) => e.payload.version)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    const seqs = (label: string) => events.filter((e) => e.payload.label === label).map((e) => e.seq);
    const [left, right] = [seqs('left'), seqs('right')];
    expect([left.length, right.length, seqs('here').length]).toEqual([perProcess, perProcess, here]);
    // The writers really ran at the same time: their commits interleave.
    expect(Math.min(...right)).toBeLessThan(Math.max(...left));
    expect(Math.min(...left)).toBeLessThan(Math.max(...right));
    expect(here).toBeGreaterThan(0);
    await store.close();
  }, 120_000);
});

/** A writer process (concurrent-writer.fixture.ts): resolves `ready` once its store is open; `go` starts it. */
function writerProcess(path: string, summit: string, label: string, count: number) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'concurrent-writer.fixture.ts');
  const proc = spawn(process.execPath, ['--import', 'tsx', script, path, summit, label, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => {
      markReady();
      resolve({ code, out, err });
    });
  });
  return { ready, done, go: () => proc.stdin.write('go\n') };
}
