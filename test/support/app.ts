// Application test helpers: a real store on each backend, a controlled clock, actors by role.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import type { Actor, DelegationRole, HostRole } from '../../src/domain/actor/schema.js';
import type { DelegationId, SummitId, UserId } from '../../src/domain/ids.js';
import { instantFromMillis, type Instant } from '../../src/domain/time.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase } from './postgres.js';

/** The backends every application test runs on. */
export const BACKENDS = ['sqlite', 'postgres'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** An open store and how to dispose of it. */
export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

/** Opens an empty store on a temp SQLite file or a fresh PostgreSQL database. */
export async function openTestStore(backend: BackendName): Promise<TestStore> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'sideline-test-'));
    const store = await openStore({ sqlitePath: join(dir, 'test.db') });
    return {
      store,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const db = await createTestDatabase(inject('pgUrl'));
  const store = await openStore({ databaseUrl: db.url });
  return {
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
}

/** A context whose clock stands still until moved, and whose ids count up. */
export function testContext(
  store: Store,
  start = '2017-11-09T00:00:00.000Z',
): AppContext & { advance(minutes: number): void } {
  let now = Date.parse(start);
  let n = 0;
  return {
    store,
    now: (): Instant => instantFromMillis(now),
    newId: () => `id${String(++n).padStart(6, '0')}`,
    advance(minutes: number) {
      now += minutes * 60_000;
    },
  };
}

/** The operator: may do anything (imports, demo). */
export const SYSTEM: Actor = { user: 'system' as UserId, grants: [], system: true };

/** A user holding one delegation role in a summit. */
export function delegate(
  summit: string,
  delegation: string,
  role: DelegationRole,
  user = `${delegation}-${role}`,
): Actor {
  return {
    user: user as UserId,
    grants: [
      { kind: 'delegation', summit: summit as SummitId, delegation: delegation as DelegationId, role },
    ],
    system: false,
  };
}

/** A user holding one host role in a summit. */
export function host(summit: string, role: HostRole = 'host-admin', user = `host-${role}`): Actor {
  return {
    user: user as UserId,
    grants: [{ kind: 'host', summit: summit as SummitId, role }],
    system: false,
  };
}
