// Add, change, remove, list and get for the summit's logistics records, written once for all of them.
import type { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Scope } from '../../domain/visibility/scope.js';
import type { SummitData } from '../../domain/summit/data.js';
import { guardMeetings, touchBoth, type GuardOptions, type Touch } from '../meetings/guard.js';
import { NotFoundError, type Collection, type Tx } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError, type Issue } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { refuseWhileInUse, type Referrers } from './in-use.js';

interface Record_ {
  id: string;
  version: number;
}

/** How one kind of record is validated, authorised and scoped. */
export interface EntitySpec<T extends Record_> {
  /** Singular name in messages and event types: "room" → "room.added". */
  name: string;
  collection(tx: Tx): Collection<T, string>;
  /** The record without its version (the store keeps versions). */
  schema: z.ZodType<Omit<T, 'version'>>;
  /** Throws ForbiddenError unless the actor may write this record. */
  authorise(actor: Actor, summit: SummitId, record: Omit<T, 'version'>, tx: Tx): void | Promise<void>;
  /**
   * Throws ForbiddenError unless the actor may make this change (change only; default: `authorise`
   * of the record before and after), for kinds whose writers may change some fields only.
   */
  authoriseChange?(
    actor: Actor,
    summit: SummitId,
    before: Omit<T, 'version'>,
    after: Omit<T, 'version'>,
    tx: Tx,
  ): void | Promise<void>;
  /** What is wrong with the id a new record takes (add only), e.g. outside its delegation's space. */
  newIdIssues?(actor: Actor, summit: SummitId, record: Omit<T, 'version'>, tx: Tx): Promise<Issue[]>;
  /** References that must resolve (venue of a room…); every failure listed. */
  references?(tx: Tx, summit: SummitId, record: Omit<T, 'version'>): Promise<Issue[]>;
  scope(record: Omit<T, 'version'>, tx: Tx, summit: SummitId): Scope | Promise<Scope>;
  /** The records the actor may read among `records` (default: all, for summit-scoped logistics). */
  visible?(actor: Actor, summit: SummitId, records: T[], tx: Tx): Promise<T[]>;
  /**
   * What still refers to the record, as far as the actor may see it (remove only): a record in use
   * is not removed, and the refusal names only what the actor may see (in-use.ts).
   */
  referrers?(tx: Tx, actor: Actor, summit: SummitId, id: string): Promise<Referrers>;
  /** Where records of this kind are in SummitData, so the guard on meetings sees the summit after a write. */
  data: LogisticsField;
  /** Whose time and which rooms a record bears on (meetings/guard.ts), read from the summit as it is. */
  touches(record: Omit<T, 'version'>, data: SummitData): Touch;
}

/** The SummitData lists the logistics use cases write. */
export type LogisticsField = 'venues' | 'rooms' | 'delegations' | 'persons' | 'programme' | 'busy';

/** The summit with one record of `field` added, replaced (same id) or removed (`record` null). */
function withRecord(
  data: SummitData,
  field: LogisticsField,
  id: string,
  record: { id: string; version: number } | null,
): SummitData {
  const list = data[field] as { id: string }[];
  const others = list.filter((r) => r.id !== id);
  return { ...data, [field]: record === null ? others : [...others, record] };
}

/**
 * The five use cases of one kind of record. The writes are guarded (meetings/guard.ts): one that
 * would break a confirmed or pinned meeting is refused unless `options.force`.
 */
export interface EntityUseCases<T extends Record_> {
  add(ctx: AppContext, actor: Actor, summit: SummitId, input: unknown, options?: GuardOptions): Promise<T>;
  /** `input` is the whole new record; `expectedVersion` the version the caller read. */
  change(
    ctx: AppContext,
    actor: Actor,
    summit: SummitId,
    id: string,
    input: unknown,
    expectedVersion: number,
    options?: GuardOptions,
  ): Promise<T>;
  remove(
    ctx: AppContext,
    actor: Actor,
    summit: SummitId,
    id: string,
    expectedVersion: number,
    options?: GuardOptions,
  ): Promise<void>;
  list(ctx: AppContext, actor: Actor, summit: SummitId): Promise<T[]>;
  get(ctx: AppContext, actor: Actor, summit: SummitId, id: string): Promise<T>;
}

/** Builds the use cases of one kind of record from its spec. */
export function entityUseCases<T extends Record_>(spec: EntitySpec<T>): EntityUseCases<T> {
  const check = async (tx: Tx, summit: SummitId, record: Omit<T, 'version'>) => {
    const issues = (await spec.references?.(tx, summit, record)) ?? [];
    if (issues.length > 0) throw new ValidationError(issues);
  };
  const requireSummit = async (tx: Tx, summit: SummitId) => {
    if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
  };
  const visible = async (tx: Tx, actor: Actor, summit: SummitId, records: T[]) =>
    spec.visible ? spec.visible(actor, summit, records, tx) : records;
  const readable = async (tx: Tx, actor: Actor, summit: SummitId, id: string): Promise<T> => {
    const record = await spec.collection(tx).get(summit, id);
    if (!record || (await visible(tx, actor, summit, [record])).length === 0)
      throw new NotFoundError(spec.name, id);
    return record;
  };
  /** Judges a write of one record (before → after; null for none) against the meetings it bears on. */
  const guard = (
    tx: Tx,
    ctx: AppContext,
    actor: Actor,
    summit: SummitId,
    before: T | null,
    after: T | null,
    done: string,
    options: GuardOptions,
  ) => {
    const id = (after ?? before)!.id;
    return guardMeetings(
      tx,
      ctx,
      actor,
      summit,
      {
        apply: (data) => withRecord(data, spec.data, id, after),
        touches: (data) =>
          [before, after]
            .flatMap((r) => (r ? [spec.touches(r, data)] : []))
            .reduce(touchBoth, { persons: [], rooms: [] }),
        what: `${spec.name} ${id} ${done}`,
      },
      options,
    );
  };
  return {
    async add(ctx, actor, summit, input, options = {}) {
      requireParticipant(actor, summit);
      const record = parseInput(spec.schema, input);
      return writeWithEvents(ctx, async (tx) => {
        await requireSummit(tx, summit);
        await check(tx, summit, record);
        await spec.authorise(actor, summit, record, tx);
        const idIssues = (await spec.newIdIssues?.(actor, summit, record, tx)) ?? [];
        if (idIssues.length > 0) throw new ValidationError(idIssues);
        await guard(tx, ctx, actor, summit, null, { ...record, version: 1 } as T, 'added', options);
        const stored = await spec.collection(tx).insert(summit, { ...record, version: 1 } as T);
        await recordEvent(
          tx,
          ctx,
          actor,
          summit,
          await spec.scope(record, tx, summit),
          `${spec.name}.added`,
          { id: stored.id },
        );
        return stored;
      });
    },
    async change(ctx, actor, summit, id, input, expectedVersion, options = {}) {
      requireParticipant(actor, summit);
      const record = parseInput(spec.schema, input);
      if (record.id !== id)
        throw new ValidationError([{ path: 'id', message: `an id cannot change (was "${id}")` }]);
      return writeWithEvents(ctx, async (tx) => {
        const before = await readable(tx, actor, summit, id);
        if (spec.authoriseChange) {
          await spec.authoriseChange(actor, summit, before, record, tx);
          await check(tx, summit, record);
        } else {
          await spec.authorise(actor, summit, before, tx);
          await check(tx, summit, record);
          await spec.authorise(actor, summit, record, tx);
        }
        await guard(
          tx,
          ctx,
          actor,
          summit,
          before,
          { ...record, version: before.version } as T,
          'changed',
          options,
        );
        const stored = await spec.collection(tx).update(summit, { ...record, version: expectedVersion } as T);
        await recordEvent(
          tx,
          ctx,
          actor,
          summit,
          await spec.scope(record, tx, summit),
          `${spec.name}.changed`,
          { id },
        );
        return stored;
      });
    },
    async remove(ctx, actor, summit, id, expectedVersion, options = {}) {
      requireParticipant(actor, summit);
      return writeWithEvents(ctx, async (tx) => {
        const before = await readable(tx, actor, summit, id);
        await spec.authorise(actor, summit, before, tx);
        if (spec.referrers)
          refuseWhileInUse(`${spec.name} ${id}`, await spec.referrers(tx, actor, summit, id));
        await guard(tx, ctx, actor, summit, before, null, 'removed', options);
        const scope = await spec.scope(before, tx, summit);
        await spec.collection(tx).remove(summit, id, expectedVersion);
        await recordEvent(tx, ctx, actor, summit, scope, `${spec.name}.removed`, { id });
      });
    },
    async list(ctx, actor, summit) {
      requireParticipant(actor, summit);
      return ctx.store.read(async (tx) => {
        await requireSummit(tx, summit);
        return visible(tx, actor, summit, await spec.collection(tx).list(summit));
      });
    },
    async get(ctx, actor, summit, id) {
      requireParticipant(actor, summit);
      return ctx.store.read((tx) => readable(tx, actor, summit, id));
    },
  };
}
