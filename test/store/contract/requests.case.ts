// What a request gathers beyond the Collection contract: conditions and positions by request, its thread.
import { describe, expect, it } from 'vitest';
import type { DelegationId, RequestId, UserId } from '../../../src/domain/ids.js';
import { DuplicateError } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the listFor and thread contract. */
export function requestsContract(target: StoreTarget): void {
  describe('request records', () => {
    const ctx = useStore(target);

    it('conditions.listFor returns one request’s conditions in id order', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.requests.insert(s, f.request('q2'));
        await tx.conditions.insert(s, f.condition('c2', 'q1'));
        await tx.conditions.insert(s, f.condition('c1', 'q1'));
        await tx.conditions.insert(s, f.condition('c1', 'q2'));
      });
      const forQ1 = await ctx.store.read((tx) => tx.conditions.listFor(s, 'q1'));
      expect(forQ1.map((c) => [c.request, c.id])).toEqual([
        ['q1', 'c1'],
        ['q1', 'c2'],
      ]);
      expect(await ctx.store.read((tx) => tx.conditions.list(s))).toHaveLength(3);
    });

    it('positions.listFor returns one delegation’s positions on one request', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.positions.insert(s, f.position('a', 'q1', 'd1'));
        await tx.positions.insert(s, f.position('b', 'q1', 'd2'));
        await tx.positions.insert(s, f.position('c', 'q1', 'd1'));
      });
      const mine = await ctx.store.read((tx) => tx.positions.listFor(s, 'q1', 'd1'));
      expect(mine.map((p) => p.id)).toEqual(['a', 'c']);
      expect(mine[0]).toEqual(f.position('a', 'q1', 'd1'));
    });

    it('decision overrides are appended, listed per request and delegation by time, and never taken twice', async () => {
      const s = await f.seedWorld(ctx.store);
      const override = (id: string, delegation: string, minute: number) => ({
        id,
        request: 'q1' as RequestId,
        delegation: delegation as DelegationId,
        step: 'accept' as const,
        outcome: 'defer' as const,
        reason: `Reason ${id}`,
        by: 'u1' as UserId,
        at: f.at(minute),
      });
      await ctx.store.write(async (tx) => {
        await tx.decisionOverrides.append(s, override('o-late', 'd1', 20));
        await tx.decisionOverrides.append(s, override('o-early', 'd1', 5));
        await tx.decisionOverrides.append(s, override('o-other', 'd2', 1));
      });
      const mine = await ctx.store.read((tx) => tx.decisionOverrides.listFor(s, 'q1', 'd1'));
      expect(mine).toEqual([override('o-early', 'd1', 5), override('o-late', 'd1', 20)]);
      const again = ctx.store.write((tx) => tx.decisionOverrides.append(s, override('o-late', 'd1', 30)));
      await expect(again).rejects.toBeInstanceOf(DuplicateError);
    });

    it('thread messages are appended, listed by time, and never taken twice', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.requests.insert(s, f.request('q2'));
        expect(await tx.thread.append(s, f.message('m-late', 'q1', 20))).toEqual(
          f.message('m-late', 'q1', 20),
        );
        await tx.thread.append(s, f.message('m-early', 'q1', 5));
        await tx.thread.append(s, f.message('m-other', 'q2', 1));
      });
      const thread = await ctx.store.read((tx) => tx.thread.listFor(s, 'q1'));
      expect(thread).toEqual([f.message('m-early', 'q1', 5), f.message('m-late', 'q1', 20)]);
      const again = ctx.store.write((tx) =>
        tx.thread.append(s, { ...f.message('m-late', 'q1', 30), text: 'edited' }),
      );
      await expect(again).rejects.toBeInstanceOf(DuplicateError);
      const orphan = ctx.store.write((tx) => tx.thread.append(s, f.message('m-x', 'no-request')));
      await expect(orphan).rejects.toThrow('message "m-x" refers to a record that does not exist');
      expect(await ctx.store.read((tx) => tx.thread.listFor(s, 'q1'))).toEqual(thread);
    });
  });
}
