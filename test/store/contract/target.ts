// What a contract run needs from one database: a way to open Stores on it.
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../../src/store/store.js';

/** One database the contract runs against. */
export interface StoreTarget {
  readonly dialect: Store['dialect'];
  /** Opens another Store on the same database (each call is a new connection or pool). */
  open(): Promise<Store>;
  /** The migrations recorded as applied, read without the store. */
  appliedMigrations(): Promise<string[]>;
  /** Another database of the same kind, new and empty (dropped by the test file at its end). */
  fresh(): Promise<StoreTarget>;
}

/** Opens a Store before the suite's tests and closes it after; read `.store` inside tests. */
export function useStore(target: StoreTarget): { readonly store: Store } {
  const holder: { store?: Store } = {};
  beforeAll(async () => {
    holder.store = await target.open();
  });
  afterAll(async () => {
    await holder.store?.close();
  });
  return {
    get store(): Store {
      if (!holder.store) throw new Error('the store is opened in beforeAll');
      return holder.store;
    },
  };
}
