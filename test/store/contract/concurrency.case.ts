// Two Stores on one database (two connections, or two processes' worth): no lost update, no failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummitId } from '../../../src/domain/ids.js';
import { DuplicateError, StaleVersionError, type Store } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import type { StoreTarget } from './target.js';

/** Adds one to the venue's version, retrying on StaleVersionError, and logs an event with it. */
async function bump(store: Store, s: SummitId, label: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.read((tx) => tx.venues.get(s, 'v1'));
    if (!current) throw new Error('venue v1 is seeded');
    try {
      return await store.write(async (tx) => {
        const next = await tx.venues.update(s, { ...current, name: label });
        await tx.events.append({ ...f.event(s, 'venue.renamed'), payload: { label, version: next.version } });
        return attempt;
      });
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
}

/** Registers the concurrency contract. */
export function concurrencyContract(target: StoreTarget): void {
  describe('concurrent stores', () => {
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      [a, b] = [await target.open(), await target.open()];
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('two stores updating the same version: exactly one wins, the other is stale', async () => {
      const s = await f.seedWorld(a);
      const read = await a.read((tx) => tx.venues.get(s, 'v1'));
      if (!read) throw new Error('venue v1 is seeded');
      const outcomes = await Promise.allSettled([
        a.write((tx) => tx.venues.update(s, { ...read, name: 'from a' })),
        b.write((tx) => tx.venues.update(s, { ...read, name: 'from b' })),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.status === 'rejected' && lost[0].reason).toBeInstanceOf(StaleVersionError);
      const stored = await b.read((tx) => tx.venues.get(s, 'v1'));
      expect(stored?.version).toBe(2);
      expect(won[0]?.status === 'fulfilled' && won[0].value).toEqual(stored);
    });

    it('two stores inserting the same key: exactly one DuplicateError', async () => {
      const s = await f.seedWorld(a);
      const outcomes = await Promise.allSettled([
        a.write((tx) => tx.venues.insert(s, { ...f.venue('v9'), name: 'a' })),
        b.write((tx) => tx.venues.insert(s, { ...f.venue('v9'), name: 'b' })),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(DuplicateError);
    });

    it('events commit in seq order: a reader never sees a later seq before an earlier one', async () => {
      const s = await f.seedWorld(a);
      const reader = await target.open();
      try {
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let appended: () => void = () => undefined;
        const firstAppended = new Promise<void>((resolve) => (appended = resolve));
        const first = a.write(async (tx) => {
          const event = await tx.events.append(f.event(s, 'first'));
          appended();
          await gate;
          return event;
        });
        await firstAppended;
        const second = b.write((tx) => tx.events.append(f.event(s, 'second')));
        await new Promise((resolve) => setTimeout(resolve, 300));
        // `first` holds the lower seq and is still open: `second` must not be visible yet.
        expect(await reader.read((tx) => tx.events.list(s))).toEqual([]);
        release();
        const [one, two] = await Promise.all([first, second]);
        expect(one.seq).toBeLessThan(two.seq);
        expect(await reader.read((tx) => tx.events.list(s))).toEqual([one, two]);
      } finally {
        await reader.close();
      }
    });

    it('many interleaved writers on two stores lose no update and no event', async () => {
      const s = await f.seedWorld(a);
      const perWorker = 8;
      const workers = [a, a, b, b].map(async (store, w) => {
        for (let i = 0; i < perWorker; i++) await bump(store, s, `w${w}-${i}`);
      });
      await Promise.all(workers);
      const total = workers.length * perWorker;
      const venue = await a.read((tx) => tx.venues.get(s, 'v1'));
      expect(venue?.version).toBe(1 + total);
      const events = await b.read((tx) => tx.events.list(s));
      expect(events).toHaveLength(total);
      // Each committed update logged the version it produced: 2, 3, … in seq order.
      expect(events.map((e) => e.payload.version)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    });
  });
}
