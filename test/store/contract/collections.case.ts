// The Collection contract, once per versioned collection of a summit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision, Position, PublicLine } from '../../../src/domain/deliberation/schema.js';
import type { ConditionId, SummitId, VenueId } from '../../../src/domain/ids.js';
import type { Meeting } from '../../../src/domain/meeting/schema.js';
import type { MeetingNotice, NoticeKind } from '../../../src/domain/meeting/notice.js';
import type { Condition, Request } from '../../../src/domain/request/schema.js';
import type {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Venue,
} from '../../../src/domain/summit/schema.js';
import {
  DuplicateError,
  NotFoundError,
  StaleVersionError,
  type Collection,
  type RequestDelegationKey,
  type Tx,
} from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** How to exercise one collection. */
interface CollectionCase<T extends { version: number }, K> {
  name: string;
  of(tx: Tx): Collection<T, K>;
  /** A record not in the seeded world; `prepare` writes what it refers to. */
  make(id: string): T;
  prepare?(tx: Tx, summit: SummitId, id: string): Promise<unknown>;
  /** The same record with a visible change. */
  change(record: T): T;
  keyOf(record: T): K;
}

const slotOf = new Map<string, number>();

/** A meeting in room r1 at an hour no other meeting id gets: PostgreSQL refuses two at once in a room. */
function meetingInItsOwnSlot(id: string): Meeting {
  if (!slotOf.has(id)) slotOf.set(id, slotOf.size);
  const start = (slotOf.get(id) ?? 0) * 60;
  return { ...f.meeting(id), start: f.at(start), end: f.at(start + 30) };
}

function collectionSuite<T extends { version: number }, K>(
  target: StoreTarget,
  c: CollectionCase<T, K>,
): void {
  describe(c.name, () => {
    const ctx = useStore(target);
    let summit: SummitId;
    let other: SummitId;
    beforeAll(async () => {
      summit = await f.seedWorld(ctx.store);
      other = await f.seedWorld(ctx.store);
    });

    /** Writes a new record (and what it needs) in `where`, returning what insert returned. */
    const create = (id: string, where = summit) =>
      ctx.store.write(async (tx) => {
        await c.prepare?.(tx, where, id);
        return c.of(tx).insert(where, { ...c.make(id), version: 7 });
      });
    const get = (key: K, where = summit) => ctx.store.read((tx) => c.of(tx).get(where, key));

    it('insert stores version 1 whatever the record says; get and list return it', async () => {
      const id = f.uniqueId('x');
      const inserted = await create(id);
      const expected = { ...c.make(id), version: 1 };
      expect(inserted).toEqual(expected);
      expect(await get(c.keyOf(expected))).toEqual(expected);
      const listed = await ctx.store.read((tx) => c.of(tx).list(summit));
      expect(listed).toContainEqual(expected);
    });

    it('keeps summits apart: the same key in another summit is another record', async () => {
      const id = f.uniqueId('x');
      await create(id);
      const key = c.keyOf(c.make(id));
      expect(await get(key, other)).toBeUndefined();
      await create(id, other);
      await ctx.store.write((tx) => c.of(tx).update(other, c.change({ ...c.make(id), version: 1 })));
      expect(await get(key)).toEqual({ ...c.make(id), version: 1 });
      expect(await get(key, other)).toEqual({ ...c.change(c.make(id)), version: 2 });
    });

    it('update with the version read returns version + 1 and stores the change', async () => {
      const id = f.uniqueId('x');
      const inserted = await create(id);
      const updated = await ctx.store.write((tx) => c.of(tx).update(summit, c.change(inserted)));
      expect(updated).toEqual({ ...c.change(inserted), version: 2 });
      expect(await get(c.keyOf(inserted))).toEqual(updated);
      const again = await ctx.store.write((tx) => c.of(tx).update(summit, updated));
      expect(again.version).toBe(3);
    });

    it('update with a stale version is StaleVersionError and changes nothing', async () => {
      const id = f.uniqueId('x');
      const inserted = await create(id);
      await ctx.store.write((tx) => c.of(tx).update(summit, inserted));
      const stale = ctx.store.write((tx) => c.of(tx).update(summit, c.change(inserted)));
      await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
      await expect(stale).rejects.toMatchObject({ expected: 1, actual: 2 });
      expect(await get(c.keyOf(inserted))).toEqual({ ...inserted, version: 2 });
    });

    it('insert on a taken key is DuplicateError and keeps the stored record', async () => {
      const id = f.uniqueId('x');
      const inserted = await create(id);
      const again = ctx.store.write((tx) => c.of(tx).insert(summit, c.change(inserted)));
      await expect(again).rejects.toBeInstanceOf(DuplicateError);
      expect(await get(c.keyOf(inserted))).toEqual(inserted);
    });

    it('update or remove of a missing record is NotFoundError', async () => {
      const missing = c.make(f.uniqueId('missing'));
      const update = ctx.store.write((tx) => c.of(tx).update(summit, missing));
      await expect(update).rejects.toBeInstanceOf(NotFoundError);
      const remove = ctx.store.write((tx) => c.of(tx).remove(summit, c.keyOf(missing), 1));
      await expect(remove).rejects.toBeInstanceOf(NotFoundError);
    });

    it('remove needs the current version: stale is refused, current deletes', async () => {
      const id = f.uniqueId('x');
      const inserted = await create(id);
      const updated = await ctx.store.write((tx) => c.of(tx).update(summit, inserted));
      const key = c.keyOf(inserted);
      const stale = ctx.store.write((tx) => c.of(tx).remove(summit, key, 1));
      await expect(stale).rejects.toMatchObject({ name: 'StaleVersionError', expected: 1, actual: 2 });
      expect(await get(key)).toEqual(updated);
      await ctx.store.write((tx) => c.of(tx).remove(summit, key, 2));
      expect(await get(key)).toBeUndefined();
      const listed = await ctx.store.read((tx) => c.of(tx).list(summit));
      expect(listed.map((r) => c.keyOf(r))).not.toContainEqual(key);
    });
  });
}

/** Registers the Collection contract for every versioned collection. */
export function collectionsContract(target: StoreTarget): void {
  const ownRequest = (tx: Tx, s: SummitId, id: string) => tx.requests.insert(s, f.request(id));
  collectionSuite<Venue, string>(target, {
    name: 'venues',
    of: (tx) => tx.venues,
    make: (id) => f.venue(id),
    change: (r) => ({ ...r, name: `${r.name} (renamed)` }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Room, string>(target, {
    name: 'rooms',
    of: (tx) => tx.rooms,
    make: (id) => f.room(id, 'v2', 'd1'),
    change: (r) => ({ ...r, capacity: 20, available: null, delegation: null }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Delegation, string>(target, {
    name: 'delegations',
    of: (tx) => tx.delegations,
    make: (id) => f.delegation(id),
    change: (r) => ({ ...r, presence: [{ from: f.at(0), to: f.at(30) }] }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Person, string>(target, {
    name: 'persons',
    of: (tx) => tx.persons,
    make: (id) => f.person(id, 'd2'),
    change: (r) => ({ ...r, role: 'principal', title: null, presence: null }),
    keyOf: (r) => r.id,
  });
  collectionSuite<ProgrammeEvent, string>(target, {
    name: 'programme',
    of: (tx) => tx.programme,
    make: (id) => f.programmeEvent(id),
    change: (r) => ({ ...r, attendees: ['p1', 'p2'] as typeof r.attendees, encounter: false, venue: null }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Busy, string>(target, {
    name: 'busy',
    of: (tx) => tx.busy,
    make: (id) => f.busy(id),
    change: (r) => ({ ...r, venue: 'v2' as VenueId, label: null }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Request, string>(target, {
    name: 'requests',
    of: (tx) => tx.requests,
    make: (id) => f.request(id),
    change: (r) => ({ ...r, status: 'agreed', confidential: true, seats: 4, venue: 'v1' as VenueId }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Condition, { request: string; id: string }>(target, {
    name: 'conditions',
    of: (tx) => tx.conditions,
    make: (id) => f.condition(id),
    change: (r) => ({ ...r, status: 'rejected', counters: 'other' as ConditionId }),
    keyOf: (r) => ({ request: r.request, id: r.id }),
  });
  collectionSuite<Meeting, string>(target, {
    name: 'meetings',
    of: (tx) => tx.meetings,
    prepare: ownRequest,
    make: (id) => meetingInItsOwnSlot(id),
    change: (r) => ({ ...r, room: null, pinned: true, announced: true, confirmedBy: [] }),
    keyOf: (r) => r.request,
  });
  collectionSuite<MeetingNotice, { request: string; kind: NoticeKind }>(target, {
    name: 'notices',
    of: (tx) => tx.notices,
    prepare: ownRequest,
    make: (id) => f.bumpNotice(id),
    change: (r) => ({ ...r, start: null, room: null, at: f.at(90) }),
    keyOf: (r) => ({ request: r.request, kind: r.detail.kind }),
  });
  collectionSuite<Position, string>(target, {
    name: 'positions',
    of: (tx) => tx.positions,
    make: (id) => f.position(id),
    change: (r) => ({ ...r, stance: 'against', considerations: [] }),
    keyOf: (r) => r.id,
  });
  collectionSuite<Decision, RequestDelegationKey>(target, {
    name: 'decisions',
    of: (tx) => tx.decisions,
    prepare: ownRequest,
    make: (id) => f.decision(id, 'd2'),
    change: (r) => ({ ...r, outcome: 'decline', note: 'Not now' }),
    keyOf: (r) => ({ request: r.request, delegation: r.delegation }),
  });
  collectionSuite<PublicLine, RequestDelegationKey>(target, {
    name: 'publicLines',
    of: (tx) => tx.publicLines,
    prepare: ownRequest,
    make: (id) => f.publicLine(id),
    change: (r) => ({ ...r, published: true, claim: 'no-comment' }),
    keyOf: (r) => ({ request: r.request, delegation: r.delegation }),
  });
}
