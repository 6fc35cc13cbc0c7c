// Summit revisions: one step up per committed write that changed the summit, none for reads,
// rollbacks or other summits; and the change mark and summitRevision agree with them across stores.
import { describe, expect, it, vi } from 'vitest';
import type { SummitId, VenueId } from '../../../src/domain/ids.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the summit revision contract. */
export function revisionsContract(target: StoreTarget): void {
  describe('summit revisions', () => {
    const ctx = useStore(target);
    const revision = (s: SummitId) => ctx.store.read((tx) => tx.revisions.get(s));

    it('are 0 for a summit never written, and rise once per committing write that changed it', async () => {
      expect(await revision(f.uniqueId('none') as SummitId)).toBe(0);
      const s = await f.seedWorld(ctx.store);
      const seeded = await revision(s);
      expect(seeded).toBe(1); // one transaction, however many rows
      const changes: Array<(tx: Parameters<Parameters<typeof ctx.store.write>[0]>[0]) => Promise<unknown>> = [
        (tx) => tx.venues.insert(s, f.venue('v3')),
        (tx) => tx.venues.update(s, { ...f.venue('v3'), name: 'Renamed' }),
        (tx) => tx.venues.remove(s, 'v3', 2),
        (tx) => tx.events.append(f.event(s, 'something.happened')),
        (tx) => tx.travel.replaceAll(s, [{ a: 'v1' as VenueId, b: 'v2' as VenueId, minutes: 5 }]),
        (tx) => tx.thread.append(s, f.message('m1')),
        (tx) => tx.summits.update({ ...f.summit(s), name: 'Renamed summit' }),
      ];
      for (const [n, change] of changes.entries()) {
        await ctx.store.write(change);
        expect(await revision(s), `after change ${n}`).toBe(seeded + n + 1);
      }
    });

    it('stay put for reads, rolled-back writes and writes to other summits', async () => {
      const s = await f.seedWorld(ctx.store);
      const other = await f.seedWorld(ctx.store);
      const before = await revision(s);
      await ctx.store.read((tx) => tx.venues.list(s));
      await expect(
        ctx.store.write(async (tx) => {
          await tx.venues.insert(s, f.venue('v9'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await ctx.store.write((tx) => tx.venues.insert(other, f.venue('v9')));
      await ctx.store.write(() => Promise.resolve('a write that changes nothing'));
      expect(await revision(s)).toBe(before);
    });

    // SQLite sees another connection's commit at its next read; PostgreSQL once the commit's
    // notification arrives (milliseconds), and its own commits at once.
    it('summitRevision sees another store’s commit (PostgreSQL: once notified)', async () => {
      const s = await f.seedWorld(ctx.store);
      const other = await target.open();
      const soon = target.dialect === 'postgres' ? { timeout: 2000, interval: 5 } : { timeout: 0 };
      try {
        const before = await ctx.store.summitRevision(s);
        expect(await ctx.store.summitRevision(s)).toBe(before);
        const markBefore = ctx.store.changeMark();
        expect(markBefore).toBeTypeOf('number');
        await other.write((tx) => tx.venues.insert(s, f.venue('v7')));
        await vi.waitFor(async () => expect(await ctx.store.summitRevision(s)).toBe(before + 1), soon);
        expect(ctx.store.changeMark()).not.toBe(markBefore);
        const mine = ctx.store.changeMark();
        await ctx.store.write((tx) => tx.venues.remove(s, 'v7', 1));
        expect(ctx.store.changeMark()).not.toBe(mine); // its own commit: at once
        expect(await ctx.store.summitRevision(s)).toBe(before + 2);
        await vi.waitFor(async () => expect(await other.summitRevision(s)).toBe(before + 2), soon);
      } finally {
        await other.close();
      }
    });

    it('the change mark holds while nothing commits', async () => {
      await f.seedWorld(ctx.store);
      const mark = ctx.store.changeMark();
      expect(typeof mark).toBe('number');
      await ctx.store.read((tx) => tx.summits.list());
      expect(ctx.store.changeMark()).toBe(mark);
    });
  });
}
