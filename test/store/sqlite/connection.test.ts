// The connection's statement cache and the separate read-only connection reads run on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as f from '../contract/fixtures.js';
import { openStore } from '../../../src/store/open.js';
import { statementCache } from '../../../src/store/sqlite/connection.js';

const dir = mkdtempSync(join(tmpdir(), 'sideline-connection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('statement cache', () => {
  it('prepares a text once, keeps the most recent ones and drops the least recently used', () => {
    const raw = new Database(':memory:');
    const db = statementCache(raw, 2);
    const one = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(one);
    const two = db.prepare('select 2');
    db.prepare('select 1'); // now "select 2" is the least recently used
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
    expect(db.prepare('select 2').all([])).toEqual([{ 2: 2 }]);
    db.close();
    expect(raw.open).toBe(false);
  });
});

describe('read connection', () => {
  it('reads the last commit while another write transaction is still open', async () => {
    const store = await openStore({ sqlitePath: join(dir, 'overlap.db') });
    try {
      const s = await f.seedWorld(store);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const writing = store.write(async (tx) => {
        await tx.summits.update({ ...f.summit(s), name: 'Renamed inside' });
        entered();
        await held; // the write transaction stays open until the read below has answered
      });
      await inside;
      const seen = await store.read((tx) => tx.summits.get(s));
      expect(seen?.name).not.toBe('Renamed inside');
      release();
      await writing;
      expect((await store.read((tx) => tx.summits.get(s)))?.name).toBe('Renamed inside');
    } finally {
      await store.close();
    }
  });
});
