// Summits and travel: the records that are not a plain Collection.
import { describe, expect, it } from 'vitest';
import type { SummitId, VenueId } from '../../../src/domain/ids.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the summits and travel contract. */
export function summitsContract(target: StoreTarget): void {
  describe('summits', () => {
    const ctx = useStore(target);

    it('insert at version 1, get, list, update with the version read', async () => {
      const id = f.uniqueId('s');
      const inserted = await ctx.store.write((tx) => tx.summits.insert({ ...f.summit(id), version: 5 }));
      expect(inserted).toEqual(f.summit(id));
      expect(await ctx.store.read((tx) => tx.summits.get(id as SummitId))).toEqual(f.summit(id));
      expect(await ctx.store.read((tx) => tx.summits.list())).toContainEqual(f.summit(id));
      const renamed = { ...inserted, name: 'Renamed', bufferMinutes: 10 };
      const updated = await ctx.store.write((tx) => tx.summits.update(renamed));
      expect(updated).toEqual({ ...renamed, version: 2 });
      expect(await ctx.store.read((tx) => tx.summits.get(id as SummitId))).toEqual(updated);
    });

    it('refuses a stale update, a taken id and an unknown summit, changing nothing', async () => {
      const id = f.uniqueId('s');
      await ctx.store.write((tx) => tx.summits.insert(f.summit(id)));
      await ctx.store.write((tx) => tx.summits.update(f.summit(id)));
      const stale = ctx.store.write((tx) => tx.summits.update({ ...f.summit(id), name: 'Stale' }));
      await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
      const taken = ctx.store.write((tx) => tx.summits.insert({ ...f.summit(id), name: 'Again' }));
      await expect(taken).rejects.toBeInstanceOf(DuplicateError);
      expect(await ctx.store.read((tx) => tx.summits.get(id as SummitId))).toEqual({
        ...f.summit(id),
        version: 2,
      });
      const unknown = ctx.store.write((tx) => tx.summits.update(f.summit(f.uniqueId('none'))));
      await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('travel', () => {
    const ctx = useStore(target);
    const pair = (a: string, b: string, minutes: number) => ({ a: a as VenueId, b: b as VenueId, minutes });

    it('replaceAll stores each pair once with a < b and replaces the previous set', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write((tx) => tx.venues.insert(s, f.venue('v3')));
      await ctx.store.write((tx) => tx.travel.replaceAll(s, [pair('v2', 'v1', 10), pair('v1', 'v3', 25)]));
      expect(await ctx.store.read((tx) => tx.travel.list(s))).toEqual([
        pair('v1', 'v2', 10),
        pair('v1', 'v3', 25),
      ]);
      await ctx.store.write((tx) => tx.travel.replaceAll(s, [pair('v3', 'v2', 5)]));
      expect(await ctx.store.read((tx) => tx.travel.list(s))).toEqual([pair('v2', 'v3', 5)]);
      await ctx.store.write((tx) => tx.travel.replaceAll(s, []));
      expect(await ctx.store.read((tx) => tx.travel.list(s))).toEqual([]);
    });

    it('refuses a venue paired with itself, a pair given twice or an unknown venue, changing nothing', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write((tx) => tx.travel.replaceAll(s, [pair('v1', 'v2', 10)]));
      const self = ctx.store.write((tx) => tx.travel.replaceAll(s, [pair('v1', 'v1', 3)]));
      await expect(self).rejects.toThrow(/travel\[0\].*"v1" is paired with itself/);
      const twice = ctx.store.write((tx) =>
        tx.travel.replaceAll(s, [pair('v1', 'v2', 3), pair('v2', 'v1', 4)]),
      );
      await expect(twice).rejects.toThrow(/travel\[1\].*more than once/);
      const unknown = ctx.store.write((tx) => tx.travel.replaceAll(s, [pair('v1', 'nowhere', 3)]));
      await expect(unknown).rejects.toThrow(/travel "nowhere–v1" refers to a record that does not exist/);
      expect(await ctx.store.read((tx) => tx.travel.list(s))).toEqual([pair('v1', 'v2', 10)]);
    });
  });
}
