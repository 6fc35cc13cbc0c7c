// write() commits all or nothing; read() sees one snapshot and writes nothing.
import { describe, expect, it } from 'vitest';
import type { SummitId } from '../../../src/domain/ids.js';
import { StaleVersionError } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the transaction contract. */
export function transactionsContract(target: StoreTarget): void {
  describe('transactions', () => {
    const ctx = useStore(target);
    const state = (s: SummitId) =>
      ctx.store.read(async (tx) => ({
        venues: (await tx.venues.list(s)).map((v) => v.id),
        events: await tx.events.list(s),
        summit: await tx.summits.get(s),
      }));

    it('write returns what its callback returns, committed', async () => {
      const s = await f.seedWorld(ctx.store);
      const result = await ctx.store.write(async (tx) => {
        await tx.venues.insert(s, f.venue('v3'));
        return (await tx.events.append(f.event(s, 'venue.added'))).type;
      });
      expect(result).toBe('venue.added');
      const after = await state(s);
      expect(after.venues).toEqual(['v1', 'v2', 'v3']);
      expect(after.events.map((e) => e.type)).toEqual(['venue.added']);
    });

    it('a write that throws leaves neither its state rows nor its event', async () => {
      const s = await f.seedWorld(ctx.store);
      const before = await state(s);
      const failing = ctx.store.write(async (tx) => {
        await tx.venues.insert(s, f.venue('v3'));
        await tx.summits.update({ ...f.summit(s), name: 'Changed' });
        await tx.events.append(f.event(s, 'venue.added'));
        throw new Error('the use case failed after writing');
      });
      await expect(failing).rejects.toThrow('the use case failed after writing');
      expect(await state(s)).toEqual(before);
    });

    it('a stale version met half-way rolls back what the write did before it', async () => {
      const s = await f.seedWorld(ctx.store);
      const before = await state(s);
      const failing = ctx.store.write(async (tx) => {
        await tx.venues.insert(s, f.venue('v3'));
        await tx.events.append(f.event(s, 'venue.added'));
        await tx.venues.update(s, { ...f.venue('v1'), version: 4 });
      });
      await expect(failing).rejects.toBeInstanceOf(StaleVersionError);
      expect(await state(s)).toEqual(before);
    });

    it('read refuses to write and changes nothing', async () => {
      const s = await f.seedWorld(ctx.store);
      const writing = ctx.store.read((tx) => tx.venues.insert(s, f.venue('v3')));
      await expect(writing).rejects.toThrow();
      expect((await state(s)).venues).toEqual(['v1', 'v2']);
      // The store still writes afterwards: the read left no mode behind.
      await ctx.store.write((tx) => tx.venues.insert(s, f.venue('v3')));
      expect((await state(s)).venues).toEqual(['v1', 'v2', 'v3']);
    });

    it('read sees one snapshot even when another store commits meanwhile', async () => {
      const s = await f.seedWorld(ctx.store);
      const other = await target.open();
      try {
        const [first, second] = await ctx.store.read(async (tx) => {
          const first = (await tx.venues.list(s)).length;
          await other.write((otx) => otx.venues.insert(s, f.venue('v3')));
          return [first, (await tx.venues.list(s)).length];
        });
        expect([first, second]).toEqual([2, 2]);
        expect((await state(s)).venues).toEqual(['v1', 'v2', 'v3']);
      } finally {
        await other.close();
      }
    });

    it('a transaction started inside another on the same store is refused, not deadlocked', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.venues.insert(s, f.venue('v3'));
        const nested = ctx.store.write((inner) => inner.venues.insert(s, f.venue('v4')));
        await expect(nested).rejects.toThrow(/inside another transaction/);
        await expect(ctx.store.read((inner) => inner.venues.list(s))).rejects.toThrow(
          /inside another transaction/,
        );
      });
      expect((await state(s)).venues).toEqual(['v1', 'v2', 'v3']);
    });

    it('a closed store refuses transactions', async () => {
      const store = await target.open();
      await store.close();
      await expect(store.read((tx) => tx.summits.list())).rejects.toThrow(/after close/);
    });
  });
}
