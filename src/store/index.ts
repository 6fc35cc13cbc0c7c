// The storage layer's public face: open a Store, and the types and errors it speaks in.
export { openStore, type StoreOptions } from './open.js';
export {
  DuplicateError,
  NotFoundError,
  StaleVersionError,
  type ApiToken,
  type AppendOnly,
  type Collection,
  type EventQuery,
  type IdempotentResponse,
  type RequestDelegationKey,
  type RequestKey,
  type Session,
  type Store,
  type Tx,
  type User,
} from './store.js';
