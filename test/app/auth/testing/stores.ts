// Test support: a real store on a temp SQLite file or a fresh PostgreSQL database, and a clock tests move.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../../support/postgres.js';
import { openStore, type StoreOptions } from '../../../../src/store/open.js';
import type { Store } from '../../../../src/store/store.js';
import { DelegationId, PersonId, SummitId } from '../../../../src/domain/ids.js';
import { NO_PLANNING_LIMITS } from '../../../../src/domain/summit/practice.js';

/** The databases every store-backed test runs on. */
export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** A store opened for one test file, and how to throw it away. */
export interface TestStore {
  store: Store;
  /** How it was opened: open another store on the same database with these (another server). */
  options: StoreOptions;
  dispose(): Promise<void>;
}

/** Opens an empty, migrated store: a temp SQLite file, or a new database on the run's PostgreSQL server. */
export async function openTestStore(backend: Backend, pgServerUrl?: string): Promise<TestStore> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'sideline-auth-'));
    const options = { sqlitePath: join(dir, 'test.db') };
    const store = await openStore(options);
    return {
      store,
      options,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgServerUrl) throw new Error('a PostgreSQL test store needs the server URL (inject("pgUrl"))');
  const db = await createTestDatabase(pgServerUrl);
  const store = await openStore({ databaseUrl: db.url });
  return {
    store,
    options: { databaseUrl: db.url },
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
}

/** A clock that stands still until a test moves it. */
export class TestClock {
  private t: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.t = Date.parse(start);
  }
  /** The current time. */
  readonly now = (): Date => new Date(this.t);
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Writes a small summit `id` with delegations `usa` and `rus` (each with a principal), for grants to name. */
export async function seedSummit(store: Store, id: string): Promise<SummitId> {
  const summit = SummitId.parse(id);
  await store.write(async (tx) => {
    await tx.summits.insert({
      id: summit,
      name: `Summit ${id}`,
      timezone: 'Asia/Ho_Chi_Minh',
      days: { from: '2017-11-10', to: '2017-11-11' },
      dayWindow: { from: '08:00', to: '20:00' },
      grainMinutes: 15,
      bufferMinutes: 0,
      roomTurnoverMinutes: 0,
      rankParity: 'warn',
      planning: NO_PLANNING_LIMITS,
      quotas: [],
      confirmation: null,
      version: 1,
    });
    for (const d of ['usa', 'rus']) {
      const delegation = DelegationId.parse(d);
      const principal = PersonId.parse(`${d}-lead`);
      await tx.delegations.insert(summit, {
        id: delegation,
        name: d.toUpperCase(),
        principal,
        presence: null,
        languages: null,
        interpreters: null,
        version: 1,
      });
      await tx.persons.insert(summit, {
        id: principal,
        delegation,
        name: `${d} lead`,
        title: null,
        role: 'principal',
        presence: null,
        languages: null,
        rank: null,
        version: 1,
      });
    }
  });
  return summit;
}
