// Foreign keys: children go with their parent; plain references must resolve when a write commits.
import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import type { DelegationId, SummitId, UserId, VenueId } from '../../../src/domain/ids.js';
import type { Tx } from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the cascade and reference contract. */
export function referencesContract(target: StoreTarget): void {
  describe('references', () => {
    const ctx = useStore(target);
    const read = <T>(fn: (tx: Tx) => Promise<T>) => ctx.store.read(fn);

    it('removing a venue removes its rooms and its travel pairs', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.rooms.insert(s, f.room('r2', 'v2'));
        await tx.travel.replaceAll(s, [{ a: 'v1' as VenueId, b: 'v2' as VenueId, minutes: 7 }]);
      });
      await ctx.store.write((tx) => tx.venues.remove(s, 'v2', 1));
      expect((await read((tx) => tx.rooms.list(s))).map((r) => r.id)).toEqual(['r1']);
      expect(await read((tx) => tx.travel.list(s))).toEqual([]);
    });

    it('removing a request removes its conditions, thread, meeting and deliberation', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.conditions.insert(s, f.condition('c1'));
        await tx.thread.append(s, f.message('m1'));
        await tx.meetings.insert(s, f.meeting('q1'));
        await tx.positions.insert(s, f.position('pos1'));
        await tx.decisions.insert(s, f.decision());
        await tx.publicLines.insert(s, f.publicLine());
      });
      await ctx.store.write((tx) => tx.requests.remove(s, 'q1', 1));
      const left = await read(async (tx) => [
        ...(await tx.conditions.list(s)),
        ...(await tx.thread.listFor(s, 'q1')),
        ...(await tx.meetings.list(s)),
        ...(await tx.positions.list(s)),
        ...(await tx.decisions.list(s)),
        ...(await tx.publicLines.list(s)),
      ]);
      expect(left).toEqual([]);
    });

    it("removing a delegation removes its persons, their busy blocks, its deliberation and its users' grants on it", async () => {
      const s = await f.seedWorld(ctx.store);
      const userId = f.uniqueId('u') as UserId;
      const grant: RoleGrant = {
        kind: 'delegation',
        summit: s,
        delegation: 'd3' as DelegationId,
        role: 'adviser',
      };
      await ctx.store.write(async (tx) => {
        await tx.delegations.insert(s, f.delegation('d3'));
        await tx.persons.insert(s, f.person('p3', 'd3'));
        await tx.busy.insert(s, f.busy('b3', 'p3'));
        await tx.positions.insert(s, f.position('pos3', 'q1', 'd3'));
        await tx.decisions.insert(s, f.decision('q1', 'd3'));
        await tx.publicLines.insert(s, f.publicLine('q1', 'd3'));
        await tx.users.insert(f.user(userId));
        await tx.users.setGrants(userId, [grant, { kind: 'host', summit: s, role: 'host-staff' }]);
      });
      await ctx.store.write((tx) => tx.delegations.remove(s, 'd3', 1));
      expect((await read((tx) => tx.persons.list(s))).map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(await read((tx) => tx.busy.list(s))).toEqual([]);
      expect(await read((tx) => tx.positions.list(s))).toEqual([]);
      expect(await read((tx) => tx.decisions.list(s))).toEqual([]);
      expect(await read((tx) => tx.publicLines.list(s))).toEqual([]);
      expect(await read((tx) => tx.users.grants(userId))).toEqual([
        { kind: 'host', summit: s, role: 'host-staff' },
      ]);
    });

    it('a child whose parent is missing is refused at once with a message naming it', async () => {
      const s = await f.seedWorld(ctx.store);
      const orphan = ctx.store.write((tx) => tx.persons.insert(s, f.person('p9', 'nobody')));
      await expect(orphan).rejects.toThrow('person "p9" refers to a record that does not exist');
      const condition = ctx.store.write((tx) => tx.conditions.insert(s, f.condition('c9', 'no-request')));
      await expect(condition).rejects.toThrow(
        'condition "no-request/c9" refers to a record that does not exist',
      );
      expect(await read((tx) => tx.persons.get(s, 'p9'))).toBeUndefined();
    });

    it('a reference must resolve at commit: a meeting in a removed room fails the whole write', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write((tx) => tx.meetings.insert(s, f.meeting('q1', 'r1')));
      const dangling = ctx.store.write((tx) => tx.rooms.remove(s, 'r1', 1));
      await expect(dangling).rejects.toThrow(/referring to one that does not exist; nothing was saved/);
      expect(await read((tx) => tx.rooms.get(s, 'r1'))).toMatchObject({ id: 'r1', version: 1 });
      const unknownRoom = ctx.store.write((tx) => tx.meetings.update(s, { ...f.meeting('q1', 'r-none') }));
      await expect(unknownRoom).rejects.toThrow(/nothing was saved/);
      expect(await read((tx) => tx.meetings.get(s, 'q1'))).toMatchObject({ room: 'r1', version: 1 });
    });

    it('within one write a referenced record may be removed before its referrers are repointed', async () => {
      const s = await f.seedWorld(ctx.store);
      await ctx.store.write(async (tx) => {
        await tx.rooms.insert(s, f.room('r2', 'v2'));
        await tx.meetings.insert(s, f.meeting('q1', 'r1'));
      });
      await ctx.store.write(async (tx) => {
        await tx.rooms.remove(s, 'r1', 1);
        await tx.meetings.update(s, f.meeting('q1', 'r2'));
      });
      expect(await read((tx) => tx.meetings.get(s, 'q1'))).toMatchObject({ room: 'r2', version: 2 });
    });

    it('a delegation that still has requests cannot be removed', async () => {
      const s: SummitId = await f.seedWorld(ctx.store);
      const refused = ctx.store.write((tx) => tx.delegations.remove(s, 'd1', 1));
      await expect(refused).rejects.toThrow(/nothing was saved/);
      expect(await read((tx) => tx.delegations.get(s, 'd1'))).toMatchObject({ id: 'd1' });
      expect(await read((tx) => tx.persons.get(s, 'p1'))).toMatchObject({ id: 'p1' });
    });
  });
}
