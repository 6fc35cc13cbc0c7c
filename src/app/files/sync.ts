// Makes a stored collection equal to a desired list with as few writes as possible.
import type { SummitId } from '../../domain/ids.js';
import type { Collection } from '../../store/store.js';

/** What one sync changed. */
export interface SyncCount {
  inserted: number;
  updated: number;
  removed: number;
}

interface Versioned {
  version: number;
}

/** The writes that turn one stored collection into a desired list, split so callers can order them. */
export interface SyncStep {
  readonly name: string;
  /** Removes records absent from the desired list; run children-first. */
  remove(): Promise<number>;
  /** Inserts new and updates changed records; run parents-first. */
  upsert(): Promise<Omit<SyncCount, 'removed'>>;
}

/** Compares two records ignoring their versions. */
function sameContent(a: Versioned, b: Versioned): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}

/** Plans the sync of `col` from `existing` to `desired`, records matched by `keyOf`. */
export function syncStep<T extends Versioned, K>(
  name: string,
  summit: SummitId,
  col: Collection<T, K>,
  existing: readonly T[],
  desired: readonly T[],
  keyOf: (record: T) => K,
): SyncStep {
  const id = (r: T) => JSON.stringify(keyOf(r));
  const before = new Map(existing.map((r) => [id(r), r]));
  const wanted = new Set(desired.map(id));
  return {
    name,
    async remove() {
      let removed = 0;
      for (const old of existing) {
        if (wanted.has(id(old))) continue;
        await col.remove(summit, keyOf(old), old.version);
        removed++;
      }
      return removed;
    },
    async upsert() {
      let inserted = 0;
      let updated = 0;
      for (const record of desired) {
        const old = before.get(id(record));
        if (!old) {
          await col.insert(summit, record);
          inserted++;
        } else if (!sameContent(old, record)) {
          await col.update(summit, { ...record, version: old.version });
          updated++;
        }
      }
      return { inserted, updated };
    },
  };
}

/** Runs steps given parents-first: removals in reverse order, then upserts in order. */
export async function runSync(steps: readonly SyncStep[]): Promise<Record<string, SyncCount>> {
  const removed: Record<string, number> = {};
  for (const step of [...steps].reverse()) removed[step.name] = await step.remove();
  const summary: Record<string, SyncCount> = {};
  for (const step of steps)
    summary[step.name] = { ...(await step.upsert()), removed: removed[step.name] ?? 0 };
  return summary;
}
