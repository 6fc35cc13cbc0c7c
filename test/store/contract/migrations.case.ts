// Migrations: applied once, recorded, and harmless to run again on every open.
import { describe, expect, it } from 'vitest';
import { migrationNames } from '../../../src/store/migrations/index.js';
import * as f from './fixtures.js';
import type { StoreTarget } from './target.js';

/** Registers the migrations contract. */
export function migrationsContract(target: StoreTarget): void {
  describe('migrations', () => {
    it('reopening a database re-applies nothing and keeps its data', async () => {
      const fresh = await target.fresh();
      const first = await fresh.open();
      const s = await f.seedWorld(first);
      await first.close();
      for (let i = 0; i < 2; i++) {
        const again = await fresh.open();
        expect((await again.read((tx) => tx.venues.list(s))).map((v) => v.id)).toEqual(['v1', 'v2']);
        await again.close();
      }
      expect(await fresh.appliedMigrations()).toEqual([...migrationNames]);
    });

    it('stores opening a new database at the same time migrate it once', async () => {
      const fresh = await target.fresh();
      const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
      try {
        const s = await f.seedWorld(stores[0]!);
        expect(await stores[2]!.read((tx) => tx.summits.get(s))).toMatchObject({ id: s });
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
      expect(await fresh.appliedMigrations()).toEqual([...migrationNames]);
    });
  });
}
