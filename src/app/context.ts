// What every use case receives besides the actor: the store, the clock and an id source.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { instantFromMillis, type Instant } from '../domain/time.js';

/** The application's surroundings, injected so tests control time and ids. */
export interface AppContext {
  readonly store: Store;
  /** The current instant. */
  now(): Instant;
  /** A new opaque id for records the system names (messages, positions). */
  newId(): string;
}

/** A context on the real clock and random ids. */
export function appContext(store: Store): AppContext {
  return { store, now: () => instantFromMillis(Date.now()), newId: () => randomUUID() };
}
