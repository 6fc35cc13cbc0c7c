// Choosing the database, and refusing options that name none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sideline-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens SQLite when there is no database URL', async () => {
    const store = await openStore({ databaseUrl: '  ', sqlitePath: join(dir, 'a.db') });
    expect(store.dialect).toBe('sqlite');
    expect(await store.read((tx) => tx.summits.list())).toEqual([]);
    await store.close();
  });

  it('refuses a database URL that is not PostgreSQL, and options naming no database', async () => {
    await expect(openStore({ databaseUrl: 'mysql://localhost/db' })).rejects.toThrow(
      'databaseUrl: expected a postgres:// or postgresql:// URL',
    );
    await expect(openStore({})).rejects.toThrow(/needs a databaseUrl .* or a sqlitePath/);
  });
});
