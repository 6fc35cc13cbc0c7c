// The append-only event log: sequence numbers, filters and order.
import { describe, expect, it } from 'vitest';
import type { SummitId } from '../../../src/domain/ids.js';
import type { Instant } from '../../../src/domain/time.js';
import type { EventQuery } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the event log contract. */
export function eventsContract(target: StoreTarget): void {
  describe('events', () => {
    const ctx = useStore(target);

    const appendAll = (s: SummitId, minutes: number[]) =>
      ctx.store.write(async (tx) => {
        const out = [];
        for (const [i, minute] of minutes.entries())
          out.push(await tx.events.append(f.event(s, `e${i}`, minute)));
        return out;
      });

    it('append returns the event with an increasing seq; list returns them in seq order', async () => {
      const s = await f.seedWorld(ctx.store);
      expect(await ctx.store.read((tx) => tx.events.lastSeq(s))).toBe(0);
      const written = await appendAll(s, [30, 10, 20]);
      expect(written.map((e) => e.type)).toEqual(['e0', 'e1', 'e2']);
      const seqs = written.map((e) => e.seq);
      expect(seqs.every((seq, i) => Number.isInteger(seq) && (i === 0 || seq > (seqs[i - 1] ?? 0)))).toBe(
        true,
      );
      expect(written[0]).toEqual({ ...f.event(s, 'e0', 30), seq: seqs[0] });
      expect(await ctx.store.read((tx) => tx.events.list(s))).toEqual(written);
      expect(await ctx.store.read((tx) => tx.events.lastSeq(s))).toBe(seqs[2]);
    });

    it('filters by afterSeq, since (inclusive, whatever the instant’s text form) and limit', async () => {
      const s = await f.seedWorld(ctx.store);
      const [a, b, c, d] = await appendAll(s, [0, 10, 20, 30]);
      if (!a || !b || !c || !d) throw new Error('four events were appended');
      const list = (query: EventQuery) => ctx.store.read((tx) => tx.events.list(s, query));
      expect(await list({ afterSeq: b.seq })).toEqual([c, d]);
      expect(await list({ since: f.at(10) })).toEqual([b, c, d]);
      // The same instant without milliseconds.
      expect(await list({ since: '2017-11-10T08:20:00Z' as Instant })).toEqual([c, d]);
      expect(await list({ limit: 2 })).toEqual([a, b]);
      expect(await list({ afterSeq: a.seq, since: f.at(20), limit: 1 })).toEqual([c]);
      expect(await list({ afterSeq: d.seq })).toEqual([]);
    });

    it("keeps each summit's log apart", async () => {
      const s1 = await f.seedWorld(ctx.store);
      const s2 = await f.seedWorld(ctx.store);
      const [mine] = await appendAll(s1, [0]);
      expect(await ctx.store.read((tx) => tx.events.list(s1))).toEqual([mine]);
      expect(await ctx.store.read((tx) => tx.events.list(s2))).toEqual([]);
      expect(await ctx.store.read((tx) => tx.events.lastSeq(s2))).toBe(0);
    });

    it('refuses a malformed query or instant with a message naming it', async () => {
      const s = await f.seedWorld(ctx.store);
      await expect(ctx.store.read((tx) => tx.events.list(s, { limit: 0 }))).rejects.toThrow(/limit/);
      await expect(ctx.store.read((tx) => tx.events.list(s, { afterSeq: -1 }))).rejects.toThrow(/afterSeq/);
      await expect(ctx.store.read((tx) => tx.events.list(s, { since: 'yesterday' }))).rejects.toThrow(
        /since/,
      );
      const bad = { ...f.event(s, 'bad'), at: 'soon' as Instant };
      await expect(ctx.store.write((tx) => tx.events.append(bad))).rejects.toThrow(/event at: "soon"/);
      expect(await ctx.store.read((tx) => tx.events.list(s))).toEqual([]);
    });
  });
}
